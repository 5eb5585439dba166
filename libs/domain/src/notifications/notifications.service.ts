import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { InvalidInput, NotFound } from '../shared/errors';
import { WebhookPolicy } from './delivery/webhook-target';
import { pageTotal, type Page } from '../shared/pagination';
import { NotificationPreference, Webhook } from './notification.entity';
import type {
  CreateWebhookDto,
  CreatedWebhookView,
  FailedNotificationView,
  FailedNotificationsQueryDto,
  NotificationPreferencesDto,
  NotificationPreferencesView,
  UpdateWebhookDto,
  WebhookView,
} from './notification.dto';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly policy: WebhookPolicy,
    private readonly idempotency: IdempotencyService,
  ) {}

  async preferences(actor: Actor): Promise<NotificationPreferencesView> {
    const found = await this.db.transaction((tx) =>
      tx.getRepository(NotificationPreference).findOne({ where: { userId: actor.userId } }),
    );
    return { emailEnabled: found?.emailEnabled ?? true, minSeverity: found?.minSeverity ?? 'info' };
  }

  async setPreferences(actor: Actor, input: NotificationPreferencesDto): Promise<NotificationPreferencesView> {
    await this.db.transaction(async (tx) => {
      const before = await tx.getRepository(NotificationPreference).findOne({ where: { userId: actor.userId } });
      await tx.query(
        `INSERT INTO notification_preferences (user_id, organization_id, email_enabled, min_severity) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET email_enabled = EXCLUDED.email_enabled, min_severity = EXCLUDED.min_severity, updated_at = now()`,
        [actor.userId, actor.organizationId, input.emailEnabled, input.minSeverity],
      );
      await this.audit.record(
        tx,
        actor,
        'notification_preferences.updated',
        'user',
        actor.userId,
        before ?? null,
        input,
      );
    });
    return this.preferences(actor);
  }

  async webhooks(actor: Actor): Promise<WebhookView[]> {
    this.access.permit(actor, 'notifications.admin', 'manage webhooks');
    const rows = await this.db.transaction((tx) =>
      tx.getRepository(Webhook).find({ where: { organizationId: actor.organizationId }, order: { createdAt: 'ASC' } }),
    );
    return rows.map(toWebhookView);
  }

  async createWebhook(actor: Actor, input: CreateWebhookDto): Promise<CreatedWebhookView> {
    this.access.permit(actor, 'notifications.admin', 'manage webhooks');
    await this.policy.check(input.url, refuseTarget);
    return this.idempotency.transaction(async (tx) => {
      const saved = await tx.getRepository(Webhook).save(
        tx.getRepository(Webhook).create({
          organizationId: actor.organizationId,
          url: input.url,
          secret: randomBytes(32).toString('base64url'),
          format: input.format ?? 'json',
          minSeverity: input.minSeverity ?? 'info',
          enabled: true,
          consecutiveFailures: 0,
          disabledAt: null,
        }),
      );
      await this.audit.record(tx, actor, 'webhook.created', 'webhook', saved.id, null, { ...toWebhookView(saved) });
      return { ...toWebhookView(saved), secret: saved.secret };
    });
  }

  async updateWebhook(actor: Actor, id: string, input: UpdateWebhookDto): Promise<WebhookView> {
    this.access.permit(actor, 'notifications.admin', 'manage webhooks');
    if (input.url !== undefined) await this.policy.check(input.url, refuseTarget);
    return this.db.transaction(async (tx) => {
      const hook = await tx
        .getRepository(Webhook)
        .findOne({ where: { organizationId: actor.organizationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!hook) throw new NotFound('Webhook', id);
      const before = toWebhookView(hook);
      if (input.url !== undefined) hook.url = input.url;
      if (input.format !== undefined) hook.format = input.format;
      if (input.minSeverity !== undefined) hook.minSeverity = input.minSeverity;
      if (input.enabled !== undefined && input.enabled !== hook.enabled) {
        hook.enabled = input.enabled;
        hook.disabledAt = input.enabled ? null : this.clock.now();
        if (input.enabled) hook.consecutiveFailures = 0;
      }
      const saved = await tx.getRepository(Webhook).save(hook);
      await this.audit.record(tx, actor, 'webhook.updated', 'webhook', id, before, toWebhookView(saved));
      return toWebhookView(saved);
    });
  }

  async deleteWebhook(actor: Actor, id: string): Promise<void> {
    this.access.permit(actor, 'notifications.admin', 'manage webhooks');
    await this.db.transaction(async (tx) => {
      const hook = await tx.getRepository(Webhook).findOne({ where: { organizationId: actor.organizationId, id } });
      if (!hook) throw new NotFound('Webhook', id);
      await tx.getRepository(Webhook).delete({ organizationId: actor.organizationId, id });
      await this.audit.record(tx, actor, 'webhook.deleted', 'webhook', id, toWebhookView(hook), null);
    });
  }

  async failed(actor: Actor, query: FailedNotificationsQueryDto): Promise<Page<FailedNotificationView>> {
    this.access.permit(actor, 'notifications.admin', 'read failed notifications');
    const params: unknown[] = [actor.organizationId];
    let filter = `FROM outbox o LEFT JOIN webhooks w ON w.organization_id = o.organization_id AND w.id = o.webhook_id WHERE o.organization_id = $1 AND o.status = 'failed'`;
    if (query.channel) {
      params.push(query.channel);
      filter += ` AND o.channel = $2`;
    }
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(
      `SELECT o.id, o.alert_id, o.event, o.channel, COALESCE(o.recipient_email, w.url) AS recipient, o.attempts, o.last_error, o.failed_at, o.created_at,
              count(*) OVER () AS total ${filter}
        ORDER BY o.failed_at ${query.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, o.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    const total = await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n ${filter}`, params);
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        alertId: (r.alert_id as string | null) ?? null,
        event: r.event as string,
        channel: r.channel as 'email' | 'webhook',
        recipient: (r.recipient as string | null) ?? null,
        attempts: Number(r.attempts),
        lastError: (r.last_error as string | null) ?? null,
        failedAt: r.failed_at ? (r.failed_at as Date).toISOString() : null,
        createdAt: (r.created_at as Date).toISOString(),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}

const refuseTarget = (reason: string) =>
  new InvalidInput('WEBHOOK.TARGET_NOT_ALLOWED', `Webhook URL refused: ${reason}`);

function toWebhookView(w: Webhook): WebhookView {
  return {
    id: w.id,
    url: w.url,
    format: w.format,
    minSeverity: w.minSeverity,
    enabled: w.enabled,
    consecutiveFailures: w.consecutiveFailures,
    disabledAt: w.disabledAt ? w.disabledAt.toISOString() : null,
  };
}
