import { Inject, Injectable, Logger } from '@nestjs/common';
import { Db, type Tx } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { DIGEST_OPTIONS, type DigestOptions } from '../digests/digest-composer.service';
import { NotificationJobs } from '../drift/drift-jobs.port';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { SummaryService } from '../portfolio/summary.service';
import type { Actor } from '../shared/actor';
import { NotFound, RuleViolation } from '../shared/errors';
import { executiveChangeEmail } from './executive-change-email';
import type {
  CreateExecutiveChangeDto,
  ExecutiveChangeDetailView,
  ExecutiveChangeList,
  ExecutiveChangeView,
} from './executive-change.dto';
import { ExecutiveChangesRepository, type ExecutiveChangeRow } from './executive-changes.repository';
import { buildHandoverPack, handoverForClient, handoverHeadline, type HandoverPack } from './handover-content';
import { renderHandoverPdf } from './handover-pdf';

const ENDED = new Set(['ended', 'completed', 'cancelled']);

/**
 * Change of executive (issue 17, item 3): the incoming executive replaces the placed one from an effective date;
 * priorities, owners and milestones stay. Access moves with the engagement's executive: at once when the change is
 * effective by today, else when the organization's scan first runs on the effective date (applyDue). Each change
 * freezes a handover pack and notifies the account manager, both executives and the client viewers.
 */
@Injectable()
export class ExecutiveChangesService {
  private readonly logger = new Logger('ExecutiveChanges');

  constructor(
    private readonly db: Db,
    private readonly changes: ExecutiveChangesRepository,
    private readonly summaries: SummaryService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly idempotency: IdempotencyService,
    private readonly jobs: NotificationJobs,
    @Inject(DIGEST_OPTIONS) private readonly links: Pick<DigestOptions, 'publicUrl'>,
  ) {}

