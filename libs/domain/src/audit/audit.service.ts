import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../shared/actor';
import type { SqlParams } from '../shared/sql';

/** Every write records who did what, inside the same transaction as the write itself. */
@Injectable()
export class AuditService {
  async record(
    tx: EntityManager,
    actor: Pick<Actor, 'organizationId' | 'userId'> | { organizationId: string; userId: null },
    action: string,
    entityType: string,
    entityId: string | null,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.organizationId, actor.userId, action, entityType, entityId, toJson(before), toJson(after)],
    );
  }

  /**
   * The same audit row as `record`, as a data-modifying CTE for a write that is one statement: `entityId` and
   * `after` are SQL expressions over the CTE `from` (its rows are the written entities; none, no audit row).
   */
  recordCte(
    p: SqlParams,
    actor: Pick<Actor, 'organizationId' | 'userId'>,
    action: string,
    entityType: string,
    from: string,
    entityId: string,
    after: string,
  ): string {
    return `INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, before, after)
            SELECT ${p.add(actor.organizationId)}::uuid, ${p.add(actor.userId)}::uuid, ${p.add(action)}, ${p.add(entityType)}, ${entityId}, NULL, ${after} FROM ${from}`;
  }
}

/** A timestamptz expression as JSON.stringify writes a Date (the form `record` stores): 2026-01-02T03:04:05.678Z. */
export function jsonInstantSql(expression: string): string {
  return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

function toJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  if (plain && typeof plain === 'object') delete plain.passwordHash;
  return JSON.stringify(plain);
}
