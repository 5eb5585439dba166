import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Db, type Queryable } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { DriftJobs } from '../drift/drift-jobs.port';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type {
  ApplyPlaybookDto,
  EngagementPlaybookView,
  PlaybookApplicationView,
  PlaybookEffectivenessView,
  PlaybookPriorityDto,
  PlaybookSummaryView,
  PlaybookView,
  SaveEngagementAsPlaybookDto,
  WritePlaybookDto,
} from './playbook.dto';
import { derivePlan, planApplication, planViolations, type PlanPriority } from './playbook-plan';
import {
  PlaybooksRepository,
  type AppliedPriority,
  type PlaybookRow,
  type VersionContent,
} from './playbooks.repository';

/**
 * Playbooks: proven plans (ordered priorities, milestones at day offsets) kept in versions; applied to an
 * engagement in one transaction, under the engagement's row lock (the same lock priority writes take, so the focus
 * cap holds against concurrent applies and creates); measured by how the plans they produced went.
 */
@Injectable()
export class PlaybooksService {
  private readonly logger = new Logger('Playbooks');

  constructor(
    private readonly db: Db,
    private readonly playbooks: PlaybooksRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly driftJobs: DriftJobs,
  ) {}

  async create(actor: Actor, input: WritePlaybookDto): Promise<PlaybookView> {
    this.access.permit(actor, 'playbooks.manage', 'manage playbooks');
    const content = contentOf(input);
    return this.db.transaction(async (tx) => {
      const id = await this.playbooks.create(tx, actor, content);
      const view = await this.view(tx, actor.organizationId, id);
      await this.audit.record(tx, actor, 'playbook.created', 'playbook', id, null, view);
      return view;
    });
  }

  /** Every edit writes the next version; engagements keep pointing at the version they were applied from. */
  async update(actor: Actor, id: string, input: WritePlaybookDto): Promise<PlaybookView> {
    this.access.permit(actor, 'playbooks.manage', 'manage playbooks');
    const content = contentOf(input);
    return this.db.transaction(async (tx) => {
      const locked = await this.playbooks.lock(tx, actor.organizationId, id);
      if (!locked) throw new NotFound('Playbook', id);
      const before = await this.view(tx, actor.organizationId, id);
      await this.playbooks.addVersion(tx, actor, id, locked.current_version + 1, {
        ...content,
        sourceEngagementId: before.sourceEngagementId,
      });
      const after = await this.view(tx, actor.organizationId, id);
      await this.audit.record(tx, actor, 'playbook.updated', 'playbook', id, before, after);
      return after;
    });
  }

  async setArchived(actor: Actor, id: string, archived: boolean): Promise<PlaybookView> {
    this.access.permit(actor, 'playbooks.manage', 'manage playbooks');
    return this.db.transaction(async (tx) => {
      if (!(await this.playbooks.lock(tx, actor.organizationId, id))) throw new NotFound('Playbook', id);
      const before = await this.view(tx, actor.organizationId, id);
      await this.playbooks.setArchived(tx, actor.organizationId, id, archived);
      const after = await this.view(tx, actor.organizationId, id);
      await this.audit.record(
        tx,
        actor,
        archived ? 'playbook.archived' : 'playbook.restored',
        'playbook',
        id,
        { archivedAt: before.archivedAt },
        { archivedAt: after.archivedAt },
      );
      return after;
    });
  }

  async list(actor: Actor, includeArchived: boolean): Promise<PlaybookSummaryView[]> {
    this.access.permit(actor, 'playbooks.manage', 'read playbooks');
    const rows = await this.playbooks.list(this.db.reader, actor.organizationId, includeArchived);
    return rows.map((r) => {
      const { priorities: _omitted, sourceEngagementId: _source, ...summary } = toView(r);
      return summary;
    });
  }

  async get(actor: Actor, id: string): Promise<PlaybookView> {
    this.access.permit(actor, 'playbooks.manage', 'read playbooks');
    return this.view(this.db.reader, actor.organizationId, id);
  }

  /** "Save this engagement as a playbook": its priorities and milestones, dates turned into offsets. */
  async saveEngagement(actor: Actor, engagementId: string, input: SaveEngagementAsPlaybookDto): Promise<PlaybookView> {
    this.access.permit(actor, 'playbooks.manage', 'manage playbooks');
    return this.db.transaction(async (tx) => {
      await this.access.engagement(tx, actor, engagementId);
      const basics = await this.playbooks.engagementBasics(tx, actor.organizationId, engagementId);
      if (!basics) throw new NotFound('Engagement', engagementId);
      const rows = await this.playbooks.engagementPlan(tx, actor.organizationId, engagementId);
      if (rows.length === 0)
        throw new RuleViolation(
          'PLAYBOOK.ENGAGEMENT_HAS_NO_PLAN',
          'This engagement has no priorities to save as a playbook (dropped ones are left out)',
        );
      const plan = derivePlan(
        basics.start_date,
        rows.map((r) => ({
          title: r.title,
          description: r.description,
          ownerTitle: r.owner_title,
          startDate: r.start_date,
          targetDate: r.target_date,
          milestones: r.milestones.map((m) => ({ ...m, weight: Number(m.weight) })),
        })),
      );
      const id = await this.playbooks.create(tx, actor, {
        name: input.name.trim(),
        function: input.function ?? basics.function,
        description: input.description ?? null,
        plan,
        sourceEngagementId: engagementId,
      });
      const view = await this.view(tx, actor.organizationId, id);
      await this.audit.record(tx, actor, 'playbook.created', 'playbook', id, null, view);
      return view;
    });
  }

