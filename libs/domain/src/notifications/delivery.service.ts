import { Inject, Injectable, Logger } from '@nestjs/common';
import { currentTenantScope } from '@app/database/tenant-scope';
import { Db, type Tx } from '@app/database/transaction';
import { NotificationJobs } from '../drift/drift-jobs.port';
import { Clock } from '../shared/clock';
import { ALERT_OPT_OUT_KEY, alertOptOutExpiry, signAlertOptOutToken } from './alert-opt-out-token';
import { renderNotificationEmail, type NotificationPayload } from './delivery/alert-batch-message';
import { DELIVERY_OPTIONS, MAILER, type DeliveryOptions } from './delivery/delivery-options';
import { isPermanentDeliveryError, PermanentDeliveryError } from './delivery/delivery-errors';
import type { Mailer } from './delivery/mailer';
import { sendWebhook } from './delivery/webhook-sender';
import { WebhookPolicy } from './delivery/webhook-target';
import { AlertOutboxRepository } from './alert-outbox.repository';
import { OutboxRepository, type ClaimedOutboxRow } from './outbox.repository';

/** The outbox payload of a weekly digest, a password reset or a sign-up email: the email as composed. */
interface StoredEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

const COMPOSED_EVENTS = new Set([
  'digest.weekly',
  'auth.password_reset',
  'auth.signup_verify',
  'auth.signup_existing',
  'invitation.sent',
  'engagement.executive_changed',
  'check_in.reminder',
  'pulse.requested',
]);

function storedEmail(stored: StoredEmail): StoredEmail {
  return { subject: stored.subject, html: stored.html, text: stored.text, headers: stored.headers };
}

/** Another sender holds the row's lease for this long: ask again then (it will most likely have sent it). */
export interface DeliveryInProgress {
  inProgressForMs: number;
}

/** Not a failure of the receiver: the webhook's failure count is left alone. */
class WebhookUnavailable extends PermanentDeliveryError {
  constructor() {
    super('The webhook was disabled or deleted before delivery');
  }
}

export type DeliveryOutcome = 'sent' | 'already-done' | 'failed' | 'retry' | DeliveryInProgress;

