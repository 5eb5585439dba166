import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { logContext, type LogContext } from '@app/platform';

/** What the error filter learnt about a refused request, for its log line: the code and the field names (never values). */
interface ErrorNote {
  code: string;
  fields?: string[];
  /** Fields with problems beyond those listed (the error body lists the first 20). */
  omittedFields?: number;
}

const ERROR_NOTE = Symbol('errorNote');
type NotedRequest = FastifyRequest & {
  [ERROR_NOTE]?: ErrorNote;
  user?: { actor?: { organizationId: string; userId: string; role: string } };
};

export function noteErrorForLog(
  request: FastifyRequest,
  body: { code: string; errors?: Array<{ field: string }>; details?: Record<string, unknown> },
): void {
  const omitted = body.errors ? body.details?.omittedErrors : undefined;
  (request as NotedRequest)[ERROR_NOTE] = {
    code: body.code,
    fields: body.errors?.map((e) => e.field),
    ...(typeof omitted === 'number' ? { omittedFields: omitted } : {}),
  };
}

const AUTH = '/api/v1/auth';
const LOG_CONTEXT = Symbol('logContext');

/** Who a public request turned out to be (a successful login), as recorded in its log context. */
function identified(request: FastifyRequest): { organizationId: string; userId: string } | undefined {
  const context = (request as unknown as { [LOG_CONTEXT]?: LogContext })[LOG_CONTEXT];
  return context?.organizationId && context.userId
    ? { organizationId: context.organizationId, userId: context.userId }
    : undefined;
}

/**
 * The stable `event` of a finished request, when it matters for security (ASVS V16): successes and failures of
 * authentication, throttling, authorization denials (403, and the access layer's 404 for an id out of reach —
 * indistinguishable from a missing one to the caller, logged alike here), and refused input.
 */
export function securityEvent(
  method: string,
  route: string,
  status: number,
  code: string | undefined,
  authenticated: boolean,
): string | undefined {
  if (status === 429) return 'auth.throttled';
  if (method === 'POST' && route === `${AUTH}/login`)
    return status === 200 ? 'auth.login.succeeded' : status === 401 ? 'auth.login.failed' : undefined;
  if (method === 'POST' && route === `${AUTH}/refresh`)
    return status === 200 ? 'auth.refresh.succeeded' : status === 401 ? 'auth.refresh.failed' : undefined;
  if (method === 'POST' && route === `${AUTH}/signup` && status === 202) return 'auth.signup.requested';
  if (method === 'POST' && route === `${AUTH}/signup/verify`)
    return status === 201 ? 'auth.signup.succeeded' : status === 422 ? 'auth.signup.failed' : undefined;
  if (method === 'POST' && route === `${AUTH}/logout` && status < 300) return 'auth.logout';
  if (method === 'POST' && route === `${AUTH}/password-reset` && status === 202) return 'auth.password_reset.requested';
  if (method === 'POST' && route === `${AUTH}/password-reset/confirm`)
    return status === 204 ? 'auth.password_reset.completed' : status === 422 ? 'auth.password_reset.failed' : undefined;
  if (method === 'POST' && route === '/api/v1/me/password' && status === 204) return 'auth.password.changed';
  if (method === 'POST' && route === '/api/v1/me/password' && status === 422) return 'auth.password.change_failed';
  if (status === 401) return 'auth.token.rejected';
  if (status === 403) return 'authz.denied';
  if (
    status === 404 &&
    authenticated &&
    code !== undefined &&
    code !== 'ROUTE.NOT_FOUND' &&
    code.endsWith('.NOT_FOUND')
  )
    return 'authz.denied';
  if (status === 400 || status === 413 || status === 422) return 'input.rejected';
  return undefined;
}

/**
 * One JSON line per request when it completes: request id, method, route template (never the query string, which
 * may carry an unsubscribe token), status, duration, organization and user; plus `event` for security-relevant ones.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: PinoLogger): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const context: LogContext = { requestId: String(request.id) };
    (request as unknown as { [LOG_CONTEXT]?: LogContext })[LOG_CONTEXT] = context;
    logContext.run(context, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const noted = request as NotedRequest;
    const actor = noted.user?.actor ?? identified(request);
    const route = request.routeOptions?.url ?? request.url.split('?')[0];
    const status = reply.statusCode;
    const note = noted[ERROR_NOTE];
    const event = securityEvent(request.method, route ?? '', status, note?.code, Boolean(actor));
    const fields = {
      context: 'HTTP',
      requestId: String(request.id),
      organizationId: actor?.organizationId,
      userId: actor?.userId,
      method: request.method,
      route,
      status,
      durationMs: Math.round(reply.elapsedTime),
      ...(event ? { event } : {}),
      ...(note ? { code: note.code } : {}),
      ...(note?.fields?.length ? { fields: note.fields } : {}),
      ...(note?.omittedFields ? { omittedFields: note.omittedFields } : {}),
    };
    const level = status >= 500 ? 'error' : event && status >= 400 ? 'warn' : 'info';
    logger[level](fields, event ?? 'request completed');
    done();
  });
}
