import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { PulseReason } from './pulse.entity';

const HISTORY = 24;

@Injectable()
export class PulseRepository {
  async insert(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
    userId: string,
    input: { score: number; comment: string | null; reason: PulseReason },
  ): Promise<Record<string, unknown>> {
    const [row]: Array<Record<string, unknown>> = await tx.query(
      `WITH p AS (INSERT INTO client_pulses (organization_id, engagement_id, user_id, score, comment, reason)
                  VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
       SELECT p.*, u.name AS respondent_name FROM p LEFT JOIN users u ON u.id = p.user_id`,
      [organizationId, engagementId, userId, input.score, input.comment, input.reason],
    );
    return row;
  }

  async history(tx: Queryable, organizationId: string, engagementId: string): Promise<Array<Record<string, unknown>>> {
    return tx.query(
      `SELECT p.*, u.name AS respondent_name FROM client_pulses p LEFT JOIN users u ON u.id = p.user_id
        WHERE p.organization_id = $1 AND p.engagement_id = $2 ORDER BY p.created_at DESC, p.id LIMIT ${HISTORY}`,
      [organizationId, engagementId],
    );
  }

  /** What pulseDue needs for one reader: their latest answer (day and instant) and when priorities were achieved. */
  async dueFacts(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
    userId: string,
    timezone: string,
  ): Promise<{ lastAnswer: { on: string; at: string } | null; achievedAt: string[] }> {
    const [row]: Array<{ last_at: Date | null; last_on: string | null; achieved_at: string[] | null }> = await tx.query(
      `SELECT last.at AS last_at, to_char(last.at AT TIME ZONE $4, 'YYYY-MM-DD') AS last_on,
                (SELECT array_agg(to_char(pr.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) FROM priorities pr
                  WHERE pr.organization_id = $1 AND pr.engagement_id = $2 AND pr.status = 'achieved') AS achieved_at
           FROM (SELECT max(p.created_at) AS at FROM client_pulses p
                  WHERE p.organization_id = $1 AND p.engagement_id = $2 AND p.user_id = $3) last`,
      [organizationId, engagementId, userId, timezone],
    );
    return {
      lastAnswer: row?.last_at && row.last_on ? { on: row.last_on, at: new Date(row.last_at).toISOString() } : null,
      achievedAt: row?.achieved_at ?? [],
    };
  }

  /** The client viewers who may see an engagement (granted its client, not disabled), with the engagement's names. */
  async recipients(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
  ): Promise<Array<{ user_id: string; email: string; name: string | null; client_name: string; function: string }>> {
    return tx.query(
      `SELECT u.id AS user_id, u.email, u.name, c.name AS client_name, e.function
         FROM engagements e JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         JOIN client_grants g ON g.organization_id = e.organization_id AND g.client_id = e.client_id
         JOIN users u ON u.organization_id = g.organization_id AND u.id = g.user_id
        WHERE e.organization_id = $1 AND e.id = $2 AND u.role = 'client_viewer' AND u.disabled_at IS NULL
        ORDER BY u.email`,
      [organizationId, engagementId],
    );
  }

  async queueEmail(
    tx: Queryable,
    organizationId: string,
    recipient: { userId: string; email: string; name: string | null },
    message: unknown,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, recipient_user_id, payload)
       VALUES ($1, 'pulse.requested', 'email', $2, $3, $4, $5::jsonb) RETURNING id`,
      [organizationId, recipient.email, recipient.name, recipient.userId, JSON.stringify(message)],
    );
    return row.id;
  }
}