/**
 * Sends one outbox row, at least once. The row is claimed by one statement that takes a short lease
 * (`OutboxRepository.claim`), sent with no connection, transaction or lock held, then marked sent after the
 * server's acceptance (SMTP 250, webhook 2xx). A sender that dies between the acceptance and that commit leaves the
 * row pending; once its lease runs out another sender sends it again. Such a duplicate is recognisable: every copy
 * of an email carries the Message-ID `<outbox id@throughline>`, every webhook call the `x-throughline-delivery` id.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly outbox: OutboxRepository,
    private readonly alertOutbox: AlertOutboxRepository,
    private readonly jobs: NotificationJobs,
    private readonly policy: WebhookPolicy,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    @Inject(ALERT_OPT_OUT_KEY) private readonly optOutKey: string,
  ) {}

  /** `finalAttempt`: a transient failure now marks the row failed instead of asking for a retry. */
  async deliver(outboxId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const scope = currentTenantScope();
    if (scope?.kind === 'organization') return this.deliverFor(scope.organizationId, outboxId, finalAttempt);
    // A delivery job carries only the outbox id: which organization it belongs to is a system lookup, the rest runs in it.
    const owner = await this.db.asSystem('job-owner-lookup', () =>
      this.db.transaction((tx) => this.outbox.ownerOf(tx, outboxId)),
    );
    if (!owner) return 'already-done'; // gone with its organization
    const { organizationId } = owner;
    // A sign-up's verification email belongs to no organization yet: only a system task may reach it.
    if (organizationId === null)
      return this.db.asSystem('signup-email-delivery', () => this.deliverFor(null, outboxId, finalAttempt));
    return this.db.forOrganization(organizationId, () => this.deliverFor(organizationId, outboxId, finalAttempt));
  }

  private async deliverFor(
    organizationId: string | null,
    outboxId: string,
    finalAttempt: boolean,
  ): Promise<DeliveryOutcome> {
    const row = await this.db.transaction((tx) =>
      this.outbox.claim(tx, organizationId, outboxId, this.options.leaseSeconds),
    );
    if (!row) {
      const state = await this.db.transaction((tx) => this.outbox.whyUnclaimable(tx, organizationId, outboxId));
      return state.status === 'pending' ? { inProgressForMs: state.leaseLeftMs } : 'already-done';
    }
    try {
      await this.send(row);
    } catch (error) {
      return this.recordFailure(row, error, finalAttempt);
    }
    await this.db.transaction(async (tx) => {
      if (row.channel === 'webhook') await this.outbox.resetWebhookFailures(tx, organizationId!, row.webhook_id!);
      await this.outbox.markSent(tx, organizationId, row.id, this.clock.now());
    });
    return 'sent';
  }

  /** One attempt; resolves once the receiver accepted, throws a DeliveryError otherwise. */
  private async send(row: ClaimedOutboxRow): Promise<void> {
    const payload = { ...row.payload, outboxId: row.id } as NotificationPayload;
    if (row.channel === 'email') {
      // Digests and auth emails (reset, sign-up) are stored composed; alert emails are rendered at send time.
      const composed = COMPOSED_EVENTS.has(row.event);
      const email = composed
        ? storedEmail(row.payload as unknown as StoredEmail)
        : renderNotificationEmail(payload, row.recipient_name, this.optOutLink(row));
      await this.mailer.send({ outboxId: row.id, to: row.recipient_email!, ...email });
      return;
    }
    const hook = await this.db.transaction((tx) => this.outbox.webhookTarget(tx, row.organization_id, row.webhook_id!));
    if (!hook || !hook.enabled) throw new WebhookUnavailable();
    // Checked again at send time, as DNS may now point the host somewhere it must not; the send then connects to the
    // very addresses checked, never to a second answer for the same name.
    const target = await this.policy.resolve(
      hook.url,
      (reason) => new PermanentDeliveryError(`Webhook target refused: ${reason}`),
    );
    await sendWebhook({ target, secret: hook.secret, format: hook.format, payload, now: this.clock.now() });
  }

  /** The signed one-click opt-out link of an alert email (alert-opt-out-token.ts), valid 90 days from the send. */
  private optOutLink(row: ClaimedOutboxRow): string | undefined {
    if (!row.organization_id || !row.recipient_email) return undefined;
    const token = signAlertOptOutToken(
      this.optOutKey,
      row.organization_id,
      row.recipient_email,
      alertOptOutExpiry(this.clock.now()),
    );
    return `${this.options.publicUrl}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  /** Retry with backoff, or fail for good; the lease ends either way. Follow-up emails are enqueued after the commit. */
  private async recordFailure(row: ClaimedOutboxRow, error: unknown, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const message = error instanceof Error ? error.message : String(error);
    const { outcome, followUps } = await this.db.transaction(async (tx) => {
      const followUps =
        row.channel === 'webhook' && !(error instanceof WebhookUnavailable)
          ? await this.countWebhookFailure(tx, row)
          : [];
      if (isPermanentDeliveryError(error) || finalAttempt) {
        await this.outbox.markFailed(tx, row.organization_id, row.id, this.clock.now(), message);
        return { outcome: 'failed' as const, followUps };
      }
      await this.outbox.recordFailure(tx, row.organization_id, row.id, message);
      return { outcome: 'retry' as const, followUps };
    });
    if (outcome === 'failed') this.logger.warn(`outbox ${row.id} failed for good: ${message}`);
    await this.jobs.deliver(followUps);
    return outcome;
  }

  /** N consecutive failed attempts disable the webhook and tell the organization's admins by email. */
  private async countWebhookFailure(tx: Tx, row: ClaimedOutboxRow): Promise<string[]> {
    const hook = await this.outbox.countWebhookFailure(tx, row.organization_id, row.webhook_id!);
    if (!hook || !hook.enabled || hook.consecutive_failures < this.options.disableWebhookAfterFailures) return [];
    await this.outbox.disableWebhook(tx, row.organization_id, hook.id, this.clock.now());
    const admins = await this.outbox.activeAdmins(tx, row.organization_id);
    const now = this.clock.now().toISOString();
    // A batch lists at least one alert (it exists only for several): the first, most severe, stands for it.
    const missed = row.payload.event === 'alerts.batch' ? row.payload.batch.alerts[0]! : row.payload.alert;
    const payload = {
      event: 'webhook.disabled',
      alert: {
        id: hook.id,
        rule: missed.rule,
        severity: 'critical',
        subjectType: missed.subjectType,
        subjectId: missed.subjectId,
        message: `The webhook ${hook.url} failed ${hook.consecutive_failures} times in a row and was disabled. Fix the receiver, then re-enable it in the organization settings.`,
        details: { url: hook.url, consecutiveFailures: hook.consecutive_failures },
        engagementId: null,
        clientName: null,
        engagementLabel: null,
        firstSeenAt: now,
        lastSeenAt: now,
      },
      link: `${this.options.publicUrl}/settings/webhooks`,
    };
    this.logger.warn(`webhook ${hook.id} disabled after ${hook.consecutive_failures} consecutive failures`);
    return this.alertOutbox.insert(
      tx,
      admins.map((a) => ({
        organization_id: row.organization_id,
        alert_id: null,
        event: 'webhook.disabled',
        channel: 'email',
        recipient_email: a.email,
        recipient_name: a.name,
        recipient_user_id: a.id,
        webhook_id: null,
        payload,
      })),
    );
  }
}
