import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { engagementScope } from '../access/access-scope';
import type { Actor } from '../shared/actor';
import { orderBy } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { allocationInForceSql } from './allocation-in-force';
import { AllocationChange, Engagement } from './engagement.entity';
import type { ListEngagementsQueryDto } from './engagement.dto';

export type NewEngagement = Pick<
  Engagement,
  | 'clientId'
  | 'executiveId'
  | 'function'
  | 'status'
  | 'startDate'
  | 'plannedEndDate'
  | 'daysPerWeek'
  | 'termEndDate'
  | 'renewalDate'
  | 'noticePeriodDays'
  | 'autoRenew'
  | 'checkInCadence'
>;
export type NewAllocationChange = Pick<
  AllocationChange,
  'engagementId' | 'effectiveDate' | 'daysPerWeek' | 'previousDaysPerWeek' | 'reason' | 'changedBy'
>;

const SORTS: Record<ListEngagementsQueryDto['sort'], string> = {
  startDate: 'e.start_date',
  client: 'lower(c.name)',
  status: 'e.status',
  createdAt: 'e.created_at',
};

const selectView = (
  todayParam: string,
) => `SELECT e.id, e.client_id, c.name AS client_name, e.executive_id, x.name AS executive_name, e.function, e.status,
  to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
  ${allocationInForceSql(todayParam)} AS days_per_week, ${TERM_COLUMNS_SQL}, e.created_at`;

/** The term columns of engagements alias `e`, as the views read them (dates as YYYY-MM-DD). */
export const TERM_COLUMNS_SQL = `to_char(e.term_end_date, 'YYYY-MM-DD') AS term_end_date,
  to_char(e.renewal_date, 'YYYY-MM-DD') AS renewal_date, e.notice_period_days, e.auto_renew, e.check_in_cadence,
  to_char(e.term_end_date - e.notice_period_days, 'YYYY-MM-DD') AS notice_deadline`;
const FROM_VIEW = `FROM engagements e
  JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
  JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id`;

@Injectable()
export class EngagementsRepository {
  /** Whether the client is the organization's, and the functions the executive offers (null: not the organization's executive). */
  async references(
    tx: Queryable,
    organizationId: string,
    clientId: string,
    executiveId: string,
  ): Promise<{ client: boolean; functions: string[] | null } | undefined> {
    const refs: Array<{ client: boolean; functions: string[] | null }> = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM clients WHERE organization_id = $1 AND id = $2) AS client,
              (SELECT functions FROM executives WHERE organization_id = $1 AND id = $3) AS functions`,
      [organizationId, clientId, executiveId],
    );
    return refs[0];
  }

  async insert(tx: EntityManager, organizationId: string, fields: NewEngagement): Promise<Engagement> {
    const engagements = tx.getRepository(Engagement);
    return engagements.save(engagements.create({ organizationId, ...fields }));
  }

  async getForUpdate(tx: EntityManager, organizationId: string, id: string): Promise<Engagement | null> {
    return tx.getRepository(Engagement).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes back an engagement read with getForUpdate (its organization is its own). */
  async save(tx: EntityManager, engagement: Engagement): Promise<Engagement> {
    return tx.getRepository(Engagement).save(engagement);
  }

  /** The opening allocation: one insert, nothing read back. */
  async insertOpeningAllocation(tx: EntityManager, organizationId: string, fields: NewAllocationChange): Promise<void> {
    await tx.getRepository(AllocationChange).insert({ organizationId, ...fields });
  }

  /** A scale up or down, read back as stored (id, created_at). */
  async addAllocationChange(
    tx: EntityManager,
    organizationId: string,
    fields: NewAllocationChange,
  ): Promise<AllocationChange> {
    const changes = tx.getRepository(AllocationChange);
    return changes.save(changes.create({ organizationId, ...fields }));
  }

  /** The latest change effective by `today`, whatever order they were recorded in; undefined when none is. */
  async allocationInForce(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
    today: string,
  ): Promise<number | undefined> {
    const [current]: Array<{ days_per_week: string }> = await tx.query(
      `SELECT days_per_week FROM allocation_changes WHERE organization_id = $1 AND engagement_id = $2 AND effective_date <= $3
        ORDER BY effective_date DESC, created_at DESC, id DESC LIMIT 1`,
      [organizationId, engagementId, today],
    );
    return current ? Number(current.days_per_week) : undefined;
  }

  /** The engagement's open milestones of active priorities, for an allocation what-if. */
  async openMilestones(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
  ): Promise<Array<{ id: string; priorityId: string; title: string; dueDate: string }>> {
    return tx.query(
      `SELECT m.id, m.priority_id AS "priorityId", m.title, to_char(m.due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM milestones m JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id AND p.status = 'active'
        WHERE m.organization_id = $1 AND p.engagement_id = $2 AND m.status IN ('planned','in_progress')`,
      [organizationId, engagementId],
    );
  }

  /** The allocation history in the order it applies: effective date, then the order recorded. */
  async allocationSteps(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
  ): Promise<Array<{ effectiveDate: string; daysPerWeek: number }>> {
    const rows: Array<{ effective_date: string; days_per_week: string }> = await tx.query(
      `SELECT to_char(effective_date, 'YYYY-MM-DD') AS effective_date, days_per_week FROM allocation_changes
        WHERE organization_id = $1 AND engagement_id = $2 ORDER BY effective_date, created_at, id`,
      [organizationId, engagementId],
    );
    return rows.map((r) => ({ effectiveDate: r.effective_date, daysPerWeek: Number(r.days_per_week) }));
  }

  /** One page of the engagements in the caller's reach, with the allocation in force on `today`, each row with the page's total. */
  async listVisible(
    tx: Queryable,
    actor: Actor,
    query: ListEngagementsQueryDto,
    today: string,
  ): Promise<Array<Record<string, unknown>>> {
    const p = new SqlParams();
    const todayParam = p.add(today);
    const filter = engagementFilter(actor, query, p, todayParam);
    return tx.query(
      `${selectView(todayParam)}, count(*) OVER () AS total ${filter}
        ${orderBy(SORTS[query.sort], query.order, 'e.id')} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
  }

