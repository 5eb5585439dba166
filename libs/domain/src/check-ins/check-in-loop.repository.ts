import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import { engagementScope } from '../access/access-scope';
import type { Actor } from '../shared/actor';
import { SqlParams } from '../shared/sql';
import { REMINDER_CATCH_UP_MS, REMINDER_HOUR, type CheckInPeriod } from './check-in-schedule';

/** One reminder to send: a due check-in of one priority for one person, at their 09:00. */
export interface ReminderRow {
  due_id: string;
  user_id: string;
  email: string;
  name: string;
  priority_id: string;
  priority_title: string;
  client_name: string;
  due_on: string;
}

export interface CheckInLinkRow {
  id: string;
  organization_id: string;
  due_id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  still_applies: boolean;
  priority_id: string;
  priority_title: string;
  client_name: string;
  engagement_id: string;
  due_on: string;
  iso_week: string;
  user_name: string;
  user_role: string;
}

export interface DisciplineRow {
  person_kind: 'executive' | 'owner';
  person_id: string;
  person_name: string;
  on_time: number;
  late: number;
  missed: number;
}

/** Who is expected to check in on a due: the engagement's executive, and the priority owner when allowed. */
const EXPECTED = `
  SELECT d.id AS due_id, x.user_id FROM open_dues d
    JOIN engagements e ON e.organization_id = d.organization_id AND e.id = d.engagement_id
    JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
   WHERE x.user_id IS NOT NULL
  UNION
  SELECT d.id, ow.user_id FROM open_dues d
    JOIN priorities p ON p.organization_id = d.organization_id AND p.id = d.priority_id
    JOIN owners ow ON ow.organization_id = p.organization_id AND ow.id = p.owner_id
   WHERE $4::boolean AND ow.user_id IS NOT NULL`;

