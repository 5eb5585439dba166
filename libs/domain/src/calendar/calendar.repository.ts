import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { CheckInPeriod } from '../check-ins/check-in-schedule';

export interface CalendarOwner {
  id: string;
  organization_id: string;
  name: string;
  role: string;
  disabled_at: Date | null;
}

export interface CalendarMilestoneRow {
  id: string;
  title: string;
  due_date: string;
  status: string;
  priority_title: string;
  client_name: string;
  function: string;
  replan_count: number;
  updated_at: Date;
}

export interface CalendarCheckInRow {
  priority_id: string;
  priority_title: string;
  client_name: string;
  function: string;
  start_date: string;
  /** The date (organization's timezone) of the latest check-in, or null. */
  last_check_in_on: string | null;
  /** The periods the check-in loop recorded (check_in_dues) since the latest check-in, oldest first. */
  recorded: CheckInPeriod[];
  /** The latest change of the priority, its engagement or its organization (the check-in day): the events' DTSTAMP. */
  updated_at: Date;
}

/** Most events one feed lists (the nearest due first): a calendar app polls it, it must stay small. */
const FEED_LIMIT = 2000;

@Injectable()
export class CalendarRepository {
  async setTokenHash(tx: Queryable, organizationId: string, userId: string, hash: string): Promise<void> {
    await tx.query(
      `UPDATE users SET calendar_token_hash = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [organizationId, userId, hash],
    );
  }

  /** Cross-tenant by nature (the URL names no organization): run as the 'calendar-feed' system task. */
  async ownerOfToken(tx: Queryable, hash: string): Promise<CalendarOwner | undefined> {
    const rows: CalendarOwner[] = await tx.query(
      `SELECT id, organization_id, name, role, disabled_at FROM users WHERE calendar_token_hash = $1`,
      [hash],
    );
    return rows[0];
  }

  /**
   * The open milestones that are this user's to watch: of the engagements they are placed in (executive), of the
   * clients they manage (account manager, admin), of the clients granted to them (client viewer), and of the
   * priorities they own.
   */
  async milestonesFor(tx: Queryable, organizationId: string, userId: string): Promise<CalendarMilestoneRow[]> {
    return tx.query(
      `SELECT m.id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, m.status, p.title AS priority_title,
              c.name AS client_name, e.function, m.updated_at,
              (SELECT count(*)::int FROM milestone_due_date_changes h WHERE h.organization_id = m.organization_id AND h.milestone_id = m.id) AS replan_count
         FROM milestones m
         JOIN priorities p ON p.id = m.priority_id
         JOIN engagements e ON e.id = p.engagement_id
         JOIN clients c ON c.id = e.client_id
         JOIN executives x ON x.id = e.executive_id
         JOIN owners o ON o.id = p.owner_id
         JOIN users u ON u.id = $2 AND u.organization_id = $1
        WHERE m.organization_id = $1 AND m.status IN ('planned', 'in_progress')
          AND e.status IN ('proposed', 'active', 'paused')
          AND (   (u.role = 'executive' AND x.user_id = u.id)
               OR (u.role IN ('admin', 'account_manager') AND c.account_manager_id = u.id)
               OR (u.role = 'client_viewer' AND EXISTS (SELECT 1 FROM client_grants g WHERE g.organization_id = $1 AND g.user_id = u.id AND g.client_id = c.id))
               OR o.user_id = u.id)
        ORDER BY m.due_date, m.id
        LIMIT ${FEED_LIMIT}`,
      [organizationId, userId],
    );
  }

  /**
   * The priorities whose weekly check-ins this user is expected to post, as the check-in loop expects them (its
   * reminders' recipients): the active priorities of the active engagements with a weekly cadence they are placed in
   * (executive), and, when the organization lets owners check in, those they own through an owner linked to their
   * account. With each, its start date, its latest check-in's date in the organization's timezone, and the periods
   * the loop recorded for it since then (still open: a check-in since a period began answers it).
   */
  async checkInsFor(
    tx: Queryable,
    organizationId: string,
    userId: string,
    ownersMayCheckIn: boolean,
  ): Promise<CalendarCheckInRow[]> {
    return tx.query(
      `SELECT p.id AS priority_id, p.title AS priority_title, c.name AS client_name, e.function,
              to_char(p.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(last.on_date, 'YYYY-MM-DD') AS last_check_in_on,
              coalesce((SELECT json_agg(json_build_object('isoWeek', d.iso_week, 'weekStart', to_char(d.week_start, 'YYYY-MM-DD'),
                                                          'dueOn', to_char(d.due_on, 'YYYY-MM-DD')) ORDER BY d.week_start)
                          FROM check_in_dues d
                         WHERE d.organization_id = p.organization_id AND d.priority_id = p.id
                           AND (last.on_date IS NULL OR d.week_start > last.on_date)), '[]'::json) AS recorded,
              greatest(p.updated_at, e.updated_at, org.updated_at) AS updated_at
         FROM priorities p
         JOIN engagements e ON e.id = p.engagement_id
         JOIN clients c ON c.id = e.client_id
         JOIN executives x ON x.id = e.executive_id
         JOIN owners o ON o.id = p.owner_id
         JOIN organizations org ON org.id = p.organization_id
         JOIN users u ON u.id = $2 AND u.organization_id = $1
         LEFT JOIN LATERAL (SELECT (max(ci.created_at) AT TIME ZONE org.timezone)::date AS on_date FROM check_ins ci
                             WHERE ci.organization_id = p.organization_id AND ci.priority_id = p.id) last ON true
        WHERE p.organization_id = $1 AND p.status = 'active' AND e.status = 'active' AND e.check_in_cadence = 'weekly'
          AND ((u.role = 'executive' AND x.user_id = u.id) OR ($3::boolean AND o.user_id = u.id))
        ORDER BY p.start_date, p.id
        LIMIT ${FEED_LIMIT}`,
      [organizationId, userId, ownersMayCheckIn],
    );
  }
}
