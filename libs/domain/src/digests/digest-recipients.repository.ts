import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import { resolveSettings, type OrganizationSettings } from '../organizations/organization-settings';
import type { Actor } from '../shared/actor';
import type { Role } from '../users/user.entity';
import { effectiveDigestPreferences, type EffectiveDigestPreferences } from './digest-preferences';
import { DIGEST_CATCH_UP_MS } from './digest-schedule';

export interface DigestRecipientRow {
  actor: Actor;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  /** The user's own timezone, else the organization's. */
  timezone: string;
  ownTimezone: string | null;
  /** The organization's timezone (the client summary's days are the organization's). */
  organizationTimezone: string;
  organizationName: string;
  organizationSettings: OrganizationSettings;
  preferences: EffectiveDigestPreferences;
  stored: { weekday: number | null; hour: number | null; optedOut: boolean | null; skipWhenEmpty: boolean | null };
}

/** A digest already written for the recipient's week (the week's claim, or this request's own forced one). */
export interface DigestClaim {
  forced: boolean;
  requestKey: string;
  outboxId: string | null;
  outboxStatus: string | null;
}

export interface DueRecipient {
  userId: string;
  isoWeek: string;
  timezone: string;
  slotAt: Date;
}

const RECIPIENT_COLUMNS = `u.id, u.organization_id, u.email, u.name, u.role, u.disabled_at, u.timezone AS own_timezone,
       COALESCE(u.timezone, o.timezone) AS timezone, o.timezone AS organization_timezone, o.name AS organization_name, o.settings,
       dp.weekday, dp.hour, dp.opted_out, dp.skip_when_empty, dp.kind,
       ARRAY(SELECT x.id FROM executives x WHERE x.organization_id = u.organization_id AND x.user_id = u.id) AS executive_ids,
       ARRAY(SELECT g.client_id FROM client_grants g WHERE g.organization_id = u.organization_id AND g.user_id = u.id) AS client_ids`;

