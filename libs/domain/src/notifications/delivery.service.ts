import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentTenantScope } from '@app/database/tenant-scope';
import { Db } from '@app/database/transaction';
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
}

/**
 * Sends one outbox row. The row is locked for the send, so two workers never send it together; a row
 * already sent or failed is skipped, so a retried job sends no second copy. A crash after the send but
 * before the commit leaves the row pending: it is sent again (at least once), with the same Message-ID
 * and x-throughline-delivery id so receivers can drop the duplicate.
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
    const outcome = await this.db.transaction(async (tx): Promise<DeliveryOutcome> => {
      const [row]: OutboxRow[] = await tx.query(
        `SELECT id, organization_id, event, channel, recipient_email, recipient_name, webhook_id, payload, status FROM outbox WHERE id = $1 FOR UPDATE SKIP LOCKED`,
        [outboxId],
      );
      if (!row) {
        const exists: unknown[] = await tx.query(`SELECT 1 FROM outbox WHERE id = $1`, [outboxId]);
        return exists.length ? 'retry' : 'already-done'; // locked by a concurrent attempt, or gone with its organization
      }
      if (row.status !== 'pending') return 'already-done';
      const payload = { ...row.payload, outboxId: row.id } as NotificationPayload;
      try {
        if (row.channel === 'email') {
          // A digest is rendered when it is composed (its content is that moment's); an alert email at send time.
          // Digests and password reset emails are stored composed; alert emails are rendered at send time.
          const email = row.event === 'digest.weekly' || row.event === 'auth.password_reset' ? digestEmail(row.payload as unknown as StoredDigestEmail) : renderNotificationEmail(payload, row.recipient_name);
          await settings.mailer.send({ outboxId: row.id, to: row.recipient_email!, ...email });
        } else {
          const [hook]: Array<{ url: string; secret: string; format: 'json' | 'slack'; enabled: boolean }> = await tx.query(
            `SELECT url, secret, format, enabled FROM webhooks WHERE organization_id = $1 AND id = $2`,
            [row.organization_id, row.webhook_id],
          );
          if (!hook || !hook.enabled) {
            await this.markFailed(tx, row.id, 'The webhook was disabled or deleted before delivery');
            return 'failed';
          }
          // Checked again at send time: DNS may now point the host somewhere it must not.
          await this.policy.check(hook.url, (reason) => new PermanentDeliveryError(`Webhook target refused: ${reason}`));
          await sendWebhook({ url: hook.url, secret: hook.secret, format: hook.format, payload, now: this.clock.now() });
          await tx.query(`UPDATE webhooks SET consecutive_failures = 0 WHERE organization_id = $1 AND id = $2`, [row.organization_id, row.webhook_id]);
        }
        await tx.query(`UPDATE outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id, this.clock.now()]);
        await this.forgetSecrets(tx, row);
        return 'sent';
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (row.channel === 'webhook') followUps.push(...(await this.countWebhookFailure(tx, row, settings)));
        if (isPermanentDeliveryError(error) || finalAttempt) {
          await this.markFailed(tx, row.id, message);
          await this.forgetSecrets(tx, row);
          this.logger.warn(`outbox ${row.id} failed for good: ${message}`);
          return 'failed';
        }
        await tx.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, message]);
        return 'retry';
      }
    });
    await this.jobs.deliver(followUps);
    return outcome;
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
