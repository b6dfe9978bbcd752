import { RequestHandler } from 'express';
import { sessionIdOf } from '../../core/sessions/sessionPolicy';
import { SessionStore } from '../../core/sessions/types';
import { UserStore } from '../../core/users/types';
import { readCookie, SESSION_COOKIE } from './cookies';

/**
 * Finds the session of the cookie and its user, and puts both on `res.locals.staff`. A session whose user is gone or
 * disabled ends here. It grants nothing by itself: each route's guard decides.
 */
export function sessionLoader(sessions: SessionStore, users: UserStore): RequestHandler {
  return (req, res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return next();
    const id = sessionIdOf(token);
    (async () => {
      const session = await sessions.get(id);
      if (!session) return;
      const user = await users.get(session.userId);
      if (!user || user.disabled) {
        await sessions.delete(id);
        return;
      }
      res.locals.staff = { user, session };
    })().then(() => next(), next);
  };
}
