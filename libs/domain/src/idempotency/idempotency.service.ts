import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { Db, type Tx } from '@app/database/transaction';
import { IdempotencyKeyInProgress, IdempotencyKeyReused, IdempotencyKeyTaken } from './idempotency.errors';
import { IdempotencyRepository, type IdempotentRequest, type StoredAnswer } from './idempotency.repository';

interface KeyInScope {
  request: IdempotentRequest;
  /** One create per request: only its transaction claims the key. */
  used: boolean;
}

/** What a request with a key ends in: the first answer replayed, or this request's own answer. */
export type IdempotentOutcome<T> = { replayed: true; answer: StoredAnswer } | { replayed: false; result: T };

/**
 * `Idempotency-Key` on creates. The API runs a create's handler inside `run`; the service's transaction is opened
 * with `transaction`, which claims the key as its first statement and stores the answer as its last, so the
 * key and the created row commit together or not at all. Without a key in scope it is a plain `Db.transaction`.
 */
@Injectable()
export class IdempotencyService {
  private readonly scope = new AsyncLocalStorage<KeyInScope>();

  constructor(
    private readonly db: Db,
    private readonly keys: IdempotencyRepository,
  ) {}

  /** The create's one transaction. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const inScope = this.scope.getStore();
    if (!inScope || inScope.used) return this.db.transaction(work);
    inScope.used = true;
    const { request } = inScope;
    return this.db.transaction(async (tx) => {
      if (!(await this.keys.claim(tx, request))) throw new IdempotencyKeyTaken();
      await this.keys.purgeExpired(tx, request.organizationId);
      const result = await work(tx);
      await this.keys.complete(tx, request, result);
      return result;
    });
  }

  /**
   * Runs a create for a request carrying a key: the stored first answer if there is one (a different body → 422),
   * otherwise the handler with the key in scope. A concurrent duplicate waits for the first at the claim and then
   * gets its answer too.
   */
  async run<T>(request: IdempotentRequest, handler: () => Promise<T>): Promise<IdempotentOutcome<T>> {
    const stored = await this.stored(request);
    if (stored) return { replayed: true, answer: stored };
    try {
      return { replayed: false, result: await this.scope.run({ request, used: false }, handler) };
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      const first = await this.stored(request);
      if (!first) throw new IdempotencyKeyInProgress();
      return { replayed: true, answer: first };
    }
  }

  private async stored(request: IdempotentRequest): Promise<StoredAnswer | null> {
    const found = await this.keys.find(this.db.reader, request);
    if (found && found.requestHash !== request.requestHash) throw new IdempotencyKeyReused();
    return found;
  }
}
