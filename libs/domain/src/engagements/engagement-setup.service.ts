import { Injectable, Logger } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { ClientRepository } from '../clients/client.repository';
import { DriftJobs } from '../drift/drift-jobs.port';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { MilestonesRepository } from '../milestones/milestones.repository';
import { OrganizationsService } from '../organizations/organizations.service';
import { OwnersRepository } from '../owners/owners.repository';
import { PrioritiesRepository } from '../priorities/priorities.repository';
import type { Actor } from '../shared/actor';
import { InvalidField, NotFound, RuleViolation } from '../shared/errors';
import type { CreateEngagementSetupDto, EngagementSetupView, SetupPriorityView } from './engagement-setup.dto';
import { EngagementSetupRepository } from './engagement-setup.repository';
import { EngagementsRepository } from './engagements.repository';
import { toEngagementView } from './engagements.service';

/**
 * One-page engagement creation (issue 14): the client (existing or new), the engagement, its priorities in rank
 * order with one owner each (existing or new) and their milestones, in one transaction: any problem writes nothing.
 * Each row is audited as if it had been created on its own; the same rules hold as for the one-by-one routes.
 */
@Injectable()
export class EngagementSetupService {
  private readonly logger = new Logger('EngagementSetup');

  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly organizations: OrganizationsService,
    private readonly lookups: EngagementSetupRepository,
    private readonly clients: ClientRepository,
    private readonly owners: OwnersRepository,
    private readonly engagements: EngagementsRepository,
    private readonly priorities: PrioritiesRepository,
    private readonly milestones: MilestonesRepository,
    private readonly driftJobs: DriftJobs,
  ) {}

  async create(actor: Actor, input: CreateEngagementSetupDto): Promise<EngagementSetupView> {
    this.access.permit(actor, 'engagements.write', 'create engagements');
    checkShape(input);
    let timezone = 'UTC';
    // The transaction's result is the answer an Idempotency-Key replays: the view, nothing else.
    const view = await this.idempotency.transaction(async (tx) => {
      const org = actor.organizationId;
      const context = await this.organizations.context(tx, org);
      const { today, settings } = context;
      timezone = context.timezone;
      const starts = input.priorities.map((p) => p.startDate ?? today);
      input.priorities.forEach((p, i) => {
        if (p.targetDate < starts[i])
          throw new InvalidField(`priorities[${i}].targetDate`, 'targetDate must not be before startDate');
      });
      const activeCount = input.priorities.filter((p) => (p.status ?? 'active') === 'active').length;
      if (activeCount > settings.focusCap)
        throw new RuleViolation(
          'PRIORITY.FOCUS_CAP_EXCEEDED',
          `${activeCount} active priorities are more than the focus cap of ${settings.focusCap}: save the others as drafts`,
          { activePriorities: activeCount, focusCap: settings.focusCap },
        );

      let clientId = input.clientId;
      if (clientId) {
        if (!(await this.owners.clientExists(tx, org, clientId))) throw new NotFound('Client', clientId);
      } else {
        const c = input.client!;
        if (c.accountManagerId && !(await this.clients.isActiveManager(tx, org, c.accountManagerId)))
          throw new InvalidField(
            'client.accountManagerId',
            `accountManagerId ${c.accountManagerId} is not an active admin or account manager of this organization`,
          );
        const client = await this.clients.insert(tx, org, {
          name: c.name.trim(),
          industry: c.industry ?? null,
          stage: c.stage,
          status: c.status ?? 'active',
          accountManagerId: c.accountManagerId ?? null,
        });
        await this.audit.record(tx, actor, 'client.created', 'client', client.id, null, client);
        clientId = client.id;
      }

      const functions = await this.lookups.executiveFunctions(tx, org, input.executiveId);
      if (!functions) throw new NotFound('Executive', input.executiveId);
      if (!functions.includes(input.function))
        throw new InvalidField(
          'function',
          `The executive does not lead ${input.function} (offers ${functions.join(', ')})`,
        );

      const named = [...new Set(input.priorities.flatMap((p) => (p.ownerId ? [p.ownerId] : [])))];
      const ownerClients = await this.lookups.ownerClients(tx, org, named);
      const ownerIds: string[] = [];
      const ownerCreated: boolean[] = [];
      // A new owner named twice (same email) is one person: created once, owning both priorities.
      const createdByEmail = new Map<string, string>();
      for (const [i, p] of input.priorities.entries()) {
        if (p.ownerId) {
          const at = ownerClients.get(p.ownerId);
          if (!at) throw new NotFound('Owner', p.ownerId);
          if (at !== clientId)
            throw new InvalidField(
              `priorities[${i}].ownerId`,
              `ownerId ${p.ownerId} is not an accountability owner at this engagement's client`,
            );
          ownerIds.push(p.ownerId);
          ownerCreated.push(false);
          continue;
        }
        const o = p.owner!;
        const email = o.email?.toLowerCase() ?? null;
        const again = email ? createdByEmail.get(email) : undefined;
        if (again) {
          ownerIds.push(again);
          ownerCreated.push(true);
          continue;
        }
        if (o.userId && !(await this.owners.userExists(tx, org, o.userId)))
          throw new InvalidField(
            `priorities[${i}].owner.userId`,
            `userId ${o.userId} is not a user of this organization`,
          );
        const owner = await this.owners.insert(tx, org, {
          clientId: clientId!,
          name: o.name.trim(),
          email,
          title: o.title ?? null,
          userId: o.userId ?? null,
        });
        await this.audit.record(tx, actor, 'owner.created', 'owner', owner.id, null, owner);
        if (email) createdByEmail.set(email, owner.id);
        ownerIds.push(owner.id);
        ownerCreated.push(true);
      }

      const engagement = await this.engagements.insert(tx, org, {
        clientId: clientId!,
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
      await this.engagements.insertOpeningAllocation(tx, org, {
        engagementId: engagement.id,
        effectiveDate: input.startDate,
        daysPerWeek: input.daysPerWeek,
        previousDaysPerWeek: null,
        reason: 'Initial allocation',
        changedBy: actor.userId,
      });
      await this.audit.record(tx, actor, 'engagement.created', 'engagement', engagement.id, null, engagement);

      // Active priorities rank 1..n in the order given; the others follow them.
      let nextActive = 1;
      let nextOther = activeCount + 1;
      const priorities: SetupPriorityView[] = [];
      for (const [i, p] of input.priorities.entries()) {
        const status = p.status ?? 'active';
        const priority = await this.priorities.insert(tx, org, {
          engagementId: engagement.id,
          title: p.title.trim(),
          description: p.description ?? null,
          ownerId: ownerIds[i],
          status,
          rank: status === 'active' ? nextActive++ : nextOther++,
          startDate: starts[i],
          targetDate: p.targetDate,
        });
        await this.audit.record(tx, actor, 'priority.created', 'priority', priority.id, null, priority);
        const milestones = [];
        for (const m of p.milestones) {
          const milestone = await this.milestones.insert(tx, org, {
            priorityId: priority.id,
            title: m.title.trim(),
            baselineDueDate: m.dueDate,
            dueDate: m.dueDate,
            forecastDate: m.forecastDate ?? null,
            status: m.status ?? 'planned',
            weight: m.weight ?? 1,
            completedAt: null,
          });
          await this.audit.record(tx, actor, 'milestone.created', 'milestone', milestone.id, null, milestone);
          milestones.push({ id: milestone.id, title: milestone.title, dueDate: m.dueDate });
        }
        priorities.push({
          id: priority.id,
          title: priority.title,
          rank: priority.rank,
          status,
          ownerId: ownerIds[i],
          ownerCreated: ownerCreated[i],
          milestones,
        });
      }
      const row = await this.engagements.viewInReach(tx, actor, engagement.id, today);
      if (!row) throw new NotFound('Engagement', engagement.id);
      const view: EngagementSetupView = {
        engagement: toEngagementView(row, actor),
        clientCreated: !input.clientId,
        focusCap: settings.focusCap,
        priorities,
      };
      return view;
    });
    const created = view.priorities.flatMap((p) => p.milestones);
    if (created.length > 0) await this.scheduleDeadlines(actor.organizationId, created, timezone);
    return view;
  }

  private async scheduleDeadlines(
    organizationId: string,
    milestones: ReadonlyArray<{ id: string; dueDate: string }>,
    timezone: string,
  ): Promise<void> {
    try {
      await this.driftJobs.newMilestonesDue(organizationId, milestones, timezone);
      await this.driftJobs.scanOrganization(organizationId);
    } catch (error) {
      // A queue outage must not fail a setup that is committed: the scheduled scan catches up.
      this.logger.warn(
        `could not schedule deadline checks for ${milestones.length} milestones: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** What the DTO cannot say: one of two ways to name the client and each owner, and dates in order. */
export function checkShape(input: CreateEngagementSetupDto): void {
  if (Boolean(input.clientId) === Boolean(input.client))
    throw new InvalidField('clientId', 'give either clientId (an existing client) or client (a new one)');
  if (input.plannedEndDate && input.plannedEndDate < input.startDate)
    throw new InvalidField('plannedEndDate', 'plannedEndDate must not be before startDate');
  if (input.termEndDate && input.termEndDate < input.startDate)
    throw new InvalidField('termEndDate', 'termEndDate must not be before startDate');
  if (input.renewalDate && input.renewalDate <= input.startDate)
    throw new InvalidField('renewalDate', 'renewalDate must be after startDate');
  input.priorities.forEach((p, i) => {
    if (Boolean(p.ownerId) === Boolean(p.owner))
      throw new InvalidField(
        `priorities[${i}].ownerId`,
        'give either ownerId (an existing owner) or owner (a new one)',
      );
    if (p.startDate && p.targetDate < p.startDate)
      throw new InvalidField(`priorities[${i}].targetDate`, 'targetDate must not be before startDate');
  });
}
