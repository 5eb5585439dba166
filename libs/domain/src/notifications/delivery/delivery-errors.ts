import { DomainError } from '../../shared/errors';

/**
 * The two ways a delivery attempt can fail. Senders never retry themselves: the delivery job does,
 * and these classes tell it whether another attempt can help.
 *
 * Permanent is a DomainError on purpose: house rule is that a DomainError fails a job for good,
 * while anything else retries with backoff, so a rejected address or a 404 webhook stops at once.
 */
export class PermanentDeliveryError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'NOTIFICATION.DELIVERY_REJECTED';
  readonly permanent = true;
  constructor(message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, details);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The receiver may take the same message later (4xx SMTP, 5xx/429 HTTP, timeouts, refused connections). */
export class TransientDeliveryError extends Error {
  readonly code = 'NOTIFICATION.DELIVERY_FAILED';
  readonly permanent = false;
  readonly details?: Record<string, unknown>;
  constructor(message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.details = details;
  }
}

export type DeliveryError = PermanentDeliveryError | TransientDeliveryError;

export function isPermanentDeliveryError(error: unknown): error is PermanentDeliveryError {
  return error instanceof PermanentDeliveryError;
}
