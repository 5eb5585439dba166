import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../shared/actor';

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
}

function toJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  if (plain && typeof plain === 'object') delete plain.passwordHash;
  return JSON.stringify(plain);
}
