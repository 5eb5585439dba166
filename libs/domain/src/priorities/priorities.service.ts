import { PulseService } from '../pulse/pulse.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { PrioritiesRepository } from './priorities.repository';
import { compact, rerank } from './priority-ranking';
import type { CreatePriorityDto, PriorityView, UpdatePriorityDto } from './priority.dto';

@Injectable()
export class PrioritiesService {
  constructor(
    private readonly db: Db,
    private readonly priorities: PrioritiesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly idempotency: IdempotencyService,
    private readonly pulses: PulseService,
  ) {}

  async create(actor: Actor, engagementId: string, input: CreatePriorityDto): Promise<PriorityView> {
    this.access.permit(actor, 'priorities.write', 'create priorities');
    // Read back inside the transaction: a create that committed answers with its row even if the database goes away next.
    return this.idempotency.transaction(async (tx) => {
      // Locking the engagement serialises concurrent activations, so the focus cap cannot be raced past.
      const engagement = await this.access.engagement(tx, actor, engagementId, true);
      const { today, settings } = await this.organizations.context(tx, actor.organizationId);
      await this.assertOwnerOfClient(tx, actor.organizationId, input.ownerId, engagement.clientId);
      const startDate = input.startDate ?? today;
      if (input.targetDate < startDate)
        throw new InvalidInput('PRIORITY.DATES_INVERTED', 'targetDate must not be before startDate');
      const status = input.status ?? 'active';
      const active = await this.activeIds(tx, actor.organizationId, engagementId);
      if (status === 'active') assertFocusCap(active.length, settings.focusCap);
      const saved = await this.priorities.insert(tx, actor.organizationId, {
        engagementId,
        title: input.title.trim(),
        description: input.description ?? null,
        ownerId: input.ownerId,
        status,
        rank: status === 'active' ? active.length + 1 : (input.rank ?? active.length + 1),
        startDate,
        targetDate: input.targetDate,
      });
      if (status === 'active' && input.rank !== undefined)
        await this.applyRanks(tx, actor.organizationId, rerank(active, saved.id, input.rank));
      await this.audit.record(tx, actor, 'priority.created', 'priority', saved.id, null, saved);
      const row = await this.priorities.view(tx, actor.organizationId, saved.id);
      if (!row) throw new NotFound('Priority', saved.id);
      return toView(row);
    });
  }

  async list(actor: Actor, engagementId: string): Promise<PriorityView[]> {
    await this.access.engagement(this.db.reader, actor, engagementId);
    const rows = await this.priorities.viewsForEngagement(this.db.reader, actor.organizationId, engagementId);
    return rows.map(toView);
  }

  async get(actor: Actor, id: string): Promise<PriorityView> {
    await this.access.priority(this.db.reader, actor, id);
    const row = await this.priorities.view(this.db.reader, actor.organizationId, id);
    if (!row) throw new NotFound('Priority', id);
    return toView(row);
  }

  async update(actor: Actor, id: string, input: UpdatePriorityDto): Promise<PriorityView> {
    this.access.permit(actor, 'priorities.write', 'edit priorities');
    const pulseEmails = await this.db.transaction(async (tx) => {
      const scope = await this.access.priority(tx, actor, id);
      await this.access.engagement(tx, actor, scope.id, true);
      const priority = await this.priorities.get(tx, actor.organizationId, id);
      if (!priority) throw new NotFound('Priority', id);
      const before = { ...priority };
      const { settings } = await this.organizations.context(tx, actor.organizationId);
      if (input.ownerId !== undefined && input.ownerId !== priority.ownerId) {
        await this.assertOwnerOfClient(tx, actor.organizationId, input.ownerId, scope.clientId);
        priority.ownerId = input.ownerId;
      }
      if (input.title !== undefined) priority.title = input.title.trim();
      if (input.description !== undefined) priority.description = input.description;
      if (input.startDate !== undefined) priority.startDate = input.startDate;
      if (input.targetDate !== undefined) priority.targetDate = input.targetDate;
      if (priority.targetDate < priority.startDate)
        throw new InvalidInput('PRIORITY.DATES_INVERTED', 'targetDate must not be before startDate');

      const active = await this.activeIds(tx, actor.organizationId, priority.engagementId);
      const wasActive = priority.status === 'active';
      const nextStatus = input.status ?? priority.status;
      if (!wasActive && nextStatus === 'active') assertFocusCap(active.length, settings.focusCap);
      priority.status = nextStatus;
      let ranks: Map<string, number> | null = null;
      if (nextStatus === 'active' && (!wasActive || input.rank !== undefined))
        ranks = rerank(active, id, input.rank ?? (wasActive ? priority.rank : null));
      else if (wasActive && nextStatus !== 'active') ranks = compact(active, id);
      else if (nextStatus !== 'active' && input.rank !== undefined) priority.rank = input.rank;
      if (ranks?.has(id)) priority.rank = ranks.get(id)!;
      await this.priorities.save(tx, priority);
      if (ranks) await this.applyRanks(tx, actor.organizationId, ranks);
      await this.audit.record(tx, actor, 'priority.updated', 'priority', id, before, priority);
      // Achieved: the client is asked the pulse question (issue 18), in the same transaction.
      return before.status !== 'achieved' && priority.status === 'achieved'
        ? this.pulses.queueRequests(
            tx,
            actor.organizationId,
            priority.engagementId,
            'priority_achieved',
            priority.title,
          )
        : [];
    });
    await this.pulses.deliverAfterCommit(pulseEmails);
    return this.get(actor, id);
  }

  private activeIds(tx: EntityManager, organizationId: string, engagementId: string): Promise<string[]> {
    return this.priorities.activeIds(tx, organizationId, engagementId);
  }

  private async applyRanks(tx: EntityManager, organizationId: string, ranks: Map<string, number>): Promise<void> {
    if (ranks.size > 0) await this.priorities.applyRanks(tx, organizationId, ranks);
  }

  private async assertOwnerOfClient(
    tx: EntityManager,
    organizationId: string,
    ownerId: string,
    clientId: string,
  ): Promise<void> {
    if (!(await this.priorities.ownerIsAtClient(tx, organizationId, ownerId, clientId)))
      throw new InvalidInput(
        'PRIORITY.OWNER_INVALID',
        `ownerId ${ownerId} is not an accountability owner at this engagement's client`,
      );
  }
}

function assertFocusCap(activeCount: number, focusCap: number): void {
  if (activeCount >= focusCap) {
    throw new RuleViolation(
      'PRIORITY.FOCUS_CAP_EXCEEDED',
      `This engagement already has ${activeCount} active priorities and the focus cap is ${focusCap}: achieve, drop or move one to draft before activating another`,
      { activePriorities: activeCount, focusCap },
    );
  }
}

function toView(r: Record<string, unknown>): PriorityView {
  return {
    id: r.id as string,
    engagementId: r.engagement_id as string,
    title: r.title as string,
    description: (r.description as string | null) ?? null,
    rank: Number(r.rank),
    status: r.status as PriorityView['status'],
    owner: {
      id: r.owner_id as string,
      name: r.owner_name as string,
      title: (r.owner_title as string | null) ?? null,
      email: (r.owner_email as string | null) ?? null,
    },
    startDate: r.start_date as string,
    targetDate: r.target_date as string,
    createdAt: (r.created_at as Date).toISOString(),
  };
}
