import { ErrorRequestHandler, RequestHandler } from 'express';
import { AdminError, NotFound, PUBLIC_MESSAGES } from './errors';
import { InvalidRequest, SignInRequired } from './auth/route';
import { AdminLog } from './context';
import { html } from './pages/html';
import { page } from './pages/layout';
import { staffOf } from './auth/staff';

const isApi = (url: string) => url.startsWith('/admin/api/');

/** Anything under /admin that no route declared: not found (and so denied). */
export const notFound: RequestHandler = (_req, _res, next) => next(new NotFound('route'));

/** The admin app's one error edge: generic words to the user, the detail in the log. */
export function adminErrorHandler(log: AdminLog): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      log.error({ err }, 'admin request failed after the answer started');
      return void res.end();
    }
    if (err instanceof SignInRequired && !isApi(req.originalUrl)) return void res.redirect(303, err.redirect);
    const status = err instanceof AdminError ? err.status : statusOf(err);
    if (status >= 500) log.error({ err, url: req.originalUrl }, 'admin request failed');
    else if (status === 403 || status === 409) log.warn({ reason: (err as Error).message, url: req.originalUrl, user: staffOf(res)?.user.email }, 'admin request refused');
    const message = PUBLIC_MESSAGES[status] ?? PUBLIC_MESSAGES[status < 500 ? 400 : 500];
    res.status(status);
    if (isApi(req.originalUrl)) {
      return void res.json({ error: message, ...(err instanceof InvalidRequest ? { issues: err.issues } : {}) });
    }
    res.type('html').send(page({ title: 'Error', staff: staffOf(res) }, html`<h1>${message}</h1><p><a href="/admin/queue">Back to the queue</a></p>`).toString());
  };
}

// body-parser's errors carry a 4xx status (malformed JSON, too large); anything else is ours.
function statusOf(err: unknown): number {
  const s = (err as { status?: unknown }).status;
  return typeof s === 'number' && s >= 400 && s < 500 ? s : 500;
}