/** The check-in loop's SQL: each method one statement, each taking the organization. */
@Injectable()
export class CheckInLoopRepository {
  /** Serializes dispatches of one organization (two overlapping minutes must not both send). */
  async lockDispatch(tx: Queryable, organizationId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('check-in-dispatch:' || $1))`, [organizationId]);
  }

  /** The period's due check-in for every active priority of an active weekly engagement (idempotent). */
  async ensureDues(tx: Queryable, organizationId: string, period: CheckInPeriod): Promise<number> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO check_in_dues (organization_id, priority_id, engagement_id, iso_week, week_start, due_on)
       SELECT p.organization_id, p.id, p.engagement_id, $2, $3::date, $4::date
         FROM priorities p
         JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id
        WHERE p.organization_id = $1 AND p.status = 'active' AND p.start_date <= $4::date
          AND e.status = 'active' AND e.check_in_cadence = 'weekly'
       ON CONFLICT (organization_id, priority_id, iso_week) DO NOTHING RETURNING id`,
      [organizationId, period.isoWeek, period.weekStart, period.dueOn],
    );
    return rows.length;
  }

  /**
   * The reminders due at `now`, one query: the period's dues with no check-in since the week began, times the people
   * expected to check in (enabled users), whose 09:00 on the due date in their timezone (theirs, else the
   * organization's) has come within the last day, and who have no link for that due yet. Same rule as
   * reminderStatus() in check-in-schedule.ts.
   */
  async dueReminders(
    tx: Queryable,
    organizationId: string,
    isoWeek: string,
    now: Date,
    ownersMayCheckIn: boolean,
  ): Promise<ReminderRow[]> {
    return tx.query(
      `WITH open_dues AS (
         SELECT d.* FROM check_in_dues d JOIN organizations o ON o.id = d.organization_id
          WHERE d.organization_id = $1 AND d.iso_week = $2
            AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.organization_id = d.organization_id AND c.priority_id = d.priority_id
                               AND c.created_at >= (d.week_start::timestamp AT TIME ZONE o.timezone))),
       expected AS (${EXPECTED}),
       slots AS (
         SELECT x.due_id, u.id AS user_id, u.email, u.name,
                ((d.due_on + make_interval(hours => $5)) AT TIME ZONE COALESCE(u.timezone, o.timezone)) AS slot_at
           FROM expected x
           JOIN check_in_dues d ON d.organization_id = $1 AND d.id = x.due_id
           JOIN users u ON u.organization_id = $1 AND u.id = x.user_id AND u.disabled_at IS NULL
           JOIN organizations o ON o.id = u.organization_id)
       SELECT s.due_id, s.user_id, s.email, s.name, d.priority_id, p.title AS priority_title, c.name AS client_name,
              to_char(d.due_on, 'YYYY-MM-DD') AS due_on
         FROM slots s
         JOIN check_in_dues d ON d.organization_id = $1 AND d.id = s.due_id
         JOIN priorities p ON p.organization_id = $1 AND p.id = d.priority_id
         JOIN engagements e ON e.organization_id = $1 AND e.id = d.engagement_id
         JOIN clients c ON c.organization_id = $1 AND c.id = e.client_id
        WHERE $3::timestamptz >= s.slot_at AND $3::timestamptz < s.slot_at + make_interval(secs => $6)
          AND NOT EXISTS (SELECT 1 FROM check_in_links l WHERE l.organization_id = $1 AND l.due_id = s.due_id AND l.user_id = s.user_id)
        ORDER BY s.user_id, p.rank, p.id`,
      [organizationId, isoWeek, now.toISOString(), ownersMayCheckIn, REMINDER_HOUR, REMINDER_CATCH_UP_MS / 1000],
    );
  }

  /** One outbox email per recipient, in one statement; answers the outbox ids by user. */
  async queueReminderEmails(
    tx: Queryable,
    organizationId: string,
    emails: ReadonlyArray<{ userId: string; email: string; name: string; message: unknown }>,
  ): Promise<Map<string, string>> {
    const rows: Array<{ id: string; recipient_user_id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, recipient_user_id, payload)
       SELECT $1, 'check_in.reminder', 'email', r.email, r.name, r.user_id, r.payload
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[]) AS r(user_id, email, name, payload)
       RETURNING id, recipient_user_id`,
      [
        organizationId,
        emails.map((e) => e.userId),
        emails.map((e) => e.email),
        emails.map((e) => e.name),
        emails.map((e) => JSON.stringify(e.message)),
      ],
    );
    return new Map(rows.map((r) => [r.recipient_user_id, r.id]));
  }

  async insertLinks(
    tx: Queryable,
    organizationId: string,
    links: ReadonlyArray<{ dueId: string; userId: string; tokenHash: string; expiresAt: Date; outboxId: string }>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO check_in_links (organization_id, due_id, user_id, token_hash, expires_at, outbox_id)
       SELECT $1, l.due_id, l.user_id, l.token_hash, l.expires_at, l.outbox_id
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::uuid[]) AS l(due_id, user_id, token_hash, expires_at, outbox_id)`,
      [
        organizationId,
        links.map((l) => l.dueId),
        links.map((l) => l.userId),
        links.map((l) => l.tokenHash),
        links.map((l) => l.expiresAt.toISOString()),
        links.map((l) => l.outboxId),
      ],
    );
  }

  async organizationOfToken(tx: Queryable, tokenHash: string): Promise<string | null> {
    const rows: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM check_in_links WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0]?.organization_id ?? null;
  }

  /**
   * The link with what its page shows, locked when `forUpdate`. It still applies while the priority and its engagement
   * are active and the person is enabled and still the engagement's executive or (when owners may check in) the owner.
   */
  async link(
    tx: Queryable,
    organizationId: string,
    tokenHash: string,
    ownersMayCheckIn: boolean,
    forUpdate: boolean,
  ): Promise<CheckInLinkRow | undefined> {
    const rows: CheckInLinkRow[] = await tx.query(
      `SELECT l.id, l.organization_id, l.due_id, l.user_id, l.expires_at, l.used_at,
              (p.status = 'active' AND e.status = 'active' AND u.disabled_at IS NULL
               AND (x.user_id = u.id OR ($3::boolean AND ow.user_id = u.id))) AS still_applies,
              p.id AS priority_id, p.title AS priority_title, c.name AS client_name, e.id AS engagement_id,
              to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.iso_week, u.name AS user_name, u.role AS user_role
         FROM check_in_links l
         JOIN check_in_dues d ON d.organization_id = l.organization_id AND d.id = l.due_id
         JOIN priorities p ON p.organization_id = d.organization_id AND p.id = d.priority_id
         JOIN engagements e ON e.organization_id = d.organization_id AND e.id = d.engagement_id
         JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         JOIN users u ON u.organization_id = l.organization_id AND u.id = l.user_id
         LEFT JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
         LEFT JOIN owners ow ON ow.organization_id = p.organization_id AND ow.id = p.owner_id
        WHERE l.organization_id = $1 AND l.token_hash = $2
        ${forUpdate ? 'FOR UPDATE OF l' : ''}`,
      [organizationId, tokenHash, ownersMayCheckIn],
    );
    return rows[0];
  }

  async markUsed(tx: Queryable, organizationId: string, linkId: string, checkInId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE check_in_links SET used_at = $4, check_in_id = $3 WHERE organization_id = $1 AND id = $2 AND used_at IS NULL`,
      [organizationId, linkId, checkInId, at.toISOString()],
    );
  }

  /**
   * Discipline over the periods of the last `weeks` weeks whose due date has passed: per executive (the engagement's)
   * and per owner (the priority's), how many dues were checked in on time, late (after the due date, same week), or
   * missed (the week ended without one). A period still open is not counted. Same rule as checkInOutcome().
   */
  async discipline(tx: Queryable, actor: Actor, today: string, weeks: number): Promise<DisciplineRow[]> {
    const p = new SqlParams();
    const org = p.add(actor.organizationId);
    const day = p.add(today);
    const span = p.add(weeks);
    const scope = engagementScope(actor, 'e', p);
    const rows: Array<Record<string, unknown>> = await tx.query(
      `WITH dues AS (
         SELECT d.*, p.owner_id, e.executive_id,
                (SELECT min(c.created_at AT TIME ZONE o.timezone)::date FROM check_ins c
                  WHERE c.organization_id = d.organization_id AND c.priority_id = d.priority_id
                    AND c.created_at >= (d.week_start::timestamp AT TIME ZONE o.timezone)
                    AND c.created_at < ((d.week_start + 7)::timestamp AT TIME ZONE o.timezone)) AS first_on
           FROM check_in_dues d
           JOIN organizations o ON o.id = d.organization_id
           JOIN priorities p ON p.organization_id = d.organization_id AND p.id = d.priority_id
           JOIN engagements e ON e.organization_id = d.organization_id AND e.id = d.engagement_id
          WHERE d.organization_id = ${org} AND d.week_start >= ${day}::date - make_interval(days => 7 * ${span}::int)
            AND d.due_on < ${day}::date AND ${scope}),
       outcomes AS (
         SELECT d.*, CASE WHEN d.first_on IS NULL THEN (CASE WHEN ${day}::date >= d.week_start + 7 THEN 'missed' END)
                          WHEN d.first_on <= d.due_on THEN 'on_time' ELSE 'late' END AS outcome
           FROM dues d),
       people AS (
         SELECT 'executive' AS person_kind, x.id AS person_id, x.name AS person_name, o.outcome
           FROM outcomes o JOIN executives x ON x.organization_id = o.organization_id AND x.id = o.executive_id
         UNION ALL
         SELECT 'owner', ow.id, ow.name, o.outcome
           FROM outcomes o JOIN owners ow ON ow.organization_id = o.organization_id AND ow.id = o.owner_id)
       SELECT person_kind, person_id, person_name,
              count(*) FILTER (WHERE outcome = 'on_time') AS on_time,
              count(*) FILTER (WHERE outcome = 'late') AS late,
              count(*) FILTER (WHERE outcome = 'missed') AS missed
         FROM people WHERE outcome IS NOT NULL
        GROUP BY person_kind, person_id, person_name
        ORDER BY person_kind, person_name, person_id`,
      p.values,
    );
    return rows.map((r) => ({
      person_kind: r.person_kind as DisciplineRow['person_kind'],
      person_id: r.person_id as string,
      person_name: r.person_name as string,
      on_time: Number(r.on_time),
      late: Number(r.late),
      missed: Number(r.missed),
    }));
  }
}