  async create(
    actor: Actor,
    engagementId: string,
    input: CreateExecutiveChangeDto,
  ): Promise<ExecutiveChangeDetailView> {
    this.access.permit(actor, 'engagements.write', 'change the executive of engagements');
    // The summary checks the engagement's reach and gives each priority's health as every other surface shows it.
    const summary = await this.summaries.summary(actor, engagementId);
    const reason = input.reason.trim();
    const { view, outboxIds } = await this.idempotency.transaction(async (tx) => {
      const engagement = await this.changes.lockEngagement(tx, actor.organizationId, engagementId);
      if (!engagement) throw new NotFound('Engagement', engagementId);
      const incoming = await this.changes.executive(tx, actor.organizationId, input.executiveId);
      if (!incoming) throw new NotFound('Executive', input.executiveId);
      if (ENDED.has(engagement.status))
        throw new RuleViolation(
          'EXECUTIVE_CHANGE.ENGAGEMENT_ENDED',
          `The engagement has ended (${engagement.status}): its executive cannot change`,
        );
      if (input.effectiveDate < engagement.start_date)
        throw new RuleViolation(
          'EXECUTIVE_CHANGE.BEFORE_START',
          `effectiveDate ${input.effectiveDate} is before the engagement starts (${engagement.start_date})`,
          { field: 'effectiveDate', startDate: engagement.start_date },
        );
      const latest = await this.changes.latest(tx, actor.organizationId, engagementId);
      if (latest?.pending)
        throw new RuleViolation(
          'EXECUTIVE_CHANGE.OVERLAP',
          `A change effective ${latest.effective_date} is still pending: it must take effect before another is booked`,
          { field: 'effectiveDate', pendingEffectiveDate: latest.effective_date },
        );
      if (latest && input.effectiveDate <= latest.effective_date)
        throw new RuleViolation(
          'EXECUTIVE_CHANGE.OVERLAP',
          `effectiveDate must be after the last change (effective ${latest.effective_date})`,
          { field: 'effectiveDate', lastEffectiveDate: latest.effective_date },
        );
      if (incoming.id === engagement.executive_id)
        throw new RuleViolation(
          'EXECUTIVE_CHANGE.SAME_EXECUTIVE',
          `${incoming.name} is already the engagement's executive`,
          { field: 'executiveId' },
        );
      if (!incoming.functions.includes(engagement.function))
        throw new RuleViolation(
          'EXECUTIVE_CHANGE.FUNCTION_NOT_OFFERED',
          `${incoming.name} does not lead ${engagement.function} (offers ${incoming.functions.join(', ')})`,
          { field: 'executiveId' },
        );

      const { today, timezone } = await this.organizations.context(tx, actor.organizationId);
      const facts = await this.changes.handoverFacts(tx, actor.organizationId, engagementId, timezone);
      const pack = buildHandoverPack({
        generatedOn: today,
        change: {
          effectiveDate: input.effectiveDate,
          reason,
          fromExecutiveName: summary.engagement.executiveName,
          toExecutiveName: incoming.name,
        },
        engagement: {
          clientName: facts.client_name,
          function: engagement.function,
          startDate: engagement.start_date,
        },
        priorities: summary.priorities.map((p) => ({
          id: p.id,
          title: p.title,
          rank: p.rank,
          status: p.status,
          ownerName: p.owner.name,
          ownerTitle: p.owner.title,
          targetDate: p.targetDate,
          health: p.health,
          confidenceTrend: p.confidenceTrend.map((c) => ({ date: c.at.slice(0, 10), confidence: c.confidence })),
        })),
        milestones: summary.priorities.flatMap((p) =>
          p.milestones.map((m) => ({
            id: m.id,
            priorityId: p.id,
            title: m.title,
            baselineDueDate: m.baselineDueDate,
            dueDate: m.dueDate,
            status: m.status,
          })),
        ),
        replans: facts.replans.map((r) => ({
          milestoneId: r.milestone_id,
          changedOn: r.changed_on,
          oldDueDate: r.old_due_date,
          newDueDate: r.new_due_date,
          reason: r.reason,
          category: r.category,
        })),
        checkIns: facts.check_ins.map((c) => ({
          priorityId: c.priority_id,
          createdOn: c.created_on,
          rag: c.rag,
          confidence: Number(c.confidence),
          note: c.note,
          blockers: c.blockers,
          authorName: c.author_name,
          acknowledged: c.acknowledged,
        })),
        alerts: facts.alerts.map((a) => ({
          rule: a.rule,
          severity: a.severity,
          message: a.message,
          firstSeenOn: a.first_seen_on,
        })),
        allocation: facts.allocation.map((a) => ({
          effectiveDate: a.effective_date,
          daysPerWeek: Number(a.days_per_week),
          reason: a.reason,
        })),
        people: facts.people,
      });
      const id = await this.changes.insert(tx, actor.organizationId, {
        engagementId,
        fromExecutiveId: engagement.executive_id,
        toExecutiveId: incoming.id,
        effectiveDate: input.effectiveDate,
        reason,
        handover: pack,
        changedBy: actor.userId,
      });
      const applied = await this.changes.applyDue(tx, actor.organizationId, today, engagementId);
      await this.audit.record(tx, actor, 'engagement.executive_change_recorded', 'engagement', engagementId, null, {
        executiveChangeId: id,
        fromExecutiveId: engagement.executive_id,
        toExecutiveId: incoming.id,
        effectiveDate: input.effectiveDate,
        reason,
      });
      if (applied.length > 0) await this.auditApplied(tx, actor, applied);
      const outboxIds = await this.notify(
        tx,
        actor.organizationId,
        engagementId,
        id,
        engagement.executive_id,
        incoming.id,
        pack,
      );
      const row = await this.changes.get(tx, actor.organizationId, id);
      return { view: toDetailView(row!, actor), outboxIds };
    });
    await this.deliverAfterCommit(outboxIds);
    return view;
  }

