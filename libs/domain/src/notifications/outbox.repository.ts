import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import type { NotificationPayload } from './delivery/alert-batch-message';
import type { WebhookFormat } from './notification.entity';

/** Omit over each member of a union (the built-in Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An outbox row as its sender needs it, once claimed. */
export interface ClaimedOutboxRow {
  id: string;
  /**
   * Null for a sign-up's verification email (there is no organization yet); only webhook rows, which always have
   * one, read it as a string.
   */
  organization_id: string;
  event: string;
  channel: 'email' | 'webhook';
  recipient_email: string | null;
  recipient_name: string | null;
  webhook_id: string | null;
  payload: DistributiveOmit<NotificationPayload, 'outboxId'>;
  attempts: number;
}

/** Why a row could not be claimed: gone, finished, or in another sender's hands for `leaseLeftMs` more. */
export type UnclaimableOutboxRow =
  { status: 'gone' } | { status: 'sent' | 'failed' } | { status: 'pending'; leaseLeftMs: number };

export interface WebhookTarget {
  url: string;
  secret: string;
  format: WebhookFormat;
  enabled: boolean;
}

/** A password reset or sign-up link is a credential: once its email is sent (or given up on) the outbox keeps no copy. */
const FORGET_SECRETS = `payload = CASE WHEN event IN ('auth.password_reset', 'auth.signup_verify', 'invitation.sent', 'check_in.reminder') THEN '{}'::jsonb ELSE payload END`;

/** The row's organization, or no organization (a sign-up's verification email, reached only as a system task). */
const OWNED_BY_1 = `organization_id IS NOT DISTINCT FROM $1::uuid`;

/**
 * The SQL of delivering outbox rows. A row is claimed by one statement taking a short lease, sent with no
 * connection held, then marked sent or failed (which ends the lease). A sender that dies leaves its lease to run out;
 * the row is then claimed and sent again: at least once, every copy with the same id.
 */
@Injectable()
export class OutboxRepository {
  /**
   * The organization an outbox row belongs to: a system lookup (a delivery job carries only the row id). Undefined
   * when the row is gone; `{ organizationId: null }` for a sign-up's verification email.
   */
  async ownerOf(tx: Queryable, id: string): Promise<{ organizationId: string | null } | undefined> {
    const [row]: Array<{ organization_id: string | null }> = await tx.query(
      `SELECT organization_id FROM outbox WHERE id = $1`,
      [id],
    );
    return row && { organizationId: row.organization_id };
  }

  /** Takes the row for `leaseSeconds` and counts the attempt, or null while it is not pending or another sender holds it. */
  async claim(
    tx: Queryable,
    organizationId: string | null,
    id: string,
    leaseSeconds: number,
  ): Promise<ClaimedOutboxRow | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
    const [rows]: [ClaimedOutboxRow[], number] = await tx.query(
      `UPDATE outbox SET claimed_until = now() + make_interval(secs => $3), attempts = attempts + 1
        WHERE ${OWNED_BY_1} AND id = $2 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
        RETURNING id, organization_id, event, channel, recipient_email, recipient_name, webhook_id, payload, attempts`,
      [organizationId, id, leaseSeconds],
    );
    return rows[0] ?? null;
  }

  /** What a claim that returned nothing found. */
  async whyUnclaimable(tx: Queryable, organizationId: string | null, id: string): Promise<UnclaimableOutboxRow> {
    const [row]: Array<{ status: 'pending' | 'sent' | 'failed'; lease_left_ms: number }> = await tx.query(
      `SELECT status, GREATEST(0, ceil(extract(epoch FROM claimed_until - now()) * 1000))::int AS lease_left_ms
         FROM outbox WHERE ${OWNED_BY_1} AND id = $2`,
      [organizationId, id],
    );
    if (!row) return { status: 'gone' };
    return row.status === 'pending'
      ? { status: 'pending', leaseLeftMs: row.lease_left_ms ?? 0 }
      : { status: row.status };
  }

  /** After the server's acceptance (SMTP 250, webhook 2xx): sent, lease ended. */
  async markSent(tx: Queryable, organizationId: string | null, id: string, sentAt: Date): Promise<void> {
    await tx.query(
      `UPDATE outbox SET status = 'sent', sent_at = $3, last_error = NULL, claimed_until = NULL, ${FORGET_SECRETS}
        WHERE ${OWNED_BY_1} AND id = $2`,
      [organizationId, id, sentAt],
    );
  }

  /** A failed attempt that another may follow: the error kept, the lease ended so the retry need not wait for it. */
  async recordFailure(tx: Queryable, organizationId: string | null, id: string, message: string): Promise<void> {
    await tx.query(
      `UPDATE outbox SET last_error = $3, claimed_until = NULL WHERE ${OWNED_BY_1} AND id = $2 AND status = 'pending'`,
      [organizationId, id, message],
    );
  }

  /** Given up for good (a permanent refusal, the last attempt, the webhook gone); a row another sender got out stays sent. */
  async markFailed(
    tx: Queryable,
    organizationId: string | null,
    id: string,
    failedAt: Date,
    message: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE outbox SET status = 'failed', failed_at = $3, last_error = $4, claimed_until = NULL, ${FORGET_SECRETS}
        WHERE ${OWNED_BY_1} AND id = $2 AND status = 'pending'`,
      [organizationId, id, failedAt, message],
    );
  }

  async webhookTarget(tx: Queryable, organizationId: string, webhookId: string): Promise<WebhookTarget | null> {
    const [hook]: WebhookTarget[] = await tx.query(
      `SELECT url, secret, format, enabled FROM webhooks WHERE organization_id = $1 AND id = $2`,
      [organizationId, webhookId],
    );
    return hook ?? null;
  }

  async resetWebhookFailures(tx: Queryable, organizationId: string, webhookId: string): Promise<void> {
    await tx.query(`UPDATE webhooks SET consecutive_failures = 0 WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      webhookId,
    ]);
  }

  /** One more failure in a row; the webhook as it now stands, or null when it is gone. */
  async countWebhookFailure(
    tx: Queryable,
    organizationId: string,
    webhookId: string,
  ): Promise<{ id: string; url: string; consecutive_failures: number; enabled: boolean } | null> {
    const [[hook]]: [Array<{ id: string; url: string; consecutive_failures: number; enabled: boolean }>, number] =
      await tx.query(
        `UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE organization_id = $1 AND id = $2
       RETURNING id, url, consecutive_failures, enabled`,
        [organizationId, webhookId],
      );
    return hook ?? null;
  }

  async disableWebhook(tx: Queryable, organizationId: string, webhookId: string, disabledAt: Date): Promise<void> {
    await tx.query(`UPDATE webhooks SET enabled = false, disabled_at = $3 WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      webhookId,
      disabledAt,
    ]);
  }

  async activeAdmins(
    tx: Queryable,
    organizationId: string,
  ): Promise<Array<{ id: string; email: string; name: string }>> {
    return tx.query(
      `SELECT id, email, name FROM users WHERE organization_id = $1 AND role = 'admin' AND disabled_at IS NULL`,
      [organizationId],
    );
  }
}
