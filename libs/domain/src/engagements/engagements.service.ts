import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { allowedTransitions, canTransition } from './engagement-status';
import { resolveDriftThresholds } from '../drift/rules/resolve-drift-thresholds';
import { milestonesOverloadedBy } from './allocation-what-if';
import { Engagement } from './engagement.entity';
import { totalFromPage, type Page } from '../shared/pagination';
import { AllocationChange } from './engagement.entity';
import type {
  AllocationWhatIfView,
  AllocationChangeView,
  CreateAllocationChangeDto,
  CreateEngagementDto,
  EngagementView,
  ListEngagementsQueryDto,
  UpdateEngagementDto,
} from './engagement.dto';
import { EngagementsRepository } from './engagements.repository';

@Injectable()
export class EngagementsService {
  constructor(
    private readonly db: Db,
    private readonly engagements: EngagementsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(actor: Actor, input: CreateEngagementDto): Promise<EngagementView> {
    this.access.permit(actor, 'engagements.write', 'create engagements');
    if (input.plannedEndDate && input.plannedEndDate < input.startDate) {
      throw new InvalidInput('ENGAGEMENT.DATES_INVERTED', 'plannedEndDate must not be before startDate');
    }
    checkTerm({
      startDate: input.startDate,
      termEndDate: input.termEndDate ?? null,
      renewalDate: input.renewalDate ?? null,
    });
    // Read back inside the transaction: a create that committed answers with its row even if the database goes away next.
    return this.idempotency.transaction(async (tx) => {
      const refs = await this.engagements.references(tx, actor.organizationId, input.clientId, input.executiveId);
      if (!refs?.client)
        throw new InvalidInput(
          'ENGAGEMENT.CLIENT_INVALID',
          `clientId ${input.clientId} is not a client of this organization`,
        );
      if (!refs.functions)
        throw new InvalidInput(
          'ENGAGEMENT.EXECUTIVE_INVALID',
          `executiveId ${input.executiveId} is not an executive of this organization`,
        );
      if (!refs.functions.includes(input.function)) {
        throw new InvalidInput(
          'ENGAGEMENT.FUNCTION_NOT_OFFERED',
          `The executive does not lead ${input.function} (offers ${refs.functions.join(', ')})`,
        );
      }
      const saved = await this.engagements.insert(tx, actor.organizationId, {
        clientId: input.clientId,
        executiveId: input.executiveId,
        function: input.function,
        status: input.status ?? 'active',
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate ?? null,
        daysPerWeek: input.daysPerWeek,
        termEndDate: input.termEndDate ?? null,
        renewalDate: input.renewalDate ?? null,
        noticePeriodDays: input.noticePeriodDays ?? 0,
        autoRenew: input.autoRenew ?? false,
        checkInCadence: input.checkInCadence ?? 'weekly',
      });
      // The opening allocation starts the history, so every scale up or down has a baseline to compare with.
      await this.engagements.insertOpeningAllocation(tx, actor.organizationId, {
        engagementId: saved.id,
        effectiveDate: input.startDate,
        daysPerWeek: input.daysPerWeek,
        previousDaysPerWeek: null,
        reason: 'Initial allocation',
        changedBy: actor.userId,
      });
      await this.audit.record(tx, actor, 'engagement.created', 'engagement', saved.id, null, saved);
      const { today } = await this.organizations.context(tx, actor.organizationId);
      const row = await this.engagements.viewInReach(tx, actor, saved.id, today);
      if (!row) throw new NotFound('Engagement', saved.id);
      return toEngagementView(row, actor);
    });
  }

  async list(actor: Actor, query: ListEngagementsQueryDto): Promise<Page<EngagementView>> {
    const { today } = await this.db.transaction((tx) => this.organizations.context(tx, actor.organizationId));
    const rows = await this.engagements.listVisible(this.db.reader, actor, query, today);
    const total =
      totalFromPage(rows, query.offset) ?? (await this.engagements.countVisible(this.db.reader, actor, query, today));
    return { items: rows.map((r) => toEngagementView(r, actor)), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<EngagementView> {
    const { today } = await this.db.transaction((tx) => this.organizations.context(tx, actor.organizationId));
    const row = await this.engagements.viewInReach(this.db.reader, actor, id, today);
    if (!row) throw new NotFound('Engagement', id);
    return toEngagementView(row, actor);
  }

  async update(actor: Actor, id: string, input: UpdateEngagementDto): Promise<EngagementView> {
    this.access.permit(actor, 'engagements.write', 'edit engagements');
    await this.db.transaction(async (tx) => {
      const found = await this.engagements.getForUpdate(tx, actor.organizationId, id);
      if (!found) throw new NotFound('Engagement', id);
      const before = { ...found };
      if (input.status !== undefined && !canTransition(found.status, input.status)) {
        const allowed = allowedTransitions(found.status);
        throw new RuleViolation(
          'ENGAGEMENT.STATUS_TRANSITION',
          `An engagement cannot move from ${found.status} to ${input.status} (allowed: ${allowed.join(', ') || 'none, it has ended'})`,
          { from: found.status, to: input.status, allowed },
        );
      }
      if (input.status !== undefined) found.status = input.status;
      if (input.startDate !== undefined) found.startDate = input.startDate;
      if (input.plannedEndDate !== undefined) found.plannedEndDate = input.plannedEndDate;
      if (input.termEndDate !== undefined) found.termEndDate = input.termEndDate;
      if (input.renewalDate !== undefined) found.renewalDate = input.renewalDate;
      if (input.noticePeriodDays !== undefined) found.noticePeriodDays = input.noticePeriodDays;
      if (input.autoRenew !== undefined) found.autoRenew = input.autoRenew;
      if (input.checkInCadence !== undefined) found.checkInCadence = input.checkInCadence;
      if (found.plannedEndDate && found.plannedEndDate < found.startDate) {
        throw new InvalidInput('ENGAGEMENT.DATES_INVERTED', 'plannedEndDate must not be before startDate');
      }
      checkTerm(found);
      const saved = await this.engagements.save(tx, found);
      await this.audit.record(tx, actor, 'engagement.updated', 'engagement', id, before, saved);
    });
    return this.get(actor, id);
  }

  /**
   * Scale up or down without re-contracting. The allocation in force is the latest change effective by
   * today: the views read it from the history (allocationInForceSql), so a future-dated change applies on
   * its date; the stored column follows at each write.
   */
  async changeAllocation(actor: Actor, id: string, input: CreateAllocationChangeDto): Promise<AllocationChangeView> {
    this.access.permit(actor, 'engagements.write', 'change allocations');
    return this.idempotency.transaction(async (tx) => {
      const engagement = await this.engagements.getForUpdate(tx, actor.organizationId, id);
      if (!engagement) throw new NotFound('Engagement', id);
      const { today } = await this.organizations.context(tx, actor.organizationId);
      const change = await this.engagements.addAllocationChange(tx, actor.organizationId, {
        engagementId: id,
        effectiveDate: input.effectiveDate,
        daysPerWeek: input.daysPerWeek,
        previousDaysPerWeek: engagement.daysPerWeek,
        reason: input.reason.trim(),
        changedBy: actor.userId,
      });
      const inForce =
        (await this.engagements.allocationInForce(tx, actor.organizationId, id, today)) ?? engagement.daysPerWeek;
      if (inForce !== engagement.daysPerWeek) {
        const before = { ...engagement };
        engagement.daysPerWeek = inForce;
        await this.engagements.save(tx, engagement);
        await this.audit.record(tx, actor, 'engagement.allocation_changed', 'engagement', id, before, {
          ...engagement,
          change,
        });
      } else {
        await this.audit.record(tx, actor, 'engagement.allocation_change_recorded', 'engagement', id, null, change);
      }
      return toAllocationView(change);
    });
  }

  /**
   * What-if of an allocation change: the open milestones it would overload (allocation_mismatch's load over the 30
   * days up to each due date, against the allocation in force on each due date). Reads only; writes nothing.
   */
  async allocationWhatIf(actor: Actor, id: string, input: CreateAllocationChangeDto): Promise<AllocationWhatIfView> {
    this.access.permit(actor, 'engagements.write', 'try allocation changes');
    return this.db.transaction(async (tx) => {
      const engagement = await tx
        .getRepository(Engagement)
        .findOne({ where: { organizationId: actor.organizationId, id } });
      if (!engagement) throw new NotFound('Engagement', id);
      const { today, settings } = await this.organizations.context(tx, actor.organizationId);
      const thresholds = resolveDriftThresholds(
        (settings as unknown as { drift?: Parameters<typeof resolveDriftThresholds>[0] }).drift,
      );
      const limit = thresholds.allocationNormMilestonesPerDay * thresholds.allocationMismatchFactor;
      const milestones = await this.engagements.openMilestones(tx, actor.organizationId, id);
      const history = await this.engagements.allocationSteps(tx, actor.organizationId, id);
      const change = { effectiveDate: input.effectiveDate, daysPerWeek: input.daysPerWeek };
      return {
        ...change,
        limit,
        overloaded: milestonesOverloadedBy(milestones, history, change, engagement.daysPerWeek, limit, today),
      };
    });
  }

  async allocationHistory(actor: Actor, id: string): Promise<AllocationChangeView[]> {
    this.access.permit(actor, 'allocation.read', 'read allocation history');
    await this.access.engagement(this.db.reader, actor, id);
    const changes = await this.db.transaction((tx) =>
      tx.getRepository(AllocationChange).find({
        where: { organizationId: actor.organizationId, engagementId: id },
        order: { effectiveDate: 'ASC', createdAt: 'ASC' },
      }),
    );
    return changes.map(toAllocationView);
  }
}

type ViewRow = Record<string, unknown>;

/** A term ends on or after the start; a renewal comes after the start. */
function checkTerm(e: { startDate: string; termEndDate: string | null; renewalDate: string | null }): void {
  if (e.termEndDate && e.termEndDate < e.startDate) {
    throw new InvalidInput('ENGAGEMENT.TERM_BEFORE_START', 'termEndDate must not be before startDate');
  }
  if (e.renewalDate && e.renewalDate <= e.startDate) {
    throw new InvalidInput('ENGAGEMENT.RENEWAL_BEFORE_START', 'renewalDate must be after startDate');
  }
}

export function toEngagementView(r: ViewRow, actor: Actor): EngagementView {
  const view: EngagementView = {
    id: r.id as string,
    clientId: r.client_id as string,
    clientName: r.client_name as string,
    executiveId: r.executive_id as string,
    executiveName: r.executive_name as string,
    function: r.function as EngagementView['function'],
    status: r.status as EngagementView['status'],
    startDate: r.start_date as string,
    plannedEndDate: (r.planned_end_date as string | null) ?? null,
    termEndDate: (r.term_end_date as string | null) ?? null,
    renewalDate: (r.renewal_date as string | null) ?? null,
    noticePeriodDays: Number(r.notice_period_days ?? 0),
    autoRenew: Boolean(r.auto_renew),
    checkInCadence: (r.check_in_cadence as EngagementView['checkInCadence']) ?? 'weekly',
    noticeDeadline: (r.notice_deadline as string | null) ?? null,
    allowedTransitions: [...allowedTransitions(r.status as EngagementView['status'])],
    createdAt: (r.created_at as Date).toISOString(),
  };
  if (actor.role !== 'client_viewer') view.daysPerWeek = Number(r.days_per_week);
  return view;
}

function toAllocationView(a: AllocationChange): AllocationChangeView {
  return {
    id: a.id,
    effectiveDate: a.effectiveDate,
    daysPerWeek: a.daysPerWeek,
    previousDaysPerWeek: a.previousDaysPerWeek,
    reason: a.reason,
    changedBy: a.changedBy,
    createdAt: a.createdAt.toISOString(),
  };
}