  /** How many engagements the list's filter matches (needed only for a page past the end). */
  async countVisible(tx: Queryable, actor: Actor, query: ListEngagementsQueryDto, today: string): Promise<number> {
    const p = new SqlParams();
    const todayParam = p.add(today);
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n ${engagementFilter(actor, query, p, todayParam)}`,
      p.values,
    );
    return Number(row?.n ?? 0);
  }

  async viewInReach(
    tx: Queryable,
    actor: Actor,
    id: string,
    today: string,
  ): Promise<Record<string, unknown> | undefined> {
    const p = new SqlParams();
    const todayParam = p.add(today);
    const rows: Array<Record<string, unknown>> = await tx.query(
      `${selectView(todayParam)} ${FROM_VIEW} WHERE e.id = ${p.add(id)} AND ${engagementScope(actor, 'e', p)}`,
      p.values,
    );
    return rows[0];
  }
}

function engagementFilter(actor: Actor, query: ListEngagementsQueryDto, p: SqlParams, todayParam: string): string {
  const where = [engagementScope(actor, 'e', p)];
  if (query.status) where.push(`e.status = ${p.add(query.status)}`);
  if (query.clientId) where.push(`e.client_id = ${p.add(query.clientId)}`);
  if (query.executiveId) where.push(`e.executive_id = ${p.add(query.executiveId)}`);
  if (query.function) where.push(`e.function = ${p.add(query.function)}`);
  if (query.renewingWithinDays !== undefined)
    where.push(renewingWithinSql('e', todayParam, p.add(query.renewingWithinDays)));
  return `${FROM_VIEW} WHERE ${where.join(' AND ')}`;
}

/** Engagements alias `a` (not yet ended) whose renewal date falls between today and today + `daysParam` days. */
export function renewingWithinSql(a: string, todayParam: string, daysParam: string): string {
  return `${a}.renewal_date BETWEEN ${todayParam}::date AND ${todayParam}::date + ${daysParam}::int
    AND ${a}.status NOT IN ('ended','completed','cancelled')`;
}