/** Who gets a digest, and when: each method is one query. */
@Injectable()
export class DigestRecipientsRepository {
  async load(tx: Queryable, organizationId: string, userId: string): Promise<DigestRecipientRow | null> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT ${RECIPIENT_COLUMNS}
         FROM users u JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN digest_preferences dp ON dp.user_id = u.id
        WHERE u.organization_id = $1 AND u.id = $2`,
      [organizationId, userId],
    );
    return rows[0] ? toRecipient(rows[0]) : null;
  }

  /** The recipient and, in the same query, what is already written for their week (the compose job's first read). */
  async loadWithClaims(
    tx: Queryable,
    organizationId: string,
    userId: string,
    isoWeek: string,
    requestKey: string,
  ): Promise<{ recipient: DigestRecipientRow; claims: DigestClaim[] } | null> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT ${RECIPIENT_COLUMNS},
              COALESCE((SELECT json_agg(json_build_object('forced', d.forced, 'requestKey', d.request_key, 'outboxId', d.outbox_id, 'outboxStatus', ob.status))
                          FROM digests d LEFT JOIN outbox ob ON ob.id = d.outbox_id
                         WHERE d.user_id = u.id AND d.iso_week = $3 AND (NOT d.forced OR d.request_key = $4)), '[]'::json) AS claims
         FROM users u JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN digest_preferences dp ON dp.user_id = u.id
        WHERE u.organization_id = $1 AND u.id = $2`,
      [organizationId, userId, isoWeek, requestKey],
    );
    return rows[0] ? { recipient: toRecipient(rows[0]), claims: rows[0].claims as DigestClaim[] } : null;
  }

  /**
   * loadWithClaims for many recipients of one organization in one query (a batch of compose requests), keyed by
   * request key; a user who is gone has no entry.
   */
  async loadManyWithClaims(
    tx: Queryable,
    organizationId: string,
    requests: ReadonlyArray<{ userId: string; isoWeek: string; requestKey: string }>,
  ): Promise<Map<string, { recipient: DigestRecipientRow; claims: DigestClaim[] }>> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT ${RECIPIENT_COLUMNS}, r.request_key,
              COALESCE((SELECT json_agg(json_build_object('forced', d.forced, 'requestKey', d.request_key, 'outboxId', d.outbox_id, 'outboxStatus', ob.status))
                          FROM digests d LEFT JOIN outbox ob ON ob.id = d.outbox_id
                         WHERE d.user_id = u.id AND d.iso_week = r.iso_week AND (NOT d.forced OR d.request_key = r.request_key)), '[]'::json) AS claims
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(user_id, iso_week, request_key)
         JOIN users u ON u.organization_id = $1 AND u.id = r.user_id
         JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN digest_preferences dp ON dp.user_id = u.id`,
      [
        organizationId,
        requests.map((r) => r.userId),
        requests.map((r) => r.isoWeek),
        requests.map((r) => r.requestKey),
      ],
    );
    return new Map(
      rows.map((row) => [
        row.request_key as string,
        { recipient: toRecipient(row), claims: row.claims as DigestClaim[] },
      ]),
    );
  }

  /** Every enabled user of the organization who has not opted out (send-now to everyone). */
  async subscribed(tx: Queryable, organizationId: string): Promise<DigestRecipientRow[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT ${RECIPIENT_COLUMNS}
         FROM users u JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN digest_preferences dp ON dp.user_id = u.id
        WHERE u.organization_id = $1 AND u.disabled_at IS NULL ORDER BY u.email`,
      [organizationId],
    );
    return rows.map(toRecipient).filter((r) => !r.preferences.optedOut);
  }

  /**
   * The dispatcher's selection, one query: enabled users who have not opted out, whose slot of their current
   * ISO week (their timezone, else the organization's; their weekday and hour, else the organization's, else
   * Monday 08:00) has come within the last day, and who have no digest for that week yet. Same rule as
   * digestWeekStatus() in digest-schedule.ts.
   */
  async due(tx: Queryable, organizationId: string, now: Date): Promise<DueRecipient[]> {
    const rows: Array<{ user_id: string; iso_week: string; timezone: string; slot_at: Date }> = await tx.query(
      `WITH candidates AS (
         SELECT u.id AS user_id, COALESCE(u.timezone, o.timezone) AS timezone,
                COALESCE(dp.weekday, (o.settings->>'digestWeekday')::int, 1) AS weekday,
                COALESCE(dp.hour, (o.settings->>'digestHour')::int, 8) AS hour
           FROM users u
           JOIN organizations o ON o.id = u.organization_id
           LEFT JOIN digest_preferences dp ON dp.user_id = u.id
          WHERE u.organization_id = $1 AND u.disabled_at IS NULL
            AND NOT COALESCE(dp.opted_out, NOT COALESCE((o.settings->>'digestsEnabled')::boolean, true))),
       local AS (SELECT c.*, ($2::timestamptz AT TIME ZONE c.timezone) AS local_now FROM candidates c),
       slots AS (
         SELECT l.user_id, l.timezone, to_char(l.local_now, 'IYYY-"W"IW') AS iso_week,
                ((date_trunc('week', l.local_now) + make_interval(days => l.weekday - 1, hours => l.hour)) AT TIME ZONE l.timezone) AS slot_at
           FROM local l)
       SELECT s.user_id, s.iso_week, s.timezone, s.slot_at FROM slots s
        WHERE $2::timestamptz >= s.slot_at AND $2::timestamptz < s.slot_at + make_interval(secs => $3)
          AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.user_id = s.user_id AND d.iso_week = s.iso_week AND NOT d.forced)
        ORDER BY s.user_id`,
      [organizationId, now.toISOString(), DIGEST_CATCH_UP_MS / 1000],
    );
    return rows.map((r) => ({ userId: r.user_id, isoWeek: r.iso_week, timezone: r.timezone, slotAt: r.slot_at }));
  }

  async organizationIds(tx: Queryable): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(`SELECT id FROM organizations ORDER BY id`);
    return rows.map((r) => r.id);
  }
}

function toRecipient(r: Record<string, unknown>): DigestRecipientRow {
  const settings = resolveSettings(r.settings as Partial<OrganizationSettings>);
  const stored = {
    weekday: (r.weekday as number | null) ?? null,
    hour: (r.hour as number | null) ?? null,
    optedOut: (r.opted_out as boolean | null) ?? null,
    skipWhenEmpty: (r.skip_when_empty as boolean | null) ?? null,
  };
  return {
    actor: {
      userId: r.id as string,
      organizationId: r.organization_id as string,
      role: r.role as Role,
      email: r.email as string,
      executiveIds: (r.executive_ids as string[]) ?? [],
      clientIds: (r.client_ids as string[]) ?? [],
    },
    name: r.name as string,
    email: r.email as string,
    role: r.role as Role,
    disabled: r.disabled_at !== null,
    timezone: r.timezone as string,
    ownTimezone: (r.own_timezone as string | null) ?? null,
    organizationTimezone: r.organization_timezone as string,
    organizationName: r.organization_name as string,
    organizationSettings: settings,
    preferences: effectiveDigestPreferences(
      { ...stored, kind: (r.kind as 'portfolio' | 'due_and_slipped' | null) ?? null },
      settings,
    ),
    stored,
  };
}
