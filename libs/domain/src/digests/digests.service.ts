import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { ActionForbidden, InvalidInput, NotFound } from '../shared/errors';
import { totalFromPage, type Page } from '../shared/pagination';
import { DigestComposer } from './digest-composer.service';
import { digestKindFor } from './digest-content';
import { DigestJobs } from './digest-jobs.port';
import { DigestRecipientsRepository, type DigestRecipientRow } from './digest-recipients.repository';
import { DigestsRepository } from './digests.repository';
import { isoWeekOf, isValidIsoWeek, nextSlotAt, weekdayName, weekdayNumber } from './digest-schedule';
import type {
  DigestHistoryItemView,
  DigestHistoryQueryDto,
  DigestHistoryStatus,
  DigestPreferencesDto,
  DigestPreferencesView,
  DigestPreviewQueryDto,
  DigestPreviewView,
  SendDigestsNowDto,
  SendDigestsNowView,
  UnsubscribeView,
} from './digest.dto';
import { verifyUnsubscribeToken } from './unsubscribe-token';

/** Forbidden, not invalid input: the link itself is the credential, and this one does not authorise anything. */
export class UnsubscribeTokenRefused extends ActionForbidden {
  constructor(reason: 'malformed' | 'signature' | 'expired') {
    super(
      reason === 'expired' ? 'DIGEST.UNSUBSCRIBE_TOKEN_EXPIRED' : 'DIGEST.UNSUBSCRIBE_TOKEN_INVALID',
      reason === 'expired'
        ? 'This unsubscribe link has expired: change your digest settings in the dashboard instead'
        : 'This unsubscribe link is not valid',
    );
  }
}

