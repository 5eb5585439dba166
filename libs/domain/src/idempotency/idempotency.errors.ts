import { Conflict, RuleViolation } from '../shared/errors';

/** The key was used before by this user, on this route, with a different body. */
export class IdempotencyKeyReused extends RuleViolation {
  constructor() {
    super(
      'IDEMPOTENCY.KEY_REUSED',
      'This Idempotency-Key was already used with a different request body; send a new key for a new request',
    );
  }
}

/** The same key is being used by a request still in progress (its answer is not stored yet). */
export class IdempotencyKeyInProgress extends Conflict {
  constructor() {
    super('IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still in progress; retry shortly');
  }
}

/**
 * Thrown inside a create's transaction when a concurrent request with the same key committed first: rolls this
 * one back; the caller then answers with the stored first answer.
 */
export class IdempotencyKeyTaken extends Conflict {
  constructor() {
    super('IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key was answered meanwhile');
  }
}
