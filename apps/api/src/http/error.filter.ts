import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, FieldNotAllowed, TooManyAttempts, type DomainErrorKind } from '@app/domain';
import { RequestValidationFailed } from './validation';
import type { ErrorResponse } from './error-response';
import { noteErrorForLog } from '../logging/request-logging';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  throttled: 429,
  bad_input: 400,
  gone: 410,
};

const PG_CONFLICTS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'CONFLICT.DUPLICATE', message: 'A record with these values already exists' },
  '23P01': {
    status: 409,
    code: 'CONFLICT.CONCURRENT_CHANGE',
    message: 'A concurrent change conflicts with this one; retry',
  },
  '40001': {
    status: 409,
    code: 'CONFLICT.CONCURRENT_CHANGE',
    message: 'A concurrent change conflicts with this one; retry',
  },
  '40P01': {
    status: 409,
    code: 'CONFLICT.CONCURRENT_CHANGE',
    message: 'A concurrent change conflicts with this one; retry',
  },
  '23503': { status: 422, code: 'REFERENCE.INVALID', message: 'A referenced record does not exist' },
  '23514': { status: 422, code: 'RULE.CHECK_FAILED', message: 'The values break a data rule' },
  '22007': { status: 400, code: 'VALIDATION_FAILED', message: 'A date or time in the request is not valid' },
  '22008': { status: 400, code: 'VALIDATION_FAILED', message: 'A date or time in the request is out of range' },
  '22021': { status: 400, code: 'VALIDATION_FAILED', message: 'The request contains characters that cannot be stored' },
  '22P05': { status: 400, code: 'VALIDATION_FAILED', message: 'The request contains characters that cannot be stored' },
};

/** One exhaustive mapping from whatever was thrown to the JSON error body. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]} failed [${body.correlationId}]: ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    noteErrorForLog(request, body);
    if (body.statusCode === 401) reply.header('www-authenticate', 'Bearer');
    if (exception instanceof TooManyAttempts) reply.header('retry-after', String(exception.retryAfterSeconds));
    if (body.code === 'SERVICE.UNAVAILABLE') reply.header('retry-after', '5');
    reply.header('x-request-id', body.correlationId).status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, correlationId: string): ErrorResponse {
    if (exception instanceof RequestValidationFailed) {
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: exception.message,
        errors: exception.fields,
        ...(exception.omitted > 0 ? { details: { omittedErrors: exception.omitted } } : {}),
        correlationId,
      };
    }
    if (exception instanceof FieldNotAllowed) {
      return {
        statusCode: 400,
        code: exception.code,
        message: exception.message,
        errors: [{ field: exception.field, problems: [exception.problem] }],
        correlationId,
      };
    }
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS_BY_KIND[exception.kind],
        code: exception.code,
        message: exception.message,
        details: exception.details,
        correlationId,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? (response as { message: string[] }).message.join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return {
        statusCode: status,
        code: httpCode(status, message),
        message: status >= 500 ? 'Internal server error' : message,
        correlationId,
      };
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      return {
        statusCode: fastifyError.statusCode,
        code: fastifyCode(fastifyError),
        message: fastifyError.message ?? 'Bad request',
        correlationId,
      };
    }
    const pg = isDriverError(exception) ? PG_CONFLICTS[exception.code] : undefined;
    if (pg) return { statusCode: pg.status, code: pg.code, message: pg.message, correlationId };
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        code: 'SERVICE.UNAVAILABLE',
        message: 'The database is unavailable; retry shortly',
        correlationId,
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error', correlationId };
  }
}

function httpCode(status: number, message: string): string {
  if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(message)) return 'ROUTE.NOT_FOUND';
  if (status === 413) return 'REQUEST.BODY_TOO_LARGE';
  if (status === 415) return 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
  if (status === 400 && /JSON/i.test(message)) return 'REQUEST.MALFORMED_JSON';
  return `HTTP.${status}`;
}

function fastifyCode(error: { statusCode?: number; code?: string }): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'REQUEST.BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'REQUEST.MALFORMED_JSON';
    default:
      return error.statusCode === 400 ? 'REQUEST.MALFORMED' : `HTTP.${error.statusCode}`;
  }
}

/** A PostgreSQL error as TypeORM wraps it (QueryFailedError carries driverError) or as pg raises it (severity). */
function isDriverError(exception: unknown): exception is { code: string } {
  const e = exception as { code?: unknown; driverError?: unknown; severity?: unknown } | null;
  return typeof e?.code === 'string' && (e.driverError !== undefined || e.severity !== undefined);
}

/** Connection-level failures (no answer from PostgreSQL at all), as node-postgres, pg-pool and TypeORM report them. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting down), connection_exception class 08.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down|in recovery mode)|connect ECONNREFUSED/i;

/** The database is down or restarting: 503 at once, not a 500, so clients and balancers retry later. */
export function isDatabaseUnavailable(exception: unknown): boolean {
  for (
    let e = exception as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | null,
      depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    // TypeORM's answer when the transaction's connection broke and was given back to the pool under it.
    const name = (e as { name?: unknown }).name;
    if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
    e = (e.driverError ?? e.cause ?? null) as typeof e;
  }
  return false;
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
