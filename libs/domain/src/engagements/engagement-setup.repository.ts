import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';

/** The lookups of a one-page engagement setup; the inserts are the features' own repositories. */
@Injectable()
export class EngagementSetupRepository {
  /** Which of these owners exist in the organization, and at which client. */
  async ownerClients(tx: Queryable, organizationId: string, ownerIds: string[]): Promise<Map<string, string>> {
    if (ownerIds.length === 0) return new Map();
    const rows: Array<{ id: string; client_id: string }> = await tx.query(
      `SELECT id, client_id FROM owners WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, ownerIds],
    );
    return new Map(rows.map((r) => [r.id, r.client_id]));
  }

  /** The executive's functions, or null when there is no such executive in the organization. */
  async executiveFunctions(tx: Queryable, organizationId: string, executiveId: string): Promise<string[] | null> {
    const rows: Array<{ functions: string[] }> = await tx.query(
      `SELECT functions FROM executives WHERE organization_id = $1 AND id = $2`,
      [organizationId, executiveId],
    );
    return rows[0]?.functions ?? null;
  }
}
