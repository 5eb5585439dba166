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

  /** Serializes the monthly dispatch of one organization (two overlapping minutes must not both send). */
  async lockMonthlyDispatch(tx: Queryable, organizationId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('pulse-dispatch:' || $1))`, [organizationId]);
  }

  /**
   * Every enabled client viewer times each active engagement of the clients granted to them, not yet asked in their
   * month of `now` (their timezone, else the organization's), with their latest answer (day in the organization's
   * timezone): one query. monthlyPulseMonth decides which are asked now.
   */
  async monthlyCandidates(tx: Queryable, organizationId: string, now: Date): Promise<MonthlyPulseCandidate[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT x.*, last.at AS last_at, to_char(last.at AT TIME ZONE x.organization_timezone, 'YYYY-MM-DD') AS last_on
         FROM (SELECT u.id AS user_id, u.email, u.name, e.id AS engagement_id, c.name AS client_name, e.function,
                      COALESCE(u.timezone, o.timezone) AS timezone, o.timezone AS organization_timezone
                 FROM users u
                 JOIN organizations o ON o.id = u.organization_id
                 JOIN client_grants g ON g.organization_id = u.organization_id AND g.user_id = u.id
                 JOIN engagements e ON e.organization_id = g.organization_id AND e.client_id = g.client_id AND e.status = 'active'
                 JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
                WHERE u.organization_id = $1 AND u.role = 'client_viewer' AND u.disabled_at IS NULL) x
         LEFT JOIN LATERAL (SELECT max(p.created_at) AS at FROM client_pulses p
                             WHERE p.organization_id = $1 AND p.engagement_id = x.engagement_id AND p.user_id = x.user_id) last ON true
        WHERE NOT EXISTS (SELECT 1 FROM client_pulse_requests r
                           WHERE r.organization_id = $1 AND r.engagement_id = x.engagement_id AND r.user_id = x.user_id
                             AND r.month = to_char($2::timestamptz AT TIME ZONE x.timezone, 'YYYY-MM'))
        ORDER BY x.user_id, x.engagement_id`,
      [organizationId, now.toISOString()],
    );
    return rows.map((r) => ({
      userId: r.user_id as string,
      email: r.email as string,
      name: (r.name as string | null) ?? null,
      engagementId: r.engagement_id as string,
      clientName: r.client_name as string,
      function: r.function as string,
      timezone: r.timezone as string,
      lastAnswer:
        r.last_at && r.last_on ? { on: r.last_on as string, at: new Date(r.last_at as string).toISOString() } : null,
    }));
  }

  /**
   * One statement: the month's request rows and, for each one written, its outbox email. A request already recorded
   * for that viewer, engagement and month writes nothing (the unique key). Answers the outbox ids written.
   */
  async queueMonthly(
    tx: Queryable,
    organizationId: string,
    requests: ReadonlyArray<{
      userId: string;
      engagementId: string;
      month: string;
      outboxId: string;
      email: string;
      name: string | null;
      message: unknown;
    }>,
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::jsonb[])
           AS r(user_id, engagement_id, month, outbox_id, email, name, payload)),
       req AS (
         INSERT INTO client_pulse_requests (organization_id, engagement_id, user_id, month, outbox_id)
         SELECT $1, i.engagement_id, i.user_id, i.month, i.outbox_id FROM input i
         ON CONFLICT (organization_id, engagement_id, user_id, month) DO NOTHING
         RETURNING outbox_id)
       INSERT INTO outbox (id, organization_id, event, channel, recipient_email, recipient_name, recipient_user_id, payload)
       SELECT i.outbox_id, $1, 'pulse.requested', 'email', i.email, i.name, i.user_id, i.payload
         FROM input i JOIN req ON req.outbox_id = i.outbox_id
       RETURNING id`,
      [
        organizationId,
        requests.map((r) => r.userId),
        requests.map((r) => r.engagementId),
        requests.map((r) => r.month),
        requests.map((r) => r.outboxId),
        requests.map((r) => r.email),
        requests.map((r) => r.name),
        requests.map((r) => JSON.stringify(r.message)),
      ],
    );
    return rows.map((r) => r.id);
  }
}

/** A client viewer and an active engagement of theirs not yet asked this month (PulseRepository.monthlyCandidates). */
export interface MonthlyPulseCandidate {
  userId: string;
  email: string;
  name: string | null;
  engagementId: string;
  clientName: string;
  function: string;
  /** The viewer's timezone, else the organization's. */
  timezone: string;
  lastAnswer: { on: string; at: string } | null;
}
