import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../shared/sql';
import { Priority } from './priority.entity';

export type NewPriority = Pick<
  Priority,
  'engagementId' | 'title' | 'description' | 'ownerId' | 'status' | 'rank' | 'startDate' | 'targetDate'
>;

const SELECT_VIEW = `SELECT p.id, p.engagement_id, p.title, p.description, p.rank, p.status, to_char(p.start_date, 'YYYY-MM-DD') AS start_date,
  to_char(p.target_date, 'YYYY-MM-DD') AS target_date, p.created_at, o.id AS owner_id, o.name AS owner_name, o.title AS owner_title, o.email AS owner_email
  FROM priorities p JOIN owners o ON o.organization_id = p.organization_id AND o.id = p.owner_id`;

@Injectable()
export class PrioritiesRepository {
  async insert(tx: EntityManager, organizationId: string, fields: NewPriority): Promise<Priority> {
    const priorities = tx.getRepository(Priority);
    return priorities.save(priorities.create({ organizationId, ...fields }));
  }

  /** Callers lock the engagement first: that serialises the writes to its priorities. */
  async get(tx: EntityManager, organizationId: string, id: string): Promise<Priority | null> {
    return tx.getRepository(Priority).findOne({ where: { organizationId, id } });
  }

  /** Writes back a priority read with get (its organization is its own). */
  async save(tx: EntityManager, priority: Priority): Promise<void> {
    await tx.getRepository(Priority).save(priority);
  }

  /** The engagement's priorities, active ones first in rank order. */
  async viewsForEngagement(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
  ): Promise<Array<Record<string, unknown>>> {
    return tx.query(
      `${SELECT_VIEW} WHERE p.organization_id = $1 AND p.engagement_id = $2
        ORDER BY (p.status = 'active') DESC, p.rank, p.created_at`,
      [organizationId, engagementId],
    );
  }

  async view(tx: Queryable, organizationId: string, id: string): Promise<Record<string, unknown> | undefined> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `${SELECT_VIEW} WHERE p.organization_id = $1 AND p.id = $2`,
      [organizationId, id],
    );
    return rows[0];
  }

  /** The engagement's active priorities in rank order. */
  async activeIds(tx: Queryable, organizationId: string, engagementId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM priorities WHERE organization_id = $1 AND engagement_id = $2 AND status = 'active' ORDER BY rank, created_at`,
      [organizationId, engagementId],
    );
    return rows.map((r) => r.id);
  }

  /** One statement for the whole ordering (not empty); the rank constraint is deferred to commit, so swaps are fine. */
  async applyRanks(tx: Queryable, organizationId: string, ranks: ReadonlyMap<string, number>): Promise<void> {
    const p = new SqlParams();
    const values = [...ranks].map(([id, rank]) => `(${p.add(id)}::uuid, ${p.add(rank)}::int)`).join(', ');
    await tx.query(
      `UPDATE priorities p SET rank = v.rank, updated_at = now() FROM (VALUES ${values}) AS v(id, rank)
        WHERE p.organization_id = ${p.add(organizationId)} AND p.id = v.id AND p.rank <> v.rank`,
      p.values,
    );
  }

  async ownerIsAtClient(tx: Queryable, organizationId: string, ownerId: string, clientId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM owners WHERE organization_id = $1 AND id = $2 AND client_id = $3`,
      [organizationId, ownerId, clientId],
    );
    return rows.length > 0;
  }
}
