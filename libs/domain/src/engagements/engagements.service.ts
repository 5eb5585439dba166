import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { InvalidInput, NotFound } from '../shared/errors';
import { orderBy, pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { allocationInForceSql } from './allocation-in-force';
import { AllocationChange, Engagement } from './engagement.entity';
import type {
  AllocationChangeView, CreateAllocationChangeDto, CreateEngagementDto, EngagementView, ListEngagementsQueryDto, UpdateEngagementDto,
} from './engagement.dto';

const SORTS: Record<ListEngagementsQueryDto['sort'], string> = {
  startDate: 'e.start_date',
  client: 'lower(c.name)',
  status: 'e.status',
  createdAt: 'e.created_at',
};

@Injectable()
export class EngagementsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  async create(actor: Actor, input: CreateEngagementDto): Promise<EngagementView> {
    this.access.permit(actor, 'engagements.write', 'create engagements');
    if (input.plannedEndDate && input.plannedEndDate < input.startDate) {
      throw new InvalidInput('ENGAGEMENT.DATES_INVERTED', 'plannedEndDate must not be before startDate');
    }
    const id = await this.db.transaction(async (tx) => {
      const refs: Array<{ client: boolean; functions: string[] | null }> = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM clients WHERE organization_id = $1 AND id = $2) AS client,
                (SELECT functions FROM executives WHERE organization_id = $1 AND id = $3) AS functions`,
        [actor.organizationId, input.clientId, input.executiveId],
      );
      if (!refs[0]?.client) throw new InvalidInput('ENGAGEMENT.CLIENT_INVALID', `clientId ${input.clientId} is not a client of this organization`);
      if (!refs[0].functions) throw new InvalidInput('ENGAGEMENT.EXECUTIVE_INVALID', `executiveId ${input.executiveId} is not an executive of this organization`);
      if (!refs[0].functions.includes(input.function)) {
        throw new InvalidInput('ENGAGEMENT.FUNCTION_NOT_OFFERED', `The executive does not lead ${input.function} (offers ${refs[0].functions.join(', ')})`);
      }
      const saved = await tx.getRepository(Engagement).save(tx.getRepository(Engagement).create({
        organizationId: actor.organizationId,
        clientId: input.clientId,
        executiveId: input.executiveId,
        function: input.function,
        status: input.status ?? 'active',
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate ?? null,
        daysPerWeek: input.daysPerWeek,
      }));
      // The opening allocation starts the history, so every scale up or down has a baseline to compare with.
      await tx.getRepository(AllocationChange).insert({
        organizationId: actor.organizationId, engagementId: saved.id, effectiveDate: input.startDate,
        daysPerWeek: input.daysPerWeek, previousDaysPerWeek: null, reason: 'Initial allocation', changedBy: actor.userId,
      });
      await this.audit.record(tx, actor, 'engagement.created', 'engagement', saved.id, null, saved);
      return saved.id;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ListEngagementsQueryDto): Promise<Page<EngagementView>> {
    const { today } = await this.db.transaction((tx) => this.organizations.context(tx, actor.organizationId));
    const p = new SqlParams();
    const where = [this.access.engagementScope(actor, 'e', p)];
    if (query.status) where.push(`e.status = ${p.add(query.status)}`);
    if (query.clientId) where.push(`e.client_id = ${p.add(query.clientId)}`);
    if (query.executiveId) where.push(`e.executive_id = ${p.add(query.executiveId)}`);
    if (query.function) where.push(`e.function = ${p.add(query.function)}`);
    const filter = `${FROM_VIEW} WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const todayParam = p.add(today);
    const rows = await this.db.reader.query(
      `${selectView(todayParam)}, count(*) OVER () AS total ${filter}
        ${orderBy(SORTS[query.sort], query.order, 'e.id')} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
    const total = await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n ${filter}`, countParams);
    return { items: rows.map((r: ViewRow) => toView(r, actor)), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<EngagementView> {
    const { today } = await this.db.transaction((tx) => this.organizations.context(tx, actor.organizationId));
    const p = new SqlParams();
    const todayParam = p.add(today);
    const rows: ViewRow[] = await this.db.reader.query(`${selectView(todayParam)} ${FROM_VIEW} WHERE e.id = ${p.add(id)} AND ${this.access.engagementScope(actor, 'e', p)}`, p.values);
    if (!rows[0]) throw new NotFound('Engagement', id);
    return toView(rows[0], actor);
  }

  async update(actor: Actor, id: string, input: UpdateEngagementDto): Promise<EngagementView> {
    this.access.permit(actor, 'engagements.write', 'edit engagements');
    await this.db.transaction(async (tx) => {
      const found = await tx.getRepository(Engagement).findOne({ where: { organizationId: actor.organizationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new NotFound('Engagement', id);
      const before = { ...found };
      if (input.status !== undefined) found.status = input.status;
      if (input.startDate !== undefined) found.startDate = input.startDate;
      if (input.plannedEndDate !== undefined) found.plannedEndDate = input.plannedEndDate;
      if (found.plannedEndDate && found.plannedEndDate < found.startDate) {
        throw new InvalidInput('ENGAGEMENT.DATES_INVERTED', 'plannedEndDate must not be before startDate');
      }
      const saved = await tx.getRepository(Engagement).save(found);
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
    return this.db.transaction(async (tx) => {
      const engagement = await tx.getRepository(Engagement).findOne({ where: { organizationId: actor.organizationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!engagement) throw new NotFound('Engagement', id);
      const { today } = await this.organizations.context(tx, actor.organizationId);
      const change = await tx.getRepository(AllocationChange).save(tx.getRepository(AllocationChange).create({
        organizationId: actor.organizationId, engagementId: id, effectiveDate: input.effectiveDate, daysPerWeek: input.daysPerWeek,
        previousDaysPerWeek: engagement.daysPerWeek, reason: input.reason.trim(), changedBy: actor.userId,
      }));
      // The allocation in force is the latest change effective by today, whatever order they were recorded in.
      const [current]: Array<{ days_per_week: string }> = await tx.query(
        `SELECT days_per_week FROM allocation_changes WHERE organization_id = $1 AND engagement_id = $2 AND effective_date <= $3
          ORDER BY effective_date DESC, created_at DESC, id DESC LIMIT 1`,
        [actor.organizationId, id, today],
      );
      const inForce = current ? Number(current.days_per_week) : engagement.daysPerWeek;
      if (inForce !== engagement.daysPerWeek) {
        const before = { ...engagement };
        engagement.daysPerWeek = inForce;
        await tx.getRepository(Engagement).save(engagement);
        await this.audit.record(tx, actor, 'engagement.allocation_changed', 'engagement', id, before, { ...engagement, change });
      } else {
        await this.audit.record(tx, actor, 'engagement.allocation_change_recorded', 'engagement', id, null, change);
      }
      return toAllocationView(change);
    });
  }

  async allocationHistory(actor: Actor, id: string): Promise<AllocationChangeView[]> {
    this.access.permit(actor, 'allocation.read', 'read allocation history');
    await this.access.engagement(this.db.reader, actor, id);
    const changes = await this.db.transaction((tx) => tx.getRepository(AllocationChange).find({
      where: { organizationId: actor.organizationId, engagementId: id },
      order: { effectiveDate: 'ASC', createdAt: 'ASC' },
    }));
    return changes.map(toAllocationView);
  }
}

type ViewRow = Record<string, unknown>;

const selectView = (todayParam: string) => `SELECT e.id, e.client_id, c.name AS client_name, e.executive_id, x.name AS executive_name, e.function, e.status,
  to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
  ${allocationInForceSql(todayParam)} AS days_per_week, e.created_at`;
const FROM_VIEW = `FROM engagements e
  JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
  JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id`;

function toView(r: ViewRow, actor: Actor): EngagementView {
  const view: EngagementView = {
    id: r.id as string, clientId: r.client_id as string, clientName: r.client_name as string, executiveId: r.executive_id as string,
    executiveName: r.executive_name as string, function: r.function as EngagementView['function'], status: r.status as EngagementView['status'],
    startDate: r.start_date as string, plannedEndDate: (r.planned_end_date as string | null) ?? null, createdAt: (r.created_at as Date).toISOString(),
  };
  if (actor.role !== 'client_viewer') view.daysPerWeek = Number(r.days_per_week);
  return view;
}

function toAllocationView(a: AllocationChange): AllocationChangeView {
  return {
    id: a.id, effectiveDate: a.effectiveDate, daysPerWeek: a.daysPerWeek, previousDaysPerWeek: a.previousDaysPerWeek,
    reason: a.reason, changedBy: a.changedBy, createdAt: a.createdAt.toISOString(),
  };
}
