import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../shared/actor';
import { SqlParams } from '../shared/sql';
import { clientScope, engagementScope } from './access-scope';

export interface EngagementReachRow {
  id: string;
  client_id: string;
  executive_id: string;
}
export interface ChildReachRow {
  priority_id: string;
  engagement_id: string;
  client_id: string;
  executive_id: string;
}

/** One query per kind of row: is it in the actor's reach (their organization, and their role's scope), and where does it hang. */
@Injectable()
export class AccessRepository {
  async engagementInReach(
    tx: Queryable,
    actor: Actor,
    id: string,
    lock: boolean,
  ): Promise<EngagementReachRow | undefined> {
    const p = new SqlParams();
    const rows: EngagementReachRow[] = await tx.query(
      `SELECT e.id, e.client_id, e.executive_id FROM engagements e
        WHERE e.id = ${p.add(id)} AND ${engagementScope(actor, 'e', p)} ${lock ? 'FOR UPDATE' : ''}`,
      p.values,
    );
    return rows[0];
  }

  async priorityInReach(
    tx: Queryable,
    actor: Actor,
    id: string,
  ): Promise<Omit<ChildReachRow, 'priority_id'> | undefined> {
    const p = new SqlParams();
    const rows: Array<Omit<ChildReachRow, 'priority_id'>> = await tx.query(
      `SELECT e.id AS engagement_id, e.client_id, e.executive_id FROM priorities pr
         JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
        WHERE pr.id = ${p.add(id)} AND pr.organization_id = ${p.add(actor.organizationId)} AND ${engagementScope(actor, 'e', p)}`,
      p.values,
    );
    return rows[0];
  }

  async milestoneInReach(tx: Queryable, actor: Actor, id: string): Promise<ChildReachRow | undefined> {
    const p = new SqlParams();
    const rows: ChildReachRow[] = await tx.query(
      `SELECT m.priority_id, e.id AS engagement_id, e.client_id, e.executive_id FROM milestones m
         JOIN priorities pr ON pr.organization_id = m.organization_id AND pr.id = m.priority_id
         JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
        WHERE m.id = ${p.add(id)} AND m.organization_id = ${p.add(actor.organizationId)} AND ${engagementScope(actor, 'e', p)}`,
      p.values,
    );
    return rows[0];
  }

  async checkInInReach(tx: Queryable, actor: Actor, id: string): Promise<ChildReachRow | undefined> {
    const p = new SqlParams();
    const rows: ChildReachRow[] = await tx.query(
      `SELECT c.priority_id, e.id AS engagement_id, e.client_id, e.executive_id FROM check_ins c
         JOIN priorities pr ON pr.organization_id = c.organization_id AND pr.id = c.priority_id
         JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
        WHERE c.id = ${p.add(id)} AND c.organization_id = ${p.add(actor.organizationId)} AND ${engagementScope(actor, 'e', p)}`,
      p.values,
    );
    return rows[0];
  }

  async clientInReach(tx: Queryable, actor: Actor, id: string): Promise<boolean> {
    const p = new SqlParams();
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM clients c WHERE c.id = ${p.add(id)} AND ${clientScope(actor, 'c', p)}`,
      p.values,
    );
    return rows.length > 0;
  }
}
