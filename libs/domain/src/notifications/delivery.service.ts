import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentTenantScope } from '@app/database/tenant-scope';
import { enterCriticalSection } from '@app/database/libc';
import { Db, type DbSession } from '@app/database/transaction';
import { NotificationJobs } from '../drift/drift-jobs.port';
import { Clock } from '../shared/clock';
import { renderNotificationEmail, type NotificationPayload } from './delivery/alert-batch-message';
import { isPermanentDeliveryError, PermanentDeliveryError } from './delivery/delivery-errors';
import { WebhookPolicy } from './delivery/webhook-target';
import type { Mailer } from './delivery/mailer';
import { sendWebhook } from './delivery/webhook-sender';
import { AlertOutboxRepository } from './alert-outbox.repository';

export interface DeliverySettings {
  mailer: Mailer;
  disableWebhookAfterFailures: number;
  publicUrl: string;
}

/** The outbox payload of a weekly digest: the email as composed. */
interface StoredDigestEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

function digestEmail(stored: StoredDigestEmail): StoredDigestEmail {
  return { subject: stored.subject, html: stored.html, text: stored.text, headers: stored.headers };
}

export type DeliveryOutcome = 'sent' | 'already-done' | 'failed' | 'retry';

/** Omit over each member of a union (the built-in Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface OutboxRow {
  id: string;
  organization_id: string;
  event: string;
  channel: 'email' | 'webhook';
  recipient_email: string | null;
  recipient_name: string | null;
  webhook_id: string | null;
  payload: DistributiveOmit<NotificationPayload, 'outboxId'>;
  status: 'pending' | 'sent' | 'failed';
  handed_over_at: Date | null;
}

/** An SMTP error carries the server's reply code; a timeout or a dropped connection has none. */
function hasServerReply(error: unknown): boolean {
  return typeof (error as { details?: { responseCode?: unknown } } | null)?.details?.responseCode === 'number';
}

/** Key space of the session-level advisory lock a sender holds on an outbox row (the second key is hashtext(id)). */
const SENDING_LOCK = 0x74686f62;
/** Recorded on a row whose message went out in full but whose sender never learnt the server's answer. */
export const UNCONFIRMED_SEND =
  'Unconfirmed: the whole message was handed to the mail server, then the sender stopped before its reply; presumed delivered and not sent again';

