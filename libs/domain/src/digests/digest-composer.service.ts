import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db, type Queryable } from '@app/database/transaction';
import { CheckInLoopRepository } from '../check-ins/check-in-loop.repository';
import { DISCIPLINE_WEEKS } from '../check-ins/check-in-schedule';
import { composeClientSummary } from '../client-summary/client-summary';
import type { ClientSummaryView } from '../client-summary/client-summary.dto';
import { ListAlertsQueryDto } from '../drift/alert.dto';
import { AlertsService } from '../drift/alerts.service';
import { SummaryService } from '../portfolio/summary.service';
import { NotificationJobs } from '../drift/drift-jobs.port';
import { DeliveryService, type DeliveryOutcome } from '../notifications/delivery.service';
import { localDate } from '../health/calendar';
import { Clock } from '../shared/clock';
import { buildDigest, type DigestContent } from './digest-content';
import { DigestFactsRepository } from './digest-facts.repository';
import { DigestRecipientsRepository, type DigestClaim, type DigestRecipientRow } from './digest-recipients.repository';
import { DigestsRepository, type DigestRow } from './digests.repository';
import { renderDigest, type RenderedDigest } from './digest-render';
import { isoWeekOf, slotOf } from './digest-schedule';
import type { ComposeDigestRequest } from './digest-jobs.port';
import { signUnsubscribeToken, unsubscribeExpiry } from './unsubscribe-token';

export interface DigestOptions {
  /** PUBLIC_URL: every link in a digest starts with it. */
  publicUrl: string;
  /** HMAC key of unsubscribe tokens (see unsubscribeKey()). */
  unsubscribeKey: string;
}

export const DIGEST_OPTIONS = Symbol('DIGEST_OPTIONS');

/** After a failed first send, the delivery job's first attempt waits this long (then its own backoff). */
const FIRST_RETRY_DELAY_MS = 1000;

export type ComposeOutcome = 'composed' | 'skipped' | 'already-done' | 'opted-out' | 'gone';

export interface ComposedDigest {
  recipient: DigestRecipientRow;
  isoWeek: string;
  content: DigestContent;
  rendered: RenderedDigest;
}

/**
 * Composes one recipient's digest: load the facts they may see, build the content (pure), render it, and in
 * one statement claim the (user, ISO week) and write the outbox row. The delivery job is enqueued after the
 * commit. A second job for the same recipient and week finds the claim taken and does nothing.
 */
@Injectable()
export class DigestComposer {
  private readonly logger = new Logger('Digests');

  constructor(
    @Inject(DIGEST_OPTIONS) private readonly options: DigestOptions,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly recipients: DigestRecipientsRepository,
    private readonly facts: DigestFactsRepository,
    private readonly digests: DigestsRepository,
    private readonly notifications: NotificationJobs,
    private readonly checkInLoop: CheckInLoopRepository,
    private readonly summaries: SummaryService,
    private readonly alerts: AlertsService,
    /** Only where DeliveryModule is loaded (the worker); elsewhere a delivery job makes the first send. */
    @Optional() private readonly delivery?: DeliveryService,
  ) {}

  unsubscribeKey(): string {
    return this.options.unsubscribeKey;
  }

