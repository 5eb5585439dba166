import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';

/**
 * The portfolio's maintained read model, `engagement_rollups` (migrations/1765600000000-EngagementRollups.ts).
 * Statement-level triggers on every table a rollup reads call `refresh_engagement_rollups` once per write statement,
 * in the writer's transaction, so no write path has to. This is the same refresh for code that needs it explicitly
 * (a repair, a backfill): the given engagements recomputed set-based, whatever their number.
 */
@Injectable()
export class EngagementRollupsRepository {
  async refresh(tx: Queryable, organizationId: string, engagementIds: readonly string[]): Promise<void> {
    if (engagementIds.length === 0) return;
    await tx.query(
      `SELECT refresh_engagement_rollups(ARRAY(SELECT e.id FROM engagements e WHERE e.organization_id = $1 AND e.id = ANY($2::uuid[])))`,
      [organizationId, engagementIds],
    );
  }
}
