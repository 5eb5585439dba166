import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { toForecastView } from '../forecast/forecast.dto';
import { localDate } from '../health/calendar';
import { isOverdue, slipDays } from '../health/health';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { DriftJobs } from '../drift/drift-jobs.port';
import { Conflict, NotFound, RuleViolation } from '../shared/errors';
import type { Milestone } from './milestone.entity';
import type {
  CompleteMilestoneDto,
  CreateMilestoneDto,
  DueDateChangeView,
  MilestoneView,
  ReplanMilestoneDto,
  UpdateMilestoneDto,
} from './milestone.dto';
import { MilestonesRepository, type MilestoneRow } from './milestones.repository';

@Injectable()
export class MilestonesService {
  private readonly logger = new Logger('Milestones');

  constructor(
    private readonly db: Db,
    private readonly milestones: MilestonesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
    private readonly driftJobs: DriftJobs,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(actor: Actor, priorityId: string, input: CreateMilestoneDto): Promise<MilestoneView> {
    this.access.permit(actor, 'milestones.create', 'create milestones');
    // Read back inside the transaction: a create that committed answers with its row even if the database goes away next.
    const view = await this.idempotency.transaction(async (tx) => {
      await this.access.priority(tx, actor, priorityId);
      const saved = await this.milestones.insert(tx, actor.organizationId, {
        priorityId,
        title: input.title.trim(),
        baselineDueDate: input.dueDate,
        dueDate: input.dueDate,
        forecastDate: input.forecastDate ?? null,
        status: input.status ?? 'planned',
        weight: input.weight ?? 1,
        completedAt: null,
      });
      await this.audit.record(tx, actor, 'milestone.created', 'milestone', saved.id, null, saved);
      const [created] = await this.views(tx, actor.organizationId, { id: saved.id });
      if (!created) throw new NotFound('Milestone', saved.id);
      return created;
    });
    await this.afterDueDateWrite(actor.organizationId, view);
    return view;
  }

  async list(actor: Actor, priorityId: string): Promise<MilestoneView[]> {
    await this.access.priority(this.db.reader, actor, priorityId);
    return this.db.transaction((tx) => this.views(tx, actor.organizationId, { priorityId }));
  }

  async get(actor: Actor, id: string): Promise<MilestoneView> {
    await this.access.milestone(this.db.reader, actor, id);
    const [view] = await this.db.transaction((tx) => this.views(tx, actor.organizationId, { id }));
    if (!view) throw new NotFound('Milestone', id);
    return view;
  }

  async update(actor: Actor, id: string, input: UpdateMilestoneDto): Promise<MilestoneView> {
    this.access.permit(actor, 'milestones.move', 'update milestones');
    await this.db.transaction(async (tx) => {
      const milestone = await this.lockOwned(tx, actor, id);
      if (milestone.status === 'done') throw new Conflict('MILESTONE.ALREADY_DONE', `Milestone ${id} is already done`);
      const before = { ...milestone };
      if (input.title !== undefined) milestone.title = input.title.trim();
      if (input.forecastDate !== undefined) milestone.forecastDate = input.forecastDate;
      if (input.weight !== undefined) milestone.weight = input.weight;
      if (input.status !== undefined) milestone.status = input.status;
      await this.milestones.save(tx, milestone);
      await this.audit.record(tx, actor, 'milestone.updated', 'milestone', id, before, milestone);
    });
    const view = await this.get(actor, id);
    await this.afterDueDateWrite(actor.organizationId, view);
    return view;
  }

  async complete(actor: Actor, id: string, input: CompleteMilestoneDto): Promise<MilestoneView> {
    this.access.permit(actor, 'milestones.move', 'complete milestones');
    await this.db.transaction(async (tx) => {
      const milestone = await this.lockOwned(tx, actor, id);
      if (milestone.status === 'done') throw new Conflict('MILESTONE.ALREADY_DONE', `Milestone ${id} is already done`);
      if (milestone.status === 'cancelled') throw new Conflict('MILESTONE.CANCELLED', `Milestone ${id} is cancelled`);
      const completedAt = input.completedAt ? new Date(input.completedAt) : this.clock.now();
      if (completedAt.getTime() > this.clock.now().getTime() + 60_000)
        throw new RuleViolation('MILESTONE.COMPLETED_IN_FUTURE', 'completedAt must not be in the future');
      const before = { ...milestone };
      milestone.status = 'done';
      milestone.completedAt = completedAt;
      await this.milestones.save(tx, milestone);
      await this.audit.record(tx, actor, 'milestone.completed', 'milestone', id, before, milestone);
    });
    const view = await this.get(actor, id);
    await this.afterDueDateWrite(actor.organizationId, view);
    return view;
  }

  /** Moves the current due date; the baseline stays. Every move is kept with who, when, old, new and why. */
  async replan(actor: Actor, id: string, input: ReplanMilestoneDto): Promise<MilestoneView> {
    this.access.permit(actor, 'milestones.move', 're-plan milestones');
    await this.db.transaction(async (tx) => {
      const milestone = await this.lockOwned(tx, actor, id);
      if (milestone.status === 'done') throw new Conflict('MILESTONE.ALREADY_DONE', `Milestone ${id} is already done`);
      if (milestone.status === 'cancelled') throw new Conflict('MILESTONE.CANCELLED', `Milestone ${id} is cancelled`);
      if (milestone.dueDate === input.dueDate)
        throw new RuleViolation('MILESTONE.DUE_DATE_UNCHANGED', `The milestone is already due on ${input.dueDate}`);
      const before = { ...milestone };
      await this.milestones.recordDueDateChange(tx, actor.organizationId, {
        milestoneId: id,
        changedBy: actor.userId,
        oldDueDate: milestone.dueDate,
        newDueDate: input.dueDate,
        reason: input.reason.trim(),
        category: input.category,
      });
      milestone.dueDate = input.dueDate;
      // A forecast earlier than the new date says nothing any more.
      if (milestone.forecastDate && milestone.forecastDate <= input.dueDate) milestone.forecastDate = null;
      await this.milestones.save(tx, milestone);
      await this.audit.record(tx, actor, 'milestone.replanned', 'milestone', id, before, {
        ...milestone,
        reason: input.reason.trim(),
        category: input.category,
      });
    });
    const view = await this.get(actor, id);
    await this.afterDueDateWrite(actor.organizationId, view);
    return view;
  }

  async history(actor: Actor, id: string): Promise<DueDateChangeView[]> {
    await this.access.milestone(this.db.reader, actor, id);
    const rows = await this.milestones.dueDateChanges(this.db.reader, actor.organizationId, id);
    return rows.map((r) => ({
      id: r.id,
      oldDueDate: r.old_due_date,
      newDueDate: r.new_due_date,
      reason: r.reason,
      category: r.category,
      changedBy: r.changed_by ?? null,
      changedByName: r.changed_by_name ?? null,
      changedAt: r.changed_at.toISOString(),
    }));
  }

  /**
   * After the commit: an open milestone gets a delayed job at the end of its due date (replacing any earlier
   * one), a closed one loses it, and a scan runs now so resolved or re-planned conditions clear at once.
   * A queue outage must not fail a write that is already committed: the scheduled scan catches up.
   */
  private async afterDueDateWrite(organizationId: string, milestone: MilestoneView): Promise<void> {
    try {
      if (milestone.status === 'done' || milestone.status === 'cancelled')
        await this.driftJobs.milestoneClosed(milestone.id);
      else {
        const { timezone } = await this.db.transaction((tx) => this.organizations.context(tx, organizationId));
        await this.driftJobs.milestoneDueDateSet(organizationId, milestone.id, milestone.dueDate, timezone);
      }
      await this.driftJobs.scanOrganization(organizationId);
    } catch (error) {
      this.logger.warn(
        `could not schedule drift checks for milestone ${milestone.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async lockOwned(tx: EntityManager, actor: Actor, id: string): Promise<Milestone> {
    await this.access.milestone(tx, actor, id);
    const milestone = await this.milestones.getForUpdate(tx, actor.organizationId, id);
    if (!milestone) throw new NotFound('Milestone', id);
    return milestone;
  }

  private async views(
    tx: EntityManager,
    organizationId: string,
    by: { id: string } | { priorityId: string },
  ): Promise<MilestoneView[]> {
    const { timezone, today } = await this.organizations.context(tx, organizationId);
    const rows = await this.milestones.rows(tx, organizationId, by);
    return rows.map((r) => toMilestoneView(r, today, timezone));
  }
}

export { MILESTONE_ROW_SQL, type MilestoneRow } from './milestones.repository';

export function toMilestoneView(r: MilestoneRow, today: string, timezone: string): MilestoneView {
  const shape = {
    status: r.status,
    baselineDueDate: r.baseline_due_date,
    dueDate: r.due_date,
    forecastDate: r.forecast_date,
    completedOn: r.completed_at ? localDate(r.completed_at, timezone) : null,
  };
  return {
    id: r.id,
    priorityId: r.priority_id,
    title: r.title,
    baselineDueDate: r.baseline_due_date,
    dueDate: r.due_date,
    forecastDate: r.forecast_date,
    status: r.status,
    weight: Number(r.weight),
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
    slipDays: slipDays(shape, today),
    overdue: isOverdue(shape, today),
    replanCount: Number(r.replan_count),
    landingForecast: r.status === 'planned' || r.status === 'in_progress' ? toForecastView(r) : null,
  };
}
