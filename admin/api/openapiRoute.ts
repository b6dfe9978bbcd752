import { AdminContext } from '../context';
import { openApiDocument } from './openapi';

/** GET /admin/api/openapi.json, built once from every route declared before it. */
export function openApiRoute(ctx: AdminContext): void {
  let doc: object | undefined;
  ctx.routes.add({ method: 'get', path: '/api/openapi.json', permission: 'signedIn', kind: 'api', summary: 'This document' }, async ({ res }) => {
    doc ??= openApiDocument(ctx.routes.specs);
    res.json(doc);
  });
}
