import { z } from 'zod';
import { Permission } from '../auth/permissions';
import { RouteSpec } from '../auth/route';

type Spec = RouteSpec<Permission, unknown, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
const errorBody = { content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } } } };

/** The OpenAPI 3.1 document of the JSON API, generated from the routes' own zod schemas (so it cannot drift). */
export function openApiDocument(specs: Spec[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const spec of specs.filter((s) => s.kind === 'api')) {
    const path = `/admin${spec.path}`.replace(/:(\w+)/g, '{$1}');
    const params = [...spec.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = spec.query ? queryParameters(spec.query) : [];
    const ok = spec.produces ? { content: { [spec.produces]: { schema: { type: 'string' } } } } : spec.response ? { content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } } : {};
    const responses: Record<string, object> = { [spec.method === 'post' && spec.path === '/api/users' ? '201' : '200']: { description: 'OK', ...ok }, 400: { description: 'Invalid request', ...errorBody } };
    if (spec.permission !== 'public') {
      responses[401] = { description: 'No session', ...errorBody };
      responses[403] = { description: 'Your role may not do this, or the CSRF token is missing', ...errorBody };
    }
    if (spec.path.includes(':')) responses[404] = { description: 'Not found (or not in your scope)', ...errorBody };
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      'x-permission': spec.permission,
      ...(spec.permission === 'public' ? { security: [] } : {}),
      parameters: [...params, ...query],
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'heard admin API',
      version: '1',
      description:
        'The monitoring body’s API. Sign in with POST /admin/api/session; send the returned csrfToken as X-CSRF-Token on every POST, PUT, PATCH and DELETE. `x-permission` names what each operation needs.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'heard_admin' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}

function queryParameters(schema: z.ZodType): object[] {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }));
}
