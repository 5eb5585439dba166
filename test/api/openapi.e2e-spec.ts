import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '@app/auth';
import { startTestApi, type TestApi } from '@test/support';
import { API_PREFIX } from '../../apps/api/src/bootstrap';

/**
 * The published OpenAPI document against what the app really serves: every route the router knows is
 * documented, protected operations declare bearer auth, and every body and 2xx payload is a component schema.
 */
type Operation = {
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, { type: string; scheme?: string }> };
};

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Served by the Swagger module itself, not part of the API. */
const isDocsRoute = (path: string) =>
  path === '/api/docs' || path.startsWith('/api/docs/') || path.startsWith('/api/docs-');
/** The web dashboard (index.html, its assets, the deep-link fallback) is served outside /api and is not part of the API. */
const isWebAppRoute = (path: string) => path !== '/api' && !path.startsWith('/api/');

/** Parses Fastify's printRoutes({ commonPrefix: false }) tree into "METHOD /path" entries (HEAD is implicit). */
function routesFromFastify(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    if (!match[3]) continue;
    const path = stack.join('');
    for (const method of match[3].split(',').map((m) => m.trim())) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

/** The same routes from Nest's own metadata: every controller handler with its method and full path. */
function routesFromNest(api: TestApi): Array<{ route: string; isPublic: boolean }> {
  const found: Array<{ route: string; isPublic: boolean }> = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        const method = Reflect.getMetadata(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const joined = [base, String(path)]
          .map((s) => s.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/');
        const full = joined === 'api/health' ? `/${joined}` : `/${API_PREFIX}/${joined}`;
        found.push({
          route: `${RequestMethod[method as RequestMethod]} ${full.replace(/\/+$/, '')}`,
          isPublic: classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true,
        });
      }
    }
  }
  return found;
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document', () => {
  let api: TestApi;
  let doc: OpenApiDocument;
  let operations: Array<{ method: string; path: string; op: Operation }>;

  beforeAll(async () => {
    api = await startTestApi();
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    doc = (await response.json()) as OpenApiDocument;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((method) => ({ method: method.toUpperCase(), path, op: item[method] })),
    );
  });
  afterAll(() => api.close());

  it('is an OpenAPI 3 document with a bearer security scheme', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: 'Throughline API', version: expect.any(String) });
    expect(Object.values(doc.components.securitySchemes ?? {})).toContainEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(operations.length).toBeGreaterThan(40);
  });

  it('documents every route the router registers, and nothing that is not served', () => {
    const fastifyRoutes = routesFromFastify(
      api.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }),
    ).filter((r) => !isDocsRoute(r.split(' ')[1]) && !isWebAppRoute(r.split(' ')[1]));
    const nestRoutes = routesFromNest(api).map((r) => r.route);
    // The two views of the router agree, so neither parser missed anything.
    expect([...fastifyRoutes].sort()).toEqual([...new Set(nestRoutes)].sort());
    expect(fastifyRoutes.length).toBeGreaterThan(40);

    const documented = operations.map((o) => `${o.method} ${o.path}`).sort();
    const served = fastifyRoutes
      .map((r) => {
        const [method, path] = r.split(' ');
        return `${method} ${toOpenApiPath(path)}`;
      })
      .sort();
    expect(documented).toEqual(served);
  });

  it('declares bearer security on every non-public operation, and none on the public ones', () => {
    const publicRoutes = new Set(
      routesFromNest(api)
        .filter((r) => r.isPublic)
        .map((r) => {
          const [method, path] = r.route.split(' ');
          return `${method} ${toOpenApiPath(path)}`;
        }),
    );
    // The digest unsubscribe link works without logging in: its signed token is the credential; so does a calendar
    // feed URL (calendar apps subscribe without a session): its random token, stored hashed, is the credential.
    expect([...publicRoutes].sort()).toEqual([
      'GET /api/health',
      'GET /api/v1/auth/sso/discover',
      'GET /api/v1/calendar/{file}',
      'GET /api/v1/digests/unsubscribe',
      // An alert email's opt-out link: its signed token (organization + address) is the credential, like a digest's.
      'GET /api/v1/notifications/unsubscribe',
      // A report's share link: its token (256 random bits, stored hashed) is the credential.
      'GET /api/v1/shared-reports/{token}',
      'GET /api/v1/shared-reports/{token}/pdf',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/password-reset',
      'POST /api/v1/auth/password-reset/confirm',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/signup',
      'POST /api/v1/auth/signup/verify',
      'POST /api/v1/auth/sso/callback',
      'POST /api/v1/auth/sso/start',
      'POST /api/v1/check-in-links/check-in',
      'POST /api/v1/check-in-links/inspect',
      'POST /api/v1/digests/unsubscribe',
      'POST /api/v1/invitations/accept',
      'POST /api/v1/invitations/inspect',
      'POST /api/v1/notifications/unsubscribe',
    ]);
    const schemeNames = Object.entries(doc.components.securitySchemes ?? {})
      .filter(([, s]) => s.type === 'http' && s.scheme === 'bearer')
      .map(([n]) => n);
    const missing = operations
      .filter((o) => !publicRoutes.has(`${o.method} ${o.path}`))
      .filter((o) => !(o.op.security ?? []).some((req) => schemeNames.some((n) => n in req)))
      .map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    const securedPublic = operations
      .filter((o) => publicRoutes.has(`${o.method} ${o.path}`) && (o.op.security ?? []).length > 0)
      .map((o) => `${o.method} ${o.path}`);
    expect(securedPublic).toEqual([]);
  });

  it('refers every request body and 2xx payload to a schema in components (and every $ref resolves)', () => {
    const resolves = (ref: string | undefined) =>
      !!ref &&
      ref.startsWith('#/components/schemas/') &&
      ref.slice('#/components/schemas/'.length) in doc.components.schemas;
    const refersToComponent = (schema: Schema | undefined): boolean =>
      !!schema && (resolves(schema.$ref) || (schema.type === 'array' && !!schema.items && resolves(schema.items.$ref)));

    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      const where = `${method} ${path}`;
      if (op.requestBody) {
        const content = op.requestBody.content ?? {};
        // JSON everywhere, except the CSV import: a file upload (multipart/form-data, one file per field).
        if (!content['application/json'] && !(where === 'POST /api/v1/imports' && content['multipart/form-data']))
          problems.push(`${where}: request body is not application/json`);
        for (const [type, media] of Object.entries(content))
          if (!refersToComponent(media.schema))
            problems.push(`${where}: request body (${type}) has no component schema`);
      } else if (
        ['POST', 'PUT', 'PATCH'].includes(method) &&
        !/\/(acknowledge|disable|enable|calendar-feed|resend|revoke|archive|restore)$/.test(path)
      ) {
        problems.push(`${where}: no request body documented`);
      }
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
      if (success.length === 0) problems.push(`${where}: no 2xx response`);
      for (const [code, response] of success) {
        if (code === '204') {
          if (response.content) problems.push(`${where}: 204 with a body`);
          continue;
        }
        // Downloads (CSV exports and templates, the ICS feed) are text, declared as a string of their media type.
        const download = Object.entries(response.content ?? {}).filter(([type]) => /^text\/(csv|calendar)$/.test(type));
        if (download.length) {
          if (response.content?.['application/json'] || download.some(([, m]) => m.schema?.type !== 'string'))
            problems.push(`${where}: ${code} download is not declared as text only`);
          continue;
        }
        const json = response.content?.['application/json'];
        // A document download (a report's PDF) is declared as binary of its own media type instead.
        const pdf = response.content?.['application/pdf'];
        if (pdf && !json) {
          if (pdf.schema?.format !== 'binary') problems.push(`${where}: ${code} PDF response is not declared binary`);
          continue;
        }
        if (!refersToComponent(json?.schema)) problems.push(`${where}: ${code} response has no component schema`);
      }
      // Path parameters are declared.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (!(op.parameters ?? []).some((p) => p.in === 'path' && p.name === name && p.required))
          problems.push(`${where}: path parameter ${name} not declared`);
      }
    }

    // Every $ref anywhere in the document points at an existing component.
    const dangling = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string' && !resolves(value)) dangling.add(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(problems).toEqual([]);
    expect([...dangling]).toEqual([]);
  });

  it('documents list query parameters (paging) on the list operations', () => {
    for (const path of [
      '/api/v1/clients',
      '/api/v1/engagements',
      '/api/v1/portfolio',
      '/api/v1/audit-events',
      '/api/v1/owners',
      '/api/v1/users',
      '/api/v1/executives',
    ]) {
      const names = (doc.paths[path].get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect({ path, names }).toEqual({ path, names: expect.arrayContaining(['limit', 'offset']) });
    }
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/swagger-ui/i);
  });
});
