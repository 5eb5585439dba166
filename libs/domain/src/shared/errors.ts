/**
 * Domain errors carry a stable code and a kind; the API maps kinds to HTTP status in one filter, the
 * worker fails a job for good on any of them. No HTTP types here: the worker runs this code too.
 */
export type DomainErrorKind =
  'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'rule' | 'invalid' | 'throttled' | 'bad_input' | 'gone';

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  readonly details?: Record<string, unknown>;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Missing and out-of-reach look the same to the caller. */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code: string;
  constructor(entity: string, id?: string) {
    super(id ? `${entity} ${id} was not found` : `${entity} was not found`);
    this.code = `${entity.toUpperCase().replace(/[^A-Z]+/g, '_')}.NOT_FOUND`;
  }
}

/** The caller's role may not do this at all (whatever the id). */
export class RoleForbidden extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'ACCESS.ROLE_FORBIDDEN';
  constructor(action: string) {
    super(`Your role may not ${action}`);
  }
}

/** Not allowed on this installation or in this state, whoever asks. */
export class ActionForbidden extends DomainError {
  readonly kind = 'forbidden';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class Unauthorized extends DomainError {
  readonly kind = 'unauthorized';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class RuleViolation extends DomainError {
  readonly kind = 'rule';
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

/** Input that passed the DTO checks but is still wrong (e.g. a reference to something that is not there). */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

/** A link or token that existed but can no longer be used (expired, used up, revoked): the API answers 410. */
export class Gone extends DomainError {
  readonly kind = 'gone';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Too many attempts: the API answers 429 with Retry-After (whole seconds, at least 1). */
export class TooManyAttempts extends DomainError {
  readonly kind = 'throttled';
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

/**
 * A request the DTO accepts that the caller's role may still not make: a filter on a field hidden from that role
 * (it would work as an oracle for the hidden value). Answered like any other invalid input, 400 naming the field.
 */
export class FieldNotAllowed extends DomainError {
  readonly kind = 'bad_input';
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Invalid request: ${field} (${problem})`);
  }
}

/**
 * A value the DTO accepts that is still wrong in context (a date before another, a reference to the wrong client),
 * found by the service: answered like a DTO problem, 400 naming the field by its path (`priorities[1].targetDate`).
 */
export class InvalidField extends FieldNotAllowed {}