/**
 * Sends one outbox row exactly once per email, unless the sender is killed in a window of microseconds. The
 * sender holds a session-level advisory lock on the row for the whole attempt, so two workers never send it
 * together, and PostgreSQL drops the lock the moment a sender's connection dies. Inside the write of the final "."
 * of the SMTP DATA section (the whole message already on the wire, every buffer drained) and right before it, it
 * writes `UPDATE outbox SET handed_over_at` to PostgreSQL, held in the kernel (TCP_CORK) until the "." is written
 * too: two adjacent system calls, no event-loop turn between them (`hold-end.ts`), in a critical section
 * (SCHED_FIFO where permitted, else a fresh time slice: `libc.ts`), and the first wakes no process. After the
 * server's reply it commits the outcome. A process killed after both writes has both on their way (the kernel
 * flushes a dead process's sockets, corked data included: PostgreSQL commits the update, the mail server gets the
 * "."); killed before the first, neither, and the server discards the partial message. So a pending row found with `handed_over_at` set was handed over by a sender that died
 * before recording the reply: it is marked sent (unconfirmed) rather than mailed a second time, and a row without
 * it is sent again safely. What is left: a kill between the two system calls loses that email (no two writes to
 * two servers can be one); a mail server that drops a complete message after the sender died, or a
 * `handed_over_at` write that fails while the server accepts, is not covered. Webhooks stay at least once, with a
 * delivery id receivers can deduplicate on.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');
  private settings?: DeliverySettings;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly outbox: AlertOutboxRepository,
    private readonly jobs: NotificationJobs,
    private readonly policy: WebhookPolicy,
  ) {}

  configure(settings: DeliverySettings): void {
    this.settings = settings;
  }

  /** `finalAttempt`: a transient failure now marks the row failed instead of asking for a retry. */
  async deliver(outboxId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    if (currentTenantScope()?.kind === 'organization') return this.deliverInScope(outboxId, finalAttempt);
    // A delivery job carries only the outbox id: which organization it belongs to is a system lookup, the rest runs in it.
    const [owner]: Array<{ organization_id: string }> = await this.db.asSystem('job-owner-lookup', () =>
      this.db.reader.query(`SELECT organization_id FROM outbox WHERE id = $1`, [outboxId]),
    );
    if (!owner) return 'already-done'; // gone with its organization
    return this.db.forOrganization(owner.organization_id, () => this.deliverInScope(outboxId, finalAttempt));
  }

  private async deliverInScope(outboxId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const settings = this.settings;
    if (!settings) throw new Error('DeliveryService is not configured');
    const followUps: string[] = [];
    const outcome = await this.db.session(async (session): Promise<DeliveryOutcome> => {
      const [{ locked }]: Array<{ locked: boolean }> = await session.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [SENDING_LOCK, outboxId]);
      if (!locked) {
        const exists: unknown[] = await session.query(`SELECT 1 FROM outbox WHERE id = $1`, [outboxId]);
        return exists.length ? 'retry' : 'already-done'; // in a concurrent attempt's hands, or gone with its organization
      }
      try {
        return await this.deliverLocked(session, outboxId, finalAttempt, settings, followUps);
      } finally {
        // A broken connection is dropped from the pool, and its lock with it.
        await session.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [SENDING_LOCK, outboxId]).catch(() => undefined);
      }
    });
    await this.jobs.deliver(followUps);
    return outcome;
  }

  private async deliverLocked(session: DbSession, outboxId: string, finalAttempt: boolean, settings: DeliverySettings, followUps: string[]): Promise<DeliveryOutcome> {
    const [row]: OutboxRow[] = await session.query(
      `SELECT id, organization_id, event, channel, recipient_email, recipient_name, webhook_id, payload, status, handed_over_at FROM outbox WHERE id = $1`,
      [outboxId],
    );
    if (!row || row.status !== 'pending') return 'already-done';
    if (row.handed_over_at) return this.presumeSent(session, row);
    const payload = { ...row.payload, outboxId: row.id } as NotificationPayload;
    let handedOver = false;
    let handOver: Promise<unknown> | undefined;
    try {
      if (row.channel === 'email') {
        // Digests and password reset emails are stored composed; alert emails are rendered at send time.
        const email = row.event === 'digest.weekly' || row.event === 'auth.password_reset' ? digestEmail(row.payload as unknown as StoredDigestEmail) : renderNotificationEmail(payload, row.recipient_name);
        // The read above left its COMMIT in flight; the hand-over statement must find the connection free.
        await session.idle();
        await settings.mailer.send({ outboxId: row.id, to: row.recipient_email!, ...email }, {
          // Written to PostgreSQL inside the write of the "." to the mail server, right before it: a process
          // killed after both has both committed and delivered (the kernel flushes its sockets), before both
          // neither; in between it loses the email, so nothing may come between them. Hence no awaited commit
          // (event-loop turns, any length), a critical section (no other process runs in this one's place), and
          // the statement held in the kernel until the "." is out (sent at once it would wake a PostgreSQL
          // backend, which the scheduler often runs first). `npm run bench:hand-over` measures the window.
          beforeFinalDot: () => {
            const leave = enterCriticalSection();
            let uncork = (): void => undefined;
            const afterFinalDot = () => {
              uncork();
              leave();
            };
            try {
              uncork = session.holdWritesInKernel();
              handOver = session.sendNow(`UPDATE outbox SET handed_over_at = $2 WHERE id = $1`, [row.id, this.clock.now()]);
            } catch (error) {
              afterFinalDot();
              throw error;
            }
            handOver.catch(() => undefined);
            handedOver = true;
            return afterFinalDot;
          },
        });
        // Accepted by the server: a failed hand-over write does not matter now, the outcome is committed below.
        await handOver?.catch(() => undefined);
      } else {
        const [hook]: Array<{ url: string; secret: string; format: 'json' | 'slack'; enabled: boolean }> = await session.query(
          `SELECT url, secret, format, enabled FROM webhooks WHERE organization_id = $1 AND id = $2`,
          [row.organization_id, row.webhook_id],
        );
        if (!hook || !hook.enabled) {
          await session.transaction((tx) => this.markFailed(tx, row.id, 'The webhook was disabled or deleted before delivery'));
          return 'failed';
        }
        // Checked again at send time: DNS may now point the host somewhere it must not.
        await this.policy.check(hook.url, (reason) => new PermanentDeliveryError(`Webhook target refused: ${reason}`));
        await sendWebhook({ url: hook.url, secret: hook.secret, format: hook.format, payload, now: this.clock.now() });
      }
    } catch (error) {
      // The whole message went out and no reply says otherwise (a timeout, a dropped connection): it may well
      // have been taken, so it is not sent again.
      if (handedOver && !hasServerReply(error)) return this.presumeSent(session, row);
      return this.recordFailure(session, row, error, finalAttempt, settings, followUps);
    }
    // Outside the catch: a reply that cannot be recorded leaves handed_over_at, and the next attempt presumes sent.
    return session.transaction(async (tx) => {
      if (row.channel === 'webhook') await tx.query(`UPDATE webhooks SET consecutive_failures = 0 WHERE organization_id = $1 AND id = $2`, [row.organization_id, row.webhook_id]);
      await tx.query(`UPDATE outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id, this.clock.now()]);
      await this.forgetSecrets(tx, row);
      return 'sent' as const;
    });
  }

  private async presumeSent(session: DbSession, row: OutboxRow): Promise<DeliveryOutcome> {
    await session.transaction(async (tx) => {
      await tx.query(`UPDATE outbox SET status = 'sent', sent_at = handed_over_at, attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, UNCONFIRMED_SEND]);
      await this.forgetSecrets(tx, row);
    });
    this.logger.warn(`outbox ${row.id}: the message was handed over before its sender stopped; presumed delivered, not sent again`);
    return 'sent';
  }

  /** The server answered no (or the message never went out in full): retry with backoff, or fail for good. */
  private recordFailure(session: DbSession, row: OutboxRow, error: unknown, finalAttempt: boolean, settings: DeliverySettings, followUps: string[]): Promise<DeliveryOutcome> {
    const message = error instanceof Error ? error.message : String(error);
    return session.transaction(async (tx): Promise<DeliveryOutcome> => {
      await tx.query(`UPDATE outbox SET handed_over_at = NULL WHERE id = $1`, [row.id]);
      if (row.channel === 'webhook') followUps.push(...(await this.countWebhookFailure(tx, row, settings)));
      if (isPermanentDeliveryError(error) || finalAttempt) {
        await this.markFailed(tx, row.id, message);
        await this.forgetSecrets(tx, row);
        this.logger.warn(`outbox ${row.id} failed for good: ${message}`);
        return 'failed';
      }
      await tx.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, message]);
      return 'retry';
    });
  }

  /** A password reset link is a credential: once its email is sent (or given up on) the outbox keeps no copy. */
  private async forgetSecrets(tx: EntityManager, row: OutboxRow): Promise<void> {
    if (row.event === 'auth.password_reset') await tx.query(`UPDATE outbox SET payload = '{}'::jsonb WHERE id = $1`, [row.id]);
  }

  private async markFailed(tx: EntityManager, id: string, message: string): Promise<void> {
    await tx.query(`UPDATE outbox SET status = 'failed', failed_at = $2, attempts = attempts + 1, last_error = $3 WHERE id = $1`, [id, this.clock.now(), message]);
  }

  /** N consecutive failed attempts disable the webhook and tell the organization's admins by email. */
  private async countWebhookFailure(tx: EntityManager, row: OutboxRow, settings: DeliverySettings): Promise<string[]> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [[hook]]: [Array<{ id: string; url: string; consecutive_failures: number; enabled: boolean }>, number] = await tx.query(
      `UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE organization_id = $1 AND id = $2
       RETURNING id, url, consecutive_failures, enabled`,
      [row.organization_id, row.webhook_id],
    );
    if (!hook || !hook.enabled || hook.consecutive_failures < settings.disableWebhookAfterFailures) return [];
    await tx.query(`UPDATE webhooks SET enabled = false, disabled_at = $3 WHERE organization_id = $1 AND id = $2`, [row.organization_id, hook.id, this.clock.now()]);
    const admins: Array<{ id: string; email: string; name: string }> = await tx.query(
      `SELECT id, email, name FROM users WHERE organization_id = $1 AND role = 'admin' AND disabled_at IS NULL`,
      [row.organization_id],
    );
    const now = this.clock.now().toISOString();
    // A batch lists at least one alert (it exists only for several): the first, most severe, stands for it.
    const missed = row.payload.event === 'alerts.batch' ? row.payload.batch.alerts[0]! : row.payload.alert;
    const payload = {
      event: 'webhook.disabled',
      alert: {
        id: hook.id, rule: missed.rule, severity: 'critical', subjectType: missed.subjectType, subjectId: missed.subjectId,
        message: `The webhook ${hook.url} failed ${hook.consecutive_failures} times in a row and was disabled. Fix the receiver, then re-enable it in the organization settings.`,
        details: { url: hook.url, consecutiveFailures: hook.consecutive_failures }, engagementId: null, clientName: null, engagementLabel: null,
        firstSeenAt: now, lastSeenAt: now,
      },
      link: `${settings.publicUrl}/settings/webhooks`,
    };
    this.logger.warn(`webhook ${hook.id} disabled after ${hook.consecutive_failures} consecutive failures`);
    return this.outbox.insert(
      tx,
      admins.map((a) => ({
        organization_id: row.organization_id, alert_id: null, event: 'webhook.disabled', channel: 'email', recipient_email: a.email,
        recipient_name: a.name, recipient_user_id: a.id, webhook_id: null, payload,
      })),
    );
  }
}