  /**
   * Dry run or apply: both compute the plan the same way under the engagement's lock; the dry run then rolls back
   * having written nothing, the apply writes it all in one statement. Deadline jobs are scheduled after the commit.
   */
  async apply(
    actor: Actor,
    engagementId: string,
    input: ApplyPlaybookDto,
    dryRun: boolean,
  ): Promise<PlaybookApplicationView> {
    this.access.permit(actor, 'playbooks.manage', 'apply playbooks');
    const { view, timezone, created } = await this.db.transaction(async (tx) => {
      const engagement = await this.access.engagement(tx, actor, engagementId, !dryRun);
      const playbook = await this.playbooks.current(tx, actor.organizationId, input.playbookId);
      if (!playbook) throw new NotFound('Playbook', input.playbookId);
      if (playbook.archived_at)
        throw new RuleViolation('PLAYBOOK.ARCHIVED', `Playbook ${input.playbookId} is archived: restore it first`);
      if (input.version !== undefined && input.version !== playbook.version)
        throw new Conflict(
          'PLAYBOOK.VERSION_CHANGED',
          `The playbook is at version ${playbook.version} now, not ${input.version}: preview it again`,
          { version: playbook.version },
        );
      if (input.ownerIds.length !== playbook.plan.length)
        throw new InvalidInput(
          'PLAYBOOK.OWNERS_MISMATCH',
          `ownerIds must name one owner for each of the playbook's ${playbook.plan.length} priorities (got ${input.ownerIds.length})`,
        );
      const known = new Set(
        await this.playbooks.ownersAtClient(
          tx,
          actor.organizationId,
          [...new Set(input.ownerIds)],
          engagement.clientId,
        ),
      );
      const stray = input.ownerIds.find((o) => !known.has(o));
      if (stray)
        throw new InvalidInput(
          'PRIORITY.OWNER_INVALID',
          `ownerId ${stray} is not an accountability owner at this engagement's client`,
        );
      const { today, timezone, settings } = await this.organizations.context(tx, actor.organizationId);
      const startDate = input.startDate ?? today;
      const ranks = await this.playbooks.engagementRanks(tx, actor.organizationId, engagementId);
      const planned = planApplication({
        plan: playbook.plan,
        startDate,
        ownerIds: input.ownerIds,
        activeCount: ranks.activeCount,
        maxActiveRank: ranks.maxActiveRank,
        maxRank: ranks.maxRank,
        focusCap: settings.focusCap,
      });
      const applied: AppliedPriority[] = planned.map((p) => ({
        ...p,
        id: randomUUID(),
        milestones: p.milestones.map((m) => ({ ...m, id: randomUUID() })),
      }));
      const applicationId = dryRun ? null : randomUUID();
      if (applicationId)
        await this.playbooks.insertApplication(
          tx,
          actor,
          { id: applicationId, engagementId, versionId: playbook.version_id, startDate, playbookId: playbook.id },
          applied,
        );
      const activated = planned.filter((p) => p.status === 'active').length;
      const drafted = planned.length - activated;
      const view: PlaybookApplicationView = {
        applied: !dryRun,
        applicationId,
        engagementId,
        playbookId: playbook.id,
        playbookName: playbook.name,
        version: playbook.version,
        startDate,
        focusCap: settings.focusCap,
        activeBefore: ranks.activeCount,
        activated,
        drafted,
        message: describe(dryRun, planned.length, activated, drafted, settings.focusCap),
        priorities: applied.map((p) => ({
          position: p.position,
          id: dryRun ? null : p.id,
          title: p.title,
          description: p.description,
          ownerId: p.ownerId,
          status: p.status,
          rank: p.rank,
          startDate: p.startDate,
          targetDate: p.targetDate,
          milestones: p.milestones.map((m) => ({
            id: dryRun ? null : m.id,
            title: m.title,
            dueDate: m.dueDate,
            weight: m.weight,
          })),
        })),
      };
      return { view, timezone, created: dryRun ? [] : applied.flatMap((p) => p.milestones) };
    });
    if (created.length > 0) await this.scheduleDeadlines(actor.organizationId, created, timezone);
    return view;
  }

