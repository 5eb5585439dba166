import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import type { Actor } from '../shared/actor';
import { NotFound, RoleForbidden } from '../shared/errors';
import type { SqlParams } from '../shared/sql';
import { clientScope, engagementScope } from './access-scope';
import { AccessRepository } from './access.repository';
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
 * Row-level reach of each role (the conditions are in access-scope.ts). Everything is scoped to the caller's
 * organization; executives further to engagements they are placed in, client viewers to the clients granted to
 * them. A row out of reach answers NotFound exactly like a missing one.
 */
@Injectable()
export class AccessService {
  constructor(private readonly reach: AccessRepository) {}

  permit(actor: Actor, permission: Permission, action: string = permission): void {
    if (!roleMay(actor.role, permission)) throw new RoleForbidden(action);
  }

  /** Condition on an engagements alias (needs its organization_id, client_id, executive_id). */
  engagementScope(actor: Actor, alias: string, p: SqlParams): string {
    return engagementScope(actor, alias, p);
  }

  /** Condition on a clients alias: executives see the clients they are placed at. */
  clientScope(actor: Actor, alias: string, p: SqlParams): string {
    return clientScope(actor, alias, p);
  }

  async engagement(tx: Queryable, actor: Actor, id: string, lock = false): Promise<ScopedEngagement> {
    const row = await this.reach.engagementInReach(tx, actor, id, lock);
    if (!row) throw new NotFound('Engagement', id);
    return { id: row.id, clientId: row.client_id, executiveId: row.executive_id };
  }

  async priority(tx: Queryable, actor: Actor, id: string): Promise<ScopedPriority> {
    const row = await this.reach.priorityInReach(tx, actor, id);
    if (!row) throw new NotFound('Priority', id);
    return { id: row.engagement_id, clientId: row.client_id, executiveId: row.executive_id, priorityId: id };
  }

  async milestone(tx: Queryable, actor: Actor, id: string): Promise<ScopedMilestone> {
    const r = await this.reach.milestoneInReach(tx, actor, id);
    if (!r) throw new NotFound('Milestone', id);
    return {
      id: r.engagement_id,
      clientId: r.client_id,
      executiveId: r.executive_id,
      priorityId: r.priority_id,
      milestoneId: id,
    };
  }

  async checkIn(tx: Queryable, actor: Actor, id: string): Promise<ScopedPriority> {
    const r = await this.reach.checkInInReach(tx, actor, id);
    if (!r) throw new NotFound('Check-in', id);
    return { id: r.engagement_id, clientId: r.client_id, executiveId: r.executive_id, priorityId: r.priority_id };
  }

  async client(tx: Queryable, actor: Actor, id: string): Promise<void> {
    if (!(await this.reach.clientInReach(tx, actor, id))) throw new NotFound('Client', id);
  }
}
