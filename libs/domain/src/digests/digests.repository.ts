import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A digest claim and its email, as written (column names: the rows go to jsonb_to_recordset as they are). */
export interface DigestRow {
  id: string;
  organization_id: string;
  user_id: string;
  iso_week: string;
  timezone: string;
  kind: string;
  status: 'composed' | 'skipped';
  trigger: string;
  forced: boolean;
  subject: string | null;
  engagement_count: number;
  outbox_id: string | null;
  request_key: string;
  recipient_email: string;
  recipient_name: string;
  payload: Record<string, unknown> | null;
}

/** A user's stored digest choices; null leaves the choice to the organization. */
export interface StoredDigestPreferences {
  weekday: number | null;
  hour: number | null;
  optedOut: boolean;
  skipWhenEmpty: boolean | null;
  kind: string | null;
}

export interface DigestHistoryFilter {
  userId?: string;
  week?: string;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Digests written, and the preferences behind them: each method is one statement. */
@Injectable()
export class DigestsRepository {
  async savePreferences(
    tx: Queryable,
    organizationId: string,
    userId: string,
    prefs: StoredDigestPreferences,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO digest_preferences (user_id, organization_id, weekday, hour, opted_out, skip_when_empty, kind) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET weekday = EXCLUDED.weekday, hour = EXCLUDED.hour, opted_out = EXCLUDED.opted_out,
         skip_when_empty = EXCLUDED.skip_when_empty, kind = EXCLUDED.kind, updated_at = now()`,
      [userId, organizationId, prefs.weekday, prefs.hour, prefs.optedOut, prefs.skipWhenEmpty, prefs.kind],
    );
  }

  /** The user's own timezone for digests; null follows the organization's. */
  async setUserTimezone(tx: Queryable, organizationId: string, userId: string, timezone: string | null): Promise<void> {
    await tx.query(`UPDATE users SET timezone = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      userId,
      timezone,
    ]);
  }

  async optOut(tx: Queryable, organizationId: string, userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO digest_preferences (user_id, organization_id, opted_out) VALUES ($1, $2, true)
       ON CONFLICT (user_id) DO UPDATE SET opted_out = true, updated_at = now()`,
      [userId, organizationId],
    );
  }

  /** The one lookup without a tenant, run as the system: an unsubscribe link names only its user. */
  async organizationOfUser(tx: Queryable, userId: string): Promise<string | undefined> {
    const [row]: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM users WHERE id = $1`,
      [userId],
    );
    return row?.organization_id;
  }

  /** One page of sent history, newest first unless asked otherwise, each row with the page's total. */
  async history(
    tx: Queryable,
    organizationId: string,
    filter: DigestHistoryFilter,
  ): Promise<Array<Record<string, unknown>>> {
    const { where, params } = historyFilter(organizationId, filter);
    return tx.query(
      `SELECT d.id, d.user_id, u.email, u.name, d.iso_week, d.kind, d.status AS digest_status, o.status AS outbox_status, d.trigger, d.forced, d.subject,
              d.engagement_count, o.last_error, d.created_at, o.sent_at, count(*) OVER () AS total
         ${where}
        ORDER BY d.created_at ${filter.order === 'asc' ? 'ASC' : 'DESC'}, d.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
  }

  /** How many digests the history's filter matches (needed only for a page past the end). */
  async countHistory(tx: Queryable, organizationId: string, filter: DigestHistoryFilter): Promise<number> {
    const { where, params } = historyFilter(organizationId, filter);
    const [row]: Array<{ n: string }> = await tx.query(`SELECT count(*) AS n ${where}`, params);
    return Number(row?.n ?? 0);
  }

  /**
   * One statement, so one transaction, for all the rows (each carries its organization): each claim and its outbox
   * row exist together or not at all. ON CONFLICT without a target: either unique key (the week's claim, the
   * request's key) makes a row a no-op, and its outbox row is then not written either. Answers the ids claimed.
   */
  async claimAndWriteOutbox(tx: Queryable, rows: readonly DigestRow[]): Promise<Set<string>> {
    const claimed: Array<{ id: string }> = await tx.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
           id uuid, organization_id uuid, user_id uuid, iso_week text, timezone text, kind text, status text, trigger text, forced boolean,
           subject text, engagement_count integer, outbox_id uuid, request_key text, recipient_email text, recipient_name text, payload jsonb)),
       claim AS (
         INSERT INTO digests (id, organization_id, user_id, iso_week, timezone, kind, status, trigger, forced, subject, engagement_count, outbox_id, request_key)
         SELECT id, organization_id, user_id, iso_week, timezone, kind, status, trigger, forced, subject, engagement_count, outbox_id, request_key FROM input
         ON CONFLICT DO NOTHING
         RETURNING id),
       mail AS (
         INSERT INTO outbox (id, organization_id, alert_id, event, channel, recipient_email, recipient_name, recipient_user_id, webhook_id, payload)
         SELECT i.outbox_id, i.organization_id, NULL, 'digest.weekly', 'email', i.recipient_email, i.recipient_name, i.user_id, NULL, i.payload
           FROM claim c JOIN input i ON i.id = c.id WHERE i.outbox_id IS NOT NULL)
       SELECT id FROM claim`,
      [JSON.stringify(rows)],
    );
    return new Set(claimed.map((c) => c.id));
  }
}

function historyFilter(organizationId: string, filter: DigestHistoryFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [organizationId];
  let where = `FROM digests d JOIN users u ON u.id = d.user_id LEFT JOIN outbox o ON o.id = d.outbox_id WHERE d.organization_id = $1`;
  if (filter.userId) {
    params.push(filter.userId);
    where += ` AND d.user_id = $${params.length}`;
  }
  if (filter.week) {
    params.push(filter.week);
    where += ` AND d.iso_week = $${params.length}`;
  }
  return { where, params };
}