  async applicationsOf(actor: Actor, engagementId: string): Promise<EngagementPlaybookView[]> {
    this.access.permit(actor, 'playbooks.manage', 'read playbooks');
    await this.access.engagement(this.db.reader, actor, engagementId);
    const rows = await this.playbooks.applicationsOf(this.db.reader, actor.organizationId, engagementId);
    return rows.map((r) => ({
      applicationId: r.id,
      playbookId: r.playbook_id,
      playbookName: r.name,
      version: r.version,
      startDate: r.start_date,
      appliedAt: r.applied_at.toISOString(),
      appliedByName: r.applied_by_name,
    }));
  }

  async effectiveness(actor: Actor, playbookId: string | null): Promise<PlaybookEffectivenessView[]> {
    this.access.permit(actor, 'playbooks.manage', 'read playbooks');
    if (playbookId) await this.view(this.db.reader, actor.organizationId, playbookId);
    const rows = await this.playbooks.effectiveness(this.db.reader, actor.organizationId, playbookId, (o, p) =>
      this.organizations.contextCte(o, p),
    );
    return rows.map((r) => {
      const milestones = Number(r.milestones);
      const assessed = Number(r.assessed);
      const onTime = Number(r.on_time);
      return {
        playbookId: r.playbook_id,
        playbookName: r.name,
        version: r.version,
        engagements: Number(r.engagements),
        milestones,
        assessed,
        onTime,
        onTimeRate: assessed > 0 ? round2(onTime / assessed) : null,
        medianSlipDays: r.median_slip === null ? null : round2(Number(r.median_slip)),
        meanSlipDays: r.mean_slip === null ? null : round2(Number(r.mean_slip)),
        replansPerMilestone: milestones > 0 ? round2(Number(r.replans) / milestones) : null,
        priorities: Number(r.priorities),
        prioritiesAchieved: Number(r.achieved),
      };
    });
  }

  private async view(tx: Queryable, organizationId: string, id: string): Promise<PlaybookView> {
    const row = await this.playbooks.current(tx, organizationId, id);
    if (!row) throw new NotFound('Playbook', id);
    return toView(row);
  }

  /**
   * As a milestone's own creation does (MilestonesService): a deadline job per milestone (the same job, added in
   * one bulk request since none of them has one yet), then one scan.
   */
  private async scheduleDeadlines(
    organizationId: string,
    milestones: ReadonlyArray<{ id: string; dueDate: string }>,
    timezone: string,
  ): Promise<void> {
    try {
      await this.driftJobs.newMilestonesDue(organizationId, milestones, timezone);
      await this.driftJobs.scanOrganization(organizationId);
    } catch (error) {
      // A queue outage must not fail an apply that is committed: the scheduled scan catches up.
      this.logger.warn(
        `could not schedule deadline checks for ${milestones.length} milestones: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function contentOf(input: WritePlaybookDto): Omit<VersionContent, 'sourceEngagementId'> & { sourceEngagementId: null } {
  const plan: PlanPriority[] = input.priorities.map((p: PlaybookPriorityDto) => ({
    title: p.title.trim(),
    description: p.description ?? null,
    suggestedOwnerTitle: p.suggestedOwnerTitle?.trim() || null,
    startOffsetDays: p.startOffsetDays ?? 0,
    targetOffsetDays: p.targetOffsetDays,
    milestones: p.milestones.map((m) => ({ title: m.title.trim(), offsetDays: m.offsetDays, weight: m.weight ?? 1 })),
  }));
  const [first, ...more] = planViolations(plan);
  if (first)
    throw new RuleViolation(first.code, more.length ? `${first.message} (and ${more.length} more)` : first.message, {
      violations: [first, ...more],
    });
  return {
    name: input.name.trim(),
    function: input.function,
    description: input.description ?? null,
    plan,
    sourceEngagementId: null,
  };
}

function describe(dryRun: boolean, total: number, activated: number, drafted: number, focusCap: number): string {
  const verb = dryRun ? 'Would create' : 'Created';
  const priorities = `${total} ${total === 1 ? 'priority' : 'priorities'}`;
  if (drafted === 0) return `${verb} ${priorities}, all active.`;
  return `${verb} ${priorities}: ${activated} active, ${drafted} as draft because the focus cap is ${focusCap}.`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function toView(r: PlaybookRow): PlaybookView {
  return {
    id: r.id,
    name: r.name,
    function: r.function,
    description: r.description,
    version: r.version,
    archivedAt: r.archived_at ? r.archived_at.toISOString() : null,
    priorityCount: r.plan.length,
    milestoneCount: r.plan.reduce((n, p) => n + p.milestones.length, 0),
    applications: Number(r.applications),
    updatedAt: r.updated_at.toISOString(),
    sourceEngagementId: r.source_engagement_id,
    priorities: r.plan.map((p) => ({
      title: p.title,
      description: p.description,
      suggestedOwnerTitle: p.suggestedOwnerTitle,
      startOffsetDays: p.startOffsetDays,
      targetOffsetDays: p.targetOffsetDays,
      milestones: p.milestones.map((m) => ({ title: m.title, offsetDays: m.offsetDays, weight: m.weight })),
    })),
  };
}
