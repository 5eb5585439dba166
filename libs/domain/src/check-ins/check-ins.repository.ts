import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { engagementScope } from '../access/access-scope';
import { AuditService, jsonInstantSql } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { SqlParams } from '../shared/sql';
import { CheckIn, type CheckInBlocker } from './check-in.entity';

export interface NewCheckIn {
  rag: CheckIn['rag'];
  confidence: number;
  note: string;
  blockers: string | null;
  blockersNeedClientAction: boolean;
  blockerItems: CheckInBlocker[];
}

const SELECT_COLUMNS = `SELECT c.id, c.priority_id, c.rag, c.confidence, c.note, c.blockers, c.blockers_need_client_action, c.blocker_items, c.author_id, u.name AS author_name,
  c.acknowledged_by, c.acknowledged_at, c.created_at`;
const FROM_VIEW = `FROM check_ins c LEFT JOIN users u ON u.id = c.author_id`;

@Injectable()
export class CheckInsRepository {
  constructor(private readonly audit: AuditService) {}

  /**
   * One statement: the priority in the caller's reach, the insert, its audit row and the view read back. The
   * scoped insert writes nothing when the priority is out of reach, and then no row is answered.
   */
  async createInReach(
    tx: Queryable,
    actor: Actor,
    priorityId: string,
    input: NewCheckIn,
  ): Promise<Record<string, unknown> | undefined> {
    return this.insert(tx, actor, priorityId, input, true, null);
  }

  /**
   * The same insert for a check-in link's person: the link (checked by the caller) is their reach, so no scope
   * beyond the organization. `actor` is the person the link was made for.
   */
  async createByLink(
    tx: Queryable,
    actor: Actor,
    priorityId: string,
    input: NewCheckIn,
    at: Date,
  ): Promise<Record<string, unknown> | undefined> {
    return this.insert(tx, actor, priorityId, input, false, at);
  }

  private async insert(
    tx: Queryable,
    actor: Actor,
    priorityId: string,
    input: NewCheckIn,
    scoped: boolean,
    at: Date | null,
  ): Promise<Record<string, unknown> | undefined> {
    const p = new SqlParams();
    const org = p.add(actor.organizationId);
    const target = `SELECT pr.id FROM priorities pr JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
                     WHERE pr.id = ${p.add(priorityId)} AND pr.organization_id = ${org}${scoped ? ` AND ${engagementScope(actor, 'e', p)}` : ''}`;
    const created = `INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, blockers, blockers_need_client_action, blocker_items, created_at)
                     SELECT ${org}::uuid, target.id, ${p.add(actor.userId)}::uuid, ${p.add(input.rag)}, ${p.add(input.confidence)}::smallint,
                            ${p.add(input.note)}, ${p.add(input.blockers)}::text, ${p.add(input.blockersNeedClientAction)}::boolean, ${p.add(JSON.stringify(input.blockerItems))}::jsonb,
                            COALESCE(${p.add(at?.toISOString() ?? null)}::timestamptz, now()) FROM target RETURNING *`;
    const after = `jsonb_build_object('organizationId', c.organization_id, 'priorityId', c.priority_id, 'authorId', c.author_id, 'rag', c.rag,
                     'confidence', c.confidence, 'note', c.note, 'blockers', c.blockers,
                     'blockersNeedClientAction', c.blockers_need_client_action, 'blockerItems', c.blocker_items, 'acknowledgedBy', c.acknowledged_by,
                     'acknowledgedAt', c.acknowledged_at, 'id', c.id, 'createdAt', ${jsonInstantSql('c.created_at')})`;
    const audit = this.audit.recordCte(p, actor, 'check_in.created', 'check_in', 'created c', 'c.id', after);
    const rows: Array<Record<string, unknown>> = await tx.query(
      `WITH target AS (${target}), created AS (${created}), audit AS (${audit})
       SELECT c.id, c.priority_id, c.rag, c.confidence, c.note, c.blockers, c.blockers_need_client_action, c.blocker_items, c.author_id, u.name AS author_name, c.acknowledged_by, c.acknowledged_at, c.created_at
         FROM created c LEFT JOIN users u ON u.id = c.author_id`,
      p.values,
    );
    return rows[0];
  }

  /** One page of a priority's check-ins, each row with the page's total. */
  async pageForPriority(
    tx: Queryable,
    organizationId: string,
    priorityId: string,
    page: { order: 'asc' | 'desc'; limit: number; offset: number },
  ): Promise<Array<Record<string, unknown>>> {
    return tx.query(
      `${SELECT_COLUMNS}, count(*) OVER () AS total ${FROM_VIEW} WHERE c.organization_id = $1 AND c.priority_id = $2
        ORDER BY c.created_at ${page.order === 'asc' ? 'ASC' : 'DESC'}, c.id LIMIT $3 OFFSET $4`,
      [organizationId, priorityId, page.limit, page.offset],
    );
  }

  async countForPriority(tx: Queryable, organizationId: string, priorityId: string): Promise<number> {
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n FROM check_ins c WHERE c.organization_id = $1 AND c.priority_id = $2`,
      [organizationId, priorityId],
    );
    return Number(row?.n ?? 0);
  }

  async view(tx: Queryable, organizationId: string, id: string): Promise<Record<string, unknown> | undefined> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `${SELECT_COLUMNS} ${FROM_VIEW} WHERE c.organization_id = $1 AND c.id = $2`,
      [organizationId, id],
    );
    return rows[0];
  }

  async getForUpdate(tx: EntityManager, organizationId: string, id: string): Promise<CheckIn | null> {
    return tx.getRepository(CheckIn).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes back a check-in read with getForUpdate (its organization is its own). */
  async save(tx: EntityManager, checkIn: CheckIn): Promise<void> {
    await tx.getRepository(CheckIn).save(checkIn);
  }
}
