import { Inject, Injectable, Logger } from '@nestjs/common';
import { Db, type Queryable } from '@app/database/transaction';
import { DIGEST_OPTIONS, type DigestOptions } from '../digests/digest-composer.service';
import { NotificationJobs } from '../drift/drift-jobs.port';
import { pulseEmail } from './pulse-email';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { localDate } from '../health/calendar';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import type { AnswerPulseDto, PulseHistoryView, PulseView } from './pulse.dto';
import { pulseDue, pulseTrend } from './pulse-due';
import type { PulseReason } from './pulse.entity';
import { PulseRepository } from './pulse.repository';

/**
 * Client pulse (issue 18): the client viewer answers "How satisfied are you with progress?" per engagement; the
 * account manager reads the answers with their monthly trend. Another client's engagement answers 404.
 */
@Injectable()
export class PulseService {
  constructor(
    private readonly db: Db,
    private readonly pulses: PulseRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly jobs: NotificationJobs,
    @Inject(DIGEST_OPTIONS) private readonly links: Pick<DigestOptions, 'publicUrl'>,
  ) {}

  private readonly logger = new Logger(PulseService.name);

  async answer(actor: Actor, engagementId: string, input: AnswerPulseDto): Promise<PulseView> {
    this.access.permit(actor, 'pulse.answer', 'answer the client pulse');
    return this.db.transaction(async (tx) => {
      await this.access.engagement(tx, actor, engagementId, true);
      const reason = (await this.dueFor(tx, actor, engagementId)) ?? 'monthly';
      const row = await this.pulses.insert(tx, actor.organizationId, engagementId, actor.userId, {
        score: input.score,
        comment: input.comment?.trim() || null,
        reason,
      });
      const view = toView(row);
      await this.audit.record(tx, actor, 'client_pulse.answered', 'client_pulse', view.id, null, view);
      return view;
    });
  }

  async history(actor: Actor, engagementId: string): Promise<PulseHistoryView> {
    this.access.permit(actor, 'pulse.read', 'read the client pulse');
    await this.access.engagement(this.db.reader, actor, engagementId);
    const { timezone } = await this.db.transaction((tx) => this.organizations.context(tx, actor.organizationId));
    const rows = await this.pulses.history(this.db.reader, actor.organizationId, engagementId);
    const items = rows.map(toView);
    const dayOf = (iso: string) => localDate(new Date(iso), timezone);
    const { months, direction } = pulseTrend(items.map((p) => ({ day: dayOf(p.createdAt), score: p.score })));
    return { items, months, direction, latestScore: items[0]?.score ?? null };
  }

  /**
   * Inside the caller's transaction: the pulse question by email (outbox) to each client viewer of the engagement.
   * Answers the outbox ids, to deliver after the commit (deliverAfterCommit).
   */
  async queueRequests(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
    reason: PulseReason,
    priorityTitle: string | null,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const r of await this.pulses.recipients(tx, organizationId, engagementId)) {
      const message = pulseEmail({
        name: r.name,
        clientName: r.client_name,
        function: r.function,
        reason,
        priorityTitle,
        publicUrl: this.links.publicUrl,
        engagementId,
      });
      ids.push(
        await this.pulses.queueEmail(tx, organizationId, { userId: r.user_id, email: r.email, name: r.name }, message),
      );
    }
    return ids;
  }

  /** After the commit: a queue outage must not fail the committed write (the worker re-enqueues pending rows). */
  async deliverAfterCommit(outboxIds: string[]): Promise<void> {
    if (!outboxIds.length) return;
    try {
      await this.jobs.deliver(outboxIds);
    } catch (error) {
      this.logger.warn(`could not enqueue pulse emails: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Whether the client viewer is asked now (null for anyone else). */
  async due(actor: Actor, engagementId: string): Promise<PulseReason | null> {
    if (actor.role !== 'client_viewer') return null;
    return this.db.transaction((tx) => this.dueFor(tx, actor, engagementId));
  }

  private async dueFor(
    tx: Parameters<OrganizationsService['context']>[0],
    actor: Actor,
    engagementId: string,
  ): Promise<PulseReason | null> {
    const { timezone, today } = await this.organizations.context(tx, actor.organizationId);
    const facts = await this.pulses.dueFacts(tx, actor.organizationId, engagementId, actor.userId, timezone);
    return pulseDue({ today, ...facts });
  }
}

function toView(r: Record<string, unknown>): PulseView {
  return {
    id: r.id as string,
    engagementId: r.engagement_id as string,
    score: Number(r.score),
    comment: (r.comment as string | null) ?? null,
    reason: r.reason as PulseReason,
    respondentName: (r.respondent_name as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
  };
}
