import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';

/** Which request a key stands for: the key is the caller's, per user, method and path. */
export interface IdempotentRequest {
  organizationId: string;
  userId: string;
  key: string;
  method: string;
  path: string;
  /** sha256 of the canonical request body: tells a retry from a different request reusing the key. */
  requestHash: string;
  /** The status the route answers on success. */
  status: number;
}

export interface StoredAnswer {
  requestHash: string;
  status: number;
  response: unknown;
}

/** How long a first answer is kept (the header's contract, in the OpenAPI document and README). */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** Expired rows of the organization removed by each create sent with a key (no lock waited for). */
const PURGE_BATCH = 100;

@Injectable()
export class IdempotencyRepository {
  /** The stored first answer, if the key is known and not expired. */
  async find(q: Queryable, request: IdempotentRequest): Promise<StoredAnswer | null> {
    const rows: Array<{ request_hash: string; status: number; response: unknown }> = await q.query(
      `SELECT request_hash, status, response FROM idempotency_keys
        WHERE organization_id = $1 AND user_id = $2 AND key = $3 AND method = $4 AND path = $5 AND expires_at > now()`,
      [request.organizationId, request.userId, request.key, request.method, request.path],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, status: row.status, response: row.response } : null;
  }

  /**
   * Takes the key for this transaction, or answers false when another request holds it. A concurrent duplicate
   * waits here until the first one's transaction ends: committed, the key is taken (false); rolled back, this one
   * gets it. An expired row is taken over.
   */
  async claim(tx: Queryable, request: IdempotentRequest): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO idempotency_keys (organization_id, user_id, key, method, path, request_hash, status, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8))
       ON CONFLICT (organization_id, user_id, key, method, path) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, response = NULL,
             created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= now()
       RETURNING 1 AS claimed`,
      [
        request.organizationId,
        request.userId,
        request.key,
        request.method,
        request.path,
        request.requestHash,
        request.status,
        IDEMPOTENCY_TTL_HOURS,
      ],
    );
    return rows.length === 1;
  }

  /** Stores the answer of the claimed key, in the create's transaction. */
  async complete(tx: Queryable, request: IdempotentRequest, response: unknown): Promise<void> {
    await tx.query(
      `UPDATE idempotency_keys SET response = $6::json
        WHERE organization_id = $1 AND user_id = $2 AND key = $3 AND method = $4 AND path = $5`,
      [
        request.organizationId,
        request.userId,
        request.key,
        request.method,
        request.path,
        JSON.stringify(response ?? null),
      ],
    );
  }

  /** Lazy clean-up of the organization's expired keys; rows another transaction holds are skipped, never waited for. */
  async purgeExpired(tx: Queryable, organizationId: string): Promise<void> {
    await tx.query(
      `DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys
          WHERE organization_id = $1 AND expires_at <= now()
          LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED)`,
      [organizationId],
    );
  }
}
