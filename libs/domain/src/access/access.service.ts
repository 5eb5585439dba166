import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import type { Actor } from '../shared/actor';
import { NotFound, RoleForbidden } from '../shared/errors';
import { SqlParams } from '../shared/sql';
import { Permission, roleMay } from './permissions';

export interface ScopedEngagement {
  id: string;
  clientId: string;
  executiveId: string;
}
export interface ScopedPriority extends ScopedEngagement {
  priorityId: string;
}
export interface ScopedMilestone extends ScopedPriority {
  milestoneId: string;
}

/**
 * Row-level reach of each role, as SQL. Everything is scoped to the caller's organization; executives
 * further to engagements they are placed in, client viewers to the clients granted to them. A row out of
 * reach answers NotFound exactly like a missing one.
 */
@Injectable()
export class AccessService {
  permit(actor: Actor, permission: Permission, action: string = permission): void {
    if (!roleMay(actor.role, permission)) throw new RoleForbidden(action);
  }

  /** Condition on an engagements alias (needs its organization_id, client_id, executive_id). */
  engagementScope(actor: Actor, alias: string, p: SqlParams): string {
    const org = `${alias}.organization_id = ${p.add(actor.organizationId)}`;
    switch (actor.role) {
      case 'admin':
      case 'account_manager':
        return org;
      case 'executive':
        return `${org} AND ${alias}.executive_id = ANY(${p.add(actor.executiveIds)}::uuid[])`;
      case 'client_viewer':
        return `${org} AND ${alias}.client_id = ANY(${p.add(actor.clientIds)}::uuid[])`;
    }
  }

  /** Condition on a clients alias: executives see the clients they are placed at. */
  clientScope(actor: Actor, alias: string, p: SqlParams): string {
    const org = `${alias}.organization_id = ${p.add(actor.organizationId)}`;
    switch (actor.role) {
      case 'admin':
      case 'account_manager':
        return org;
      case 'executive':
        return `${org} AND EXISTS (SELECT 1 FROM engagements se WHERE se.organization_id = ${alias}.organization_id AND se.client_id = ${alias}.id AND se.executive_id = ANY(${p.add(actor.executiveIds)}::uuid[]))`;
      case 'client_viewer':
        return `${org} AND ${alias}.id = ANY(${p.add(actor.clientIds)}::uuid[])`;
    }
  }

  async engagement(tx: Queryable, actor: Actor, id: string, lock = false): Promise<ScopedEngagement> {
    const p = new SqlParams();
    const rows: Array<{ id: string; client_id: string; executive_id: string }> = await tx.query(
      `SELECT e.id, e.client_id, e.executive_id FROM engagements e
        WHERE e.id = ${p.add(id)} AND ${this.engagementScope(actor, 'e', p)} ${lock ? 'FOR UPDATE' : ''}`,
      p.values,
    );
    if (!rows[0]) throw new NotFound('Engagement', id);
    return { id: rows[0].id, clientId: rows[0].client_id, executiveId: rows[0].executive_id };
  }

  async priority(tx: Queryable, actor: Actor, id: string): Promise<ScopedPriority> {
    const p = new SqlParams();
    const rows: Array<{ engagement_id: string; client_id: string; executive_id: string }> = await tx.query(
      `SELECT e.id AS engagement_id, e.client_id, e.executive_id FROM priorities pr
         JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
        WHERE pr.id = ${p.add(id)} AND pr.organization_id = ${p.add(actor.organizationId)} AND ${this.engagementScope(actor, 'e', p)}`,
      p.values,
    );
    if (!rows[0]) throw new NotFound('Priority', id);
    return { id: rows[0].engagement_id, clientId: rows[0].client_id, executiveId: rows[0].executive_id, priorityId: id };
  }

  async milestone(tx: Queryable, actor: Actor, id: string): Promise<ScopedMilestone> {
    const p = new SqlParams();
    const rows: Array<{ priority_id: string; engagement_id: string; client_id: string; executive_id: string }> = await tx.query(
      `SELECT m.priority_id, e.id AS engagement_id, e.client_id, e.executive_id FROM milestones m
         JOIN priorities pr ON pr.organization_id = m.organization_id AND pr.id = m.priority_id
         JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
        WHERE m.id = ${p.add(id)} AND m.organization_id = ${p.add(actor.organizationId)} AND ${this.engagementScope(actor, 'e', p)}`,
      p.values,
    );
    if (!rows[0]) throw new NotFound('Milestone', id);
    const r = rows[0];
    return { id: r.engagement_id, clientId: r.client_id, executiveId: r.executive_id, priorityId: r.priority_id, milestoneId: id };
  }

  async checkIn(tx: Queryable, actor: Actor, id: string): Promise<ScopedPriority> {
    const p = new SqlParams();
    const rows: Array<{ priority_id: string; engagement_id: string; client_id: string; executive_id: string }> = await tx.query(
      `SELECT c.priority_id, e.id AS engagement_id, e.client_id, e.executive_id FROM check_ins c
         JOIN priorities pr ON pr.organization_id = c.organization_id AND pr.id = c.priority_id
         JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
        WHERE c.id = ${p.add(id)} AND c.organization_id = ${p.add(actor.organizationId)} AND ${this.engagementScope(actor, 'e', p)}`,
      p.values,
    );
    if (!rows[0]) throw new NotFound('Check-in', id);
    const r = rows[0];
    return { id: r.engagement_id, clientId: r.client_id, executiveId: r.executive_id, priorityId: r.priority_id };
  }

  async client(tx: Queryable, actor: Actor, id: string): Promise<void> {
    const p = new SqlParams();
    const rows: unknown[] = await tx.query(`SELECT 1 FROM clients c WHERE c.id = ${p.add(id)} AND ${this.clientScope(actor, 'c', p)}`, p.values);
    if (!rows[0]) throw new NotFound('Client', id);
  }
}