  async list(actor: Actor, engagementId: string): Promise<ExecutiveChangeList> {
    await this.access.engagement(this.db.reader, actor, engagementId);
    const rows = await this.changes.list(this.db.reader, actor.organizationId, engagementId);
    return { items: rows.map(toView) };
  }

  async get(actor: Actor, id: string): Promise<ExecutiveChangeDetailView> {
    return toDetailView(await this.inReach(actor, id), actor);
  }

  async pdf(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    const row = await this.inReach(actor, id);
    const pack = actor.role === 'client_viewer' ? handoverForClient(row.handover) : row.handover;
    const client = pack.clientName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return {
      filename: `${client || 'handover'}-handover-${row.effective_date}.pdf`,
      body: await renderHandoverPdf(pack),
    };
  }

  /**
   * The organization's pending changes effective by today, applied in one statement (the scan calls it before it
   * reads its facts, so access moves on the effective date without a job of its own). Audited as the system.
   */
  async applyDue(tx: Tx, organizationId: string, today: string): Promise<number> {
    const applied = await this.changes.applyDue(tx, organizationId, today);
    if (applied.length > 0) await this.auditApplied(tx, { organizationId, userId: null }, applied);
    return applied.length;
  }

  private async auditApplied(
    tx: Tx,
    actor: Pick<Actor, 'organizationId' | 'userId'> | { organizationId: string; userId: null },
    applied: Array<{ id: string; engagement_id: string; from_executive_id: string; to_executive_id: string }>,
  ): Promise<void> {
    for (const a of applied)
      await this.audit.record(
        tx,
        actor,
        'engagement.executive_changed',
        'engagement',
        a.engagement_id,
        { executiveId: a.from_executive_id },
        { executiveId: a.to_executive_id, executiveChangeId: a.id },
      );
  }

  private async notify(
    tx: Tx,
    organizationId: string,
    engagementId: string,
    changeId: string,
    fromExecutiveId: string,
    toExecutiveId: string,
    pack: HandoverPack,
  ): Promise<string[]> {
    const recipients = await this.changes.recipients(tx, organizationId, engagementId, fromExecutiveId, toExecutiveId);
    const link = `${this.links.publicUrl.replace(/\/+$/, '')}/handovers/${changeId}`;
    return this.changes.queueEmails(
      tx,
      organizationId,
      recipients.map((recipient) => ({
        recipient,
        message: executiveChangeEmail({
          recipientName: recipient.name,
          audience: recipient.audience,
          pack: recipient.audience === 'client_viewer' ? handoverForClient(pack) : pack,
          link,
        }),
      })),
    );
  }

  /** After the commit; the worker re-enqueues pending outbox rows, so an outage here does not undo a done change. */
  private async deliverAfterCommit(outboxIds: string[]): Promise<void> {
    try {
      await this.jobs.deliver(outboxIds);
    } catch (error) {
      this.logger.warn(
        `could not enqueue executive change emails: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async inReach(actor: Actor, id: string): Promise<ExecutiveChangeRow> {
    const row = await this.changes.get(this.db.reader, actor.organizationId, id);
    if (!row) throw new NotFound('Executive change', id);
    try {
      await this.access.engagement(this.db.reader, actor, row.engagement_id);
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound('Executive change', id);
      throw error;
    }
    return row;
  }
}

function toView(row: ExecutiveChangeRow): ExecutiveChangeView {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    fromExecutiveId: row.from_executive_id,
    fromExecutiveName: row.from_executive_name,
    toExecutiveId: row.to_executive_id,
    toExecutiveName: row.to_executive_name,
    effectiveDate: row.effective_date,
    reason: row.reason,
    appliedAt: row.applied_at ? new Date(row.applied_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    headline: handoverHeadline(row.handover.summary),
  };
}

function toDetailView(row: ExecutiveChangeRow, actor: Actor): ExecutiveChangeDetailView {
  const pack = actor.role === 'client_viewer' ? handoverForClient(row.handover) : row.handover;
  return { ...toView(row), handover: pack as unknown as Record<string, unknown> };
}