  /** What the recipient's digest for `isoWeek` says right now (the current week: as of now; another: as of its slot). */
  async compose(
    tx: Queryable,
    recipient: DigestRecipientRow,
    isoWeek: string,
    batch?: string,
  ): Promise<ComposedDigest> {
    const settings = this.options;
    const now = this.clock.now();
    const asOf =
      isoWeek === isoWeekOf(now, recipient.timezone)
        ? now
        : slotOf(isoWeek, {
            weekday: recipient.preferences.weekday,
            hour: recipient.preferences.hour,
            timezone: recipient.timezone,
          });
    const today = localDate(asOf, recipient.timezone);
    const engagements = await this.facts.load(tx, {
      actor: recipient.actor,
      today,
      timezone: recipient.timezone,
      batch,
    });
    // The account manager's digest reports check-in discipline over their clients' engagements (issue 18, item 3).
    const discipline =
      recipient.role === 'account_manager'
        ? {
            weeks: DISCIPLINE_WEEKS,
            rows: (await this.checkInLoop.discipline(tx, recipient.actor, today, DISCIPLINE_WEEKS)).map((r) => ({
              kind: r.person_kind,
              name: r.person_name,
              onTime: r.on_time,
              late: r.late,
              missed: r.missed,
            })),
          }
        : null;
    // The client viewer's digest starts with the client summary of each engagement (issue 18, item 1).
    const clientSummaries =
      recipient.role === 'client_viewer'
        ? await this.clientSummaries(
            recipient,
            engagements.map((e) => e.engagementId),
          )
        : null;
    const content = buildDigest({
      recipient: { name: recipient.name, role: recipient.role, adminKind: recipient.preferences.kind },
      isoWeek,
      today,
      thresholds: recipient.organizationSettings,
      engagements,
      publicUrl: settings.publicUrl,
      discipline,
      clientSummaries,
    });
    const token = signUnsubscribeToken(settings.unsubscribeKey, recipient.actor.userId, unsubscribeExpiry(isoWeek));
    const rendered = renderDigest(content, {
      dashboard: content.kind === 'portfolio' ? `${settings.publicUrl}/portfolio` : `${settings.publicUrl}/`,
      preferences: `${settings.publicUrl}/settings/digest`,
      unsubscribe: `${settings.publicUrl}/api/v1/digests/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    return { recipient, isoWeek, content, rendered };
  }

  /**
   * The client summary of each engagement, exactly as the client viewer's home composes it (ClientSummaryService):
   * the engagement dashboard's read model and the open alerts in the reader's reach, as of now, days in the
   * organization's timezone. The pulse question is asked by its own email, not here.
   */
  private async clientSummaries(
    recipient: DigestRecipientRow,
    engagementIds: readonly string[],
  ): Promise<ClientSummaryView[]> {
    const timezone = recipient.organizationTimezone;
    const out: ClientSummaryView[] = [];
    for (const engagementId of engagementIds) {
      const [summary, alerts] = await Promise.all([
        this.summaries.summary(recipient.actor, engagementId),
        this.alerts.list(recipient.actor, Object.assign(new ListAlertsQueryDto(), { engagementId, limit: 100 })),
      ]);
      out.push(
        composeClientSummary({
          summary,
          openAlerts: alerts.items.filter((a) => a.status !== 'resolved'),
          dayOf: (instant) => localDate(new Date(instant), timezone),
        }),
      );
    }
    return out;
  }

  /**
   * The compose job. Idempotent: the claim on (user, ISO week), or for a forced re-send the request's own key,
   * is the guarantee; the job id only saves work. A job retried after a crash between its commit and the
   * enqueue of the delivery finds its row and enqueues the delivery it may have missed.
   */
  composeAndQueue(request: ComposeDigestRequest): Promise<ComposeOutcome> {
    return this.db.forOrganization(request.organizationId, async () => {
      const requestKey = requestKeyOf(request);
      const loaded = await this.recipients.loadWithClaims(
        this.db.reader,
        request.organizationId,
        request.userId,
        request.isoWeek,
        requestKey,
      );
      const prepared = await this.prepare(request, requestKey, loaded);
      if ('outcome' in prepared) return prepared.outcome;
      return (await this.writeAndSend([prepared.row]))[0];
    });
  }

  /**
   * A batch job: the recipients and their claims in one query, each digest composed in turn, every claim and outbox
   * row written by one statement, then the first sends. A recipient that fails does not stop the others; the first
   * error is rethrown at the end, so the job is retried, and the retry skips the recipients already claimed.
   */
  async composeBatch(requests: readonly ComposeDigestRequest[]): Promise<Record<ComposeOutcome, number>> {
    const outcomes: Record<ComposeOutcome, number> = {
      composed: 0,
      skipped: 0,
      'already-done': 0,
      'opted-out': 0,
      gone: 0,
    };
    const errors: unknown[] = [];
    const byOrganization = new Map<string, ComposeDigestRequest[]>();
    for (const r of requests)
      byOrganization.set(r.organizationId, [...(byOrganization.get(r.organizationId) ?? []), r]);
    for (const [organizationId, list] of byOrganization) {
      // Each organization's recipients in its own tenant scope (row-level security).
      await this.db.forOrganization(organizationId, async () => {
        const keyed = list.map((request) => ({ request, requestKey: requestKeyOf(request) }));
        const loaded = await this.recipients.loadManyWithClaims(
          this.db.reader,
          organizationId,
          keyed.map(({ request, requestKey }) => ({ userId: request.userId, isoWeek: request.isoWeek, requestKey })),
        );
        const rows: DigestRow[] = [];
        for (const { request, requestKey } of keyed) {
          try {
            const prepared = await this.prepare(request, requestKey, loaded.get(requestKey) ?? null);
            if ('outcome' in prepared) outcomes[prepared.outcome] += 1;
            else rows.push(prepared.row);
          } catch (error) {
            this.logger.warn(
              `digest of user ${request.userId} for ${request.isoWeek} failed: ${error instanceof Error ? error.message : String(error)}`,
            );
            errors.push(error);
          }
        }
        for (const outcome of await this.writeAndSend(rows)) outcomes[outcome] += 1;
      });
    }
    if (errors.length) throw errors[0];
    return outcomes;
  }

  /** What to write for one request, or why nothing is (a week already claimed re-enqueues its pending delivery). */
  private async prepare(
    request: ComposeDigestRequest,
    requestKey: string,
    loaded: { recipient: DigestRecipientRow; claims: DigestClaim[] } | null,
  ): Promise<{ outcome: ComposeOutcome } | { row: DigestRow }> {
    if (!loaded || loaded.recipient.disabled) return { outcome: 'gone' };
    const { recipient, claims } = loaded;
    if (recipient.preferences.optedOut) return { outcome: 'opted-out' };
    const weekClaimed = claims.some((c) => !c.forced);
    if (claims.some((c) => c.requestKey === requestKey) || (weekClaimed && !request.force)) {
      await this.notifications.deliver(
        claims.filter((c) => c.outboxId && c.outboxStatus === 'pending').map((c) => c.outboxId!),
      );
      return { outcome: 'already-done' };
    }
    const digest = await this.compose(this.db.reader, recipient, request.isoWeek, request.batch);
    const skipped = digest.content.empty && recipient.preferences.skipWhenEmpty;
    const id = randomUUID();
    const outboxId = skipped ? null : randomUUID();
    return {
      row: {
        id,
        organization_id: request.organizationId,
        user_id: request.userId,
        iso_week: request.isoWeek,
        timezone: recipient.timezone,
        kind: digest.content.kind,
        status: skipped ? 'skipped' : 'composed',
        trigger: request.trigger,
        forced: weekClaimed,
        subject: skipped ? null : digest.rendered.subject,
        engagement_count: digest.content.sections.length,
        outbox_id: outboxId,
        request_key: requestKey,
        recipient_email: recipient.email.toLowerCase(),
        recipient_name: recipient.name,
        payload: skipped
          ? null
          : {
              digestId: id,
              isoWeek: request.isoWeek,
              subject: digest.rendered.subject,
              html: digest.rendered.html,
              text: digest.rendered.text,
              headers: digest.rendered.headers,
            },
      },
    };
  }

  /**
   * One statement for all the rows (DigestsRepository.claimAndWriteOutbox: each claim and its outbox row exist
   * together or not at all), then the first send of each digest written, in turn.
   */
  private async writeAndSend(rows: DigestRow[]): Promise<ComposeOutcome[]> {
    if (!rows.length) return [];
    const written = await this.digests.claimAndWriteOutbox(this.db.reader, rows);
    const outcomes: ComposeOutcome[] = [];
    for (const row of rows) {
      if (!written.has(row.id)) outcomes.push('already-done');
      else if (!row.outbox_id) outcomes.push('skipped');
      else {
        await this.sendFirstAttempt(row.outbox_id);
        outcomes.push('composed');
      }
    }
    return outcomes;
  }

  /**
   * The first send happens right here, through the same DeliveryService as every outbox row (lease, Message-ID,
   * 5xx recorded as failed): a delivery job per digest would double the queue's work for 10,000 recipients. Only a
   * row that needs another attempt gets a delivery job, which retries it with backoff. A crash before this point
   * leaves the row pending and this compose job stalled: its retry finds the claim and enqueues the delivery.
   */
  private async sendFirstAttempt(outboxId: string): Promise<void> {
    let outcome: DeliveryOutcome | 'error';
    try {
      outcome = this.delivery ? await this.delivery.deliver(outboxId, false) : 'retry';
    } catch (error) {
      this.logger.warn(
        `first send of digest outbox ${outboxId} failed, the delivery job takes over: ${error instanceof Error ? error.message : String(error)}`,
      );
      outcome = 'error';
    }
    if (outcome === 'retry' || outcome === 'error')
      await this.notifications.deliver([outboxId], { delayMs: FIRST_RETRY_DELAY_MS });
  }
}

/** The key of one request's claim: a forced re-send is told apart from the week's own digest by it. */
function requestKeyOf(request: ComposeDigestRequest): string {
  return `${request.batch}|${request.userId}|${request.isoWeek}`;
}
