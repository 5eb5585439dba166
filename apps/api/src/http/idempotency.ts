import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { AuthenticatedRequestUser } from '@app/auth';
import { IDEMPOTENCY_TTL_HOURS, IdempotencyService } from '@app/domain';
import { RequestValidationFailed } from './validation';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** 1–255 printable ASCII characters (a UUID is the usual choice). */
const VALID_KEY = /^[\x20-\x7E]{1,255}$/;

/**
 * On a create (POST that creates): the caller may send `Idempotency-Key`. The first answer is stored with the
 * created row, in the same transaction, for 24 h per user, method and path; the same key again answers that first
 * answer and writes nothing (a retry after a lost answer), the same key with another body answers 422
 * IDEMPOTENCY.KEY_REUSED. The service's create must open its transaction with IdempotencyService.transaction.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        `Optional. The same key again within ${IDEMPOTENCY_TTL_HOURS} h (same user, method and path) answers the first answer ` +
        'and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
    }),
  );

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedRequestUser }>();
    const header = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !VALID_KEY.test(header)) {
      throw new RequestValidationFailed([
        {
          field: IDEMPOTENCY_HEADER,
          problems: [`${IDEMPOTENCY_HEADER} must be one header of 1–255 printable ASCII characters`],
        },
      ]);
    }
    const actor = request.user?.actor;
    if (!actor) return next.handle();
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const outcome = this.idempotency.run(
      {
        organizationId: actor.organizationId,
        userId: actor.userId,
        key: header,
        method: request.method,
        path: request.url.split('?')[0],
        requestHash: createHash('sha256').update(canonicalJson(request.body)).digest('hex'),
        status,
      },
      () => lastValueFrom(next.handle(), { defaultValue: undefined }),
    );
    return from(
      outcome.then((done) => {
        if (!done.replayed) return done.result;
        http.getResponse<FastifyReply>().header('idempotent-replayed', 'true');
        return done.answer.response;
      }),
    );
  }
}

/** Deeper than any request body of this API: a hostile body is refused instead of exhausting the stack. */
const MAX_DEPTH = 32;

/** JSON with object keys sorted, so the same body written in another key order is the same request. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH)
    throw new RequestValidationFailed([
      { field: 'body', problems: [`body must not nest deeper than ${MAX_DEPTH} levels`] },
    ]);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
