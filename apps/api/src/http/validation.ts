import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Thrown by the global ValidationPipe; the filter turns it into a 400 naming each field. */
export class RequestValidationFailed extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super(`Invalid request: ${fields.map((f) => `${f.field} (${f.problems.join('; ')})`).join(', ')}`);
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** An unpaired UTF-16 surrogate: not a character at all, and PostgreSQL's json refuses it (and text would get U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'NUL characters';
  if (LONE_SURROGATE.test(text)) return 'unpaired UTF-16 surrogates (not valid Unicode)';
  return null;
}

/**
 * PostgreSQL cannot hold NUL, nor (in json) a lone surrogate: refuse both up front as bad input, naming the field,
 * instead of failing in the database. Runs after the depth check, so the recursion is bounded.
 */
export function findNulCharacters(value: unknown, path = ''): FieldProblem[] {
  if (typeof value === 'string') {
    const what = unstorable(value);
    return what ? [{ field: path || 'body', problems: [`${path || 'body'} must not contain ${what}`] }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findNulCharacters(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
      const what = unstorable(key);
      return [
        ...(what ? [{ field: path || 'body', problems: [`property names must not contain ${what}`] }] : []),
        ...findNulCharacters(item, path ? `${path}.${key}` : key),
      ];
    });
  }
  return [];
}

/** No request of ours nests deeper than a few levels; far deeper input would overflow the stack of the recursive steps below. */
export const MAX_INPUT_DEPTH = 32;

/** Iterative on purpose: it must not overflow on the very input it guards against. */
export function exceedsDepth(value: unknown, maxDepth = MAX_INPUT_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item as Record<string, unknown>)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      if (exceedsDepth(value)) {
        throw new RequestValidationFailed([
          { field: 'body', problems: [`the request nests objects or arrays deeper than ${MAX_INPUT_DEPTH} levels`] },
        ]);
      }
      const nul = findNulCharacters(value);
      if (nul.length) throw new RequestValidationFailed(nul);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationFailed(flattenValidationErrors(errors)),
  });
}