/** Preferences, preview, send-now, history and unsubscribe: the API side of weekly digests. */
@Injectable()
export class DigestsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly recipients: DigestRecipientsRepository,
    private readonly digests: DigestsRepository,
    private readonly composer: DigestComposer,
    private readonly jobs: DigestJobs,
  ) {}

  async preferences(actor: Actor): Promise<DigestPreferencesView> {
    const recipient = await this.recipients.load(this.db.reader, actor.organizationId, actor.userId);
    if (!recipient) throw new NotFound('User', actor.userId);
    return this.toPreferencesView(recipient);
  }

  async setPreferences(actor: Actor, input: DigestPreferencesDto): Promise<DigestPreferencesView> {
    if (input.kind && actor.role !== 'admin') {
      throw new InvalidInput(
        'DIGEST.KIND_NOT_CHOOSABLE',
        'Only admins choose their digest; yours follows from your role',
        { role: actor.role },
      );
    }
    await this.db.transaction(async (tx) => {
      const before = await this.recipients.load(tx, actor.organizationId, actor.userId);
      if (!before) throw new NotFound('User', actor.userId);
      await this.digests.savePreferences(tx, actor.organizationId, actor.userId, {
        weekday: input.weekday ? weekdayNumber(input.weekday) : null,
        hour: input.hour ?? null,
        optedOut: input.optedOut,
        skipWhenEmpty: input.skipWhenEmpty ?? null,
        kind: actor.role === 'admin' ? (input.kind ?? null) : null,
      });
      await this.digests.setUserTimezone(tx, actor.organizationId, actor.userId, input.timezone ?? null);
      await this.audit.record(
        tx,
        actor,
        'digest_preferences.updated',
        'user',
        actor.userId,
        { ...before.stored, timezone: before.ownTimezone, kind: before.preferences.kind },
        { ...input },
      );
    });
    return this.preferences(actor);
  }

  /** The digest a user would get for a week, rendered exactly as it would be emailed. The user themself, or an admin. */
  async preview(actor: Actor, query: DigestPreviewQueryDto): Promise<DigestPreviewView> {
    const userId = query.userId ?? actor.userId;
    if (userId !== actor.userId) this.access.permit(actor, 'digests.admin', "preview another user's digest");
    const recipient = await this.recipients.load(this.db.reader, actor.organizationId, userId);
    if (!recipient) throw new NotFound('User', userId);
    const isoWeek = query.week ?? isoWeekOf(this.clock.now(), recipient.timezone);
    if (!isValidIsoWeek(isoWeek))
      throw new InvalidInput('DIGEST.WEEK_INVALID', `${isoWeek} is not an ISO week of its year`);
    const digest = await this.composer.compose(this.db.reader, recipient, isoWeek);
    return {
      userId,
      isoWeek,
      kind: digest.content.kind,
      subject: digest.rendered.subject,
      empty: digest.content.empty,
      wouldSkip: digest.content.empty && recipient.preferences.skipWhenEmpty,
      html: digest.rendered.html,
      text: digest.rendered.text,
    };
  }

  /** Queues this week's digest (each recipient's own ISO week) for one user or everyone subscribed. Admins only. */
  async sendNow(actor: Actor, input: SendDigestsNowDto): Promise<SendDigestsNowView> {
    this.access.permit(actor, 'digests.admin', 'send digests now');
    let targets: DigestRecipientRow[];
    if (input.userId) {
      const one = await this.recipients.load(this.db.reader, actor.organizationId, input.userId);
      if (!one) throw new NotFound('User', input.userId);
      if (one.disabled) throw new InvalidInput('DIGEST.RECIPIENT_DISABLED', `User ${input.userId} is disabled`);
      if (one.preferences.optedOut)
        throw new InvalidInput('DIGEST.RECIPIENT_OPTED_OUT', `User ${input.userId} has opted out of digests`);
      targets = [one];
    } else {
      targets = await this.recipients.subscribed(this.db.reader, actor.organizationId);
    }
    const now = this.clock.now();
    const batch = `send-now-${randomUUID()}`;
    const requests = targets.map((r) => ({
      organizationId: actor.organizationId,
      userId: r.actor.userId,
      isoWeek: isoWeekOf(now, r.timezone),
      trigger: 'send_now' as const,
      force: input.force === true,
      batch,
    }));
    await this.jobs.compose(requests);
    return {
      queued: requests.length,
      recipients: requests.map((r, i) => ({ userId: r.userId, email: targets[i].email, isoWeek: r.isoWeek })),
    };
  }

  /** Sent history: admins see the organization's, everyone else their own. */
  async history(actor: Actor, query: DigestHistoryQueryDto): Promise<Page<DigestHistoryItemView>> {
    const filter = {
      userId: actor.role === 'admin' ? query.userId : actor.userId,
      week: query.week,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
    };
    const rows = await this.digests.history(this.db.reader, actor.organizationId, filter);
    const total =
      totalFromPage(rows, query.offset) ??
      (await this.digests.countHistory(this.db.reader, actor.organizationId, filter));
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        userId: r.user_id as string,
        recipientEmail: r.email as string,
        recipientName: r.name as string,
        isoWeek: r.iso_week as string,
        kind: r.kind as DigestHistoryItemView['kind'],
        status: (r.digest_status === 'skipped'
          ? 'skipped'
          : ((r.outbox_status as string | null) ?? 'pending')) as DigestHistoryStatus,
        trigger: r.trigger as DigestHistoryItemView['trigger'],
        forced: Boolean(r.forced),
        subject: (r.subject as string | null) ?? null,
        engagementCount: Number(r.engagement_count),
        lastError: (r.last_error as string | null) ?? null,
        createdAt: (r.created_at as Date).toISOString(),
        sentAt: r.sent_at ? (r.sent_at as Date).toISOString() : null,
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** What an unsubscribe link is about, without changing anything (the page behind the link). */
  async unsubscribeInfo(token: string): Promise<UnsubscribeView> {
    const owner = await this.ownerOfToken(token);
    return this.db.forOrganization(owner.organizationId, async () => {
      const recipient = await this.recipientOf(owner);
      return { email: recipient.email, optedOut: recipient.preferences.optedOut };
    });
  }

  /** One click, no login: the signed token is the authority. Idempotent. */
  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const owner = await this.ownerOfToken(token);
    return this.db.forOrganization(owner.organizationId, () => this.optOut(owner));
  }

  private async optOut(owner: { organizationId: string; userId: string }): Promise<UnsubscribeView> {
    const recipient = await this.recipientOf(owner);
    const { userId, organizationId } = recipient.actor;
    await this.db.transaction(async (tx) => {
      await this.digests.optOut(tx, organizationId, userId);
      await this.audit.record(
        tx,
        { ...recipient.actor },
        'digest_preferences.unsubscribed',
        'user',
        userId,
        { optedOut: recipient.preferences.optedOut },
        { optedOut: true },
      );
    });
    return { email: recipient.email, optedOut: true };
  }

  /** The link works without login: the signed token names the user, whose organization only a system lookup can find. */
  private async ownerOfToken(token: string): Promise<{ organizationId: string; userId: string }> {
    const check = verifyUnsubscribeToken(this.composer.unsubscribeKey(), token, this.clock.now());
    if (!check.ok) throw new UnsubscribeTokenRefused(check.reason);
    const organizationId = await this.db.asSystem('digest-unsubscribe', () =>
      this.digests.organizationOfUser(this.db.reader, check.userId),
    );
    if (!organizationId) throw new UnsubscribeTokenRefused('signature');
    return { organizationId, userId: check.userId };
  }

  private async recipientOf(owner: { organizationId: string; userId: string }): Promise<DigestRecipientRow> {
    const recipient = await this.recipients.load(this.db.reader, owner.organizationId, owner.userId);
    if (!recipient) throw new UnsubscribeTokenRefused('signature');
    return recipient;
  }

  private toPreferencesView(r: DigestRecipientRow): DigestPreferencesView {
    const p = r.preferences;
    return {
      weekday: weekdayName(p.weekday),
      hour: p.hour,
      timezone: r.timezone,
      ownTimezone: r.ownTimezone,
      optedOut: p.optedOut,
      skipWhenEmpty: p.skipWhenEmpty,
      kind: digestKindFor({ name: r.name, role: r.role, adminKind: p.kind }),
      chosen: {
        weekday: r.stored.weekday !== null,
        hour: r.stored.hour !== null,
        timezone: r.ownTimezone !== null,
        optedOut: r.stored.optedOut !== null,
        skipWhenEmpty: r.stored.skipWhenEmpty !== null,
      },
      nextDigestAt: p.optedOut
        ? null
        : nextSlotAt(this.clock.now(), { weekday: p.weekday, hour: p.hour, timezone: r.timezone }).toISOString(),
    };
  }
}
