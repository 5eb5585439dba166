import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { allocationInForceSql } from '../engagements/allocation-in-force';
import { EXTERNAL_REPLAN_CATEGORIES } from '../milestones/milestone.entity';
import type {
  DueCheckInFacts,
  EngagementFacts,
  EngagementTermFacts,
  MilestoneFacts,
  OwnerFacts,
  PriorityFacts,
} from './drift-types';

/** Per active priority: what the drift score needs, aggregated in SQL so a scan never holds every milestone. */
export interface PriorityScoreFacts {
  priorityId: string;
  engagementId: string;
  weightedSlipDays: number;
  overdueMilestones: number;
  replanDaysLast30Days: number[];
  daysSinceCheckIn: number;
  recentConfidences: number[];
}

/**
 * Slip days of milestone `m` in SQL, the same definition as slipDays() in health.ts (tested against it):
 * baseline → completion date when done; otherwise the latest of due, forecast and (once past due) today.
 */
const SLIP_DAYS_SQL = `GREATEST(0, (CASE
    WHEN m.status = 'done' AND m.completed_at IS NOT NULL THEN (m.completed_at AT TIME ZONE $3)::date
    WHEN m.status = 'cancelled' THEN m.due_date
    ELSE GREATEST(m.due_date, COALESCE(m.forecast_date, m.due_date), CASE WHEN $2::date > m.due_date THEN $2::date ELSE m.due_date END)
  END) - m.baseline_due_date)`;

const MILESTONE_CURSOR = 'drift_scan_milestones';

/**
 * Loads what the drift rules look at for one organization: a fixed handful of set-based queries over
 * active engagements and priorities, whatever their size. Milestones are pre-filtered to the ones a
 * milestone rule could flag (overdue, forecast later than due, or re-planned).
 */
@Injectable()
export class DriftFactsRepository {
  /**
   * Opens a cursor over the open milestones a milestone rule could flag (overdue, forecast later than due,
   * or re-planned), so a scan reads them in batches with fetchMilestones() and never holds them all: one
   * query plan, however many batches. Lives until closeMilestones() or the end of the transaction.
   */
  async openMilestones(tx: EntityManager, organizationId: string, today: string): Promise<void> {
    await tx.query(
      `DECLARE ${MILESTONE_CURSOR} NO SCROLL CURSOR FOR
       WITH changes AS (
         SELECT h.milestone_id, count(*) AS replan_count, sum(GREATEST(h.new_due_date - h.old_due_date, 0)) AS replan_total_days
           FROM milestone_due_date_changes h WHERE h.organization_id = $1 GROUP BY h.milestone_id)
       SELECT m.id, m.priority_id, p.engagement_id, m.title, to_char(m.baseline_due_date, 'YYYY-MM-DD') AS baseline_due_date,
              to_char(m.due_date, 'YYYY-MM-DD') AS due_date, to_char(m.forecast_date, 'YYYY-MM-DD') AS forecast_date,
              COALESCE(ch.replan_count, 0)::int AS replan_count, COALESCE(ch.replan_total_days, 0)::int AS replan_total_days
         FROM milestones m
         JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id AND p.status = 'active'
         JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id AND e.status = 'active'
         LEFT JOIN changes ch ON ch.milestone_id = m.id
        WHERE m.organization_id = $1 AND m.status IN ('planned','in_progress')
          AND (m.due_date < $2::date OR m.forecast_date > m.due_date OR ch.replan_count > 0)`,
      [organizationId, today],
    );
  }

  /** The next batch from openMilestones(); empty when there are no more. */
  async fetchMilestones(tx: EntityManager, batchSize: number): Promise<MilestoneFacts[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `FETCH FORWARD ${Math.trunc(batchSize)} FROM ${MILESTONE_CURSOR}`,
    );
    return rows.map((r) => ({
      id: r.id as string,
      priorityId: r.priority_id as string,
      engagementId: r.engagement_id as string,
      title: r.title as string,
      baselineDueDate: r.baseline_due_date as string,
      dueDate: r.due_date as string,
      forecastDate: (r.forecast_date as string | null) ?? null,
      replanCount: Number(r.replan_count),
      replanTotalDays: Number(r.replan_total_days),
    }));
  }

  async closeMilestones(tx: EntityManager): Promise<void> {
    await tx.query(`CLOSE ${MILESTONE_CURSOR}`);
  }

  /**
   * One pass over the organization's milestones for every per-priority total the other fact queries need
   * (progress, weighted slip, overdue and due-soon counts), kept in a table that lives until the transaction
   * ends. Call it first: priorities(), engagements() and scoreFacts() read it.
   */
  async milestoneTotals(tx: EntityManager, organizationId: string, today: string, timezone: string): Promise<void> {
    await tx.query(
      `CREATE TEMP TABLE scan_milestone_totals ON COMMIT DROP AS
       SELECT m.priority_id,
              sum(m.weight) FILTER (WHERE m.status <> 'cancelled') AS total,
              sum(m.weight) FILTER (WHERE m.status = 'done') AS done,
              sum(m.weight * ${SLIP_DAYS_SQL}) FILTER (WHERE m.status <> 'cancelled') / NULLIF(sum(m.weight) FILTER (WHERE m.status <> 'cancelled'), 0) AS weighted_slip,
              count(*) FILTER (WHERE m.status IN ('planned','in_progress') AND m.due_date < $2::date) AS overdue,
              count(*) FILTER (WHERE m.status IN ('planned','in_progress') AND m.due_date <= $2::date + 30) AS open_next_30,
              min(m.due_date) FILTER (WHERE m.status IN ('planned','in_progress')) AS oldest_open_due
         FROM milestones m WHERE m.organization_id = $1 GROUP BY m.priority_id`,
      [organizationId, today, timezone],
    );
    await tx.query(`CREATE UNIQUE INDEX ON scan_milestone_totals (priority_id)`);
  }

  async priorities(tx: EntityManager, organizationId: string, checkInWindow: number): Promise<PriorityFacts[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `WITH recent AS (
         SELECT c.priority_id, json_agg(json_build_object('createdOn', to_char(c.created_at AT TIME ZONE o.timezone, 'YYYY-MM-DD'),
                  'confidence', c.confidence, 'rag', c.rag) ORDER BY c.created_at DESC) AS check_ins
           FROM (SELECT c.*, row_number() OVER (PARTITION BY c.priority_id ORDER BY c.created_at DESC, c.id) AS n
                   FROM check_ins c WHERE c.organization_id = $1) c
           JOIN organizations o ON o.id = c.organization_id
          WHERE c.n <= $2 GROUP BY c.priority_id),
       forecast AS (
         SELECT m.priority_id, max(f.p80_date) AS p80
           FROM milestone_forecasts f JOIN milestones m ON m.organization_id = f.organization_id AND m.id = f.milestone_id
          WHERE f.organization_id = $1 GROUP BY m.priority_id)
       SELECT p.id, p.engagement_id, p.title, p.owner_id, (ow.email IS NOT NULL OR ow.user_id IS NOT NULL) AS owner_reachable,
              to_char(p.start_date, 'YYYY-MM-DD') AS start_date, to_char(p.target_date, 'YYYY-MM-DD') AS target_date,
              COALESCE(pr.done / NULLIF(pr.total, 0), 0) AS progress, COALESCE(r.check_ins, '[]'::json) AS check_ins,
              to_char(pr.oldest_open_due, 'YYYY-MM-DD') AS oldest_open_due,
              to_char(e.planned_end_date, 'YYYY-MM-DD') AS engagement_end, to_char(fc.p80, 'YYYY-MM-DD') AS forecast_p80
         FROM priorities p
         JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id AND e.status = 'active'
         LEFT JOIN owners ow ON ow.organization_id = p.organization_id AND ow.id = p.owner_id
         LEFT JOIN scan_milestone_totals pr ON pr.priority_id = p.id
         LEFT JOIN recent r ON r.priority_id = p.id
         LEFT JOIN forecast fc ON fc.priority_id = p.id
        WHERE p.organization_id = $1 AND p.status = 'active'`,
      [organizationId, checkInWindow],
    );
    return rows.map((r) => ({
      id: r.id as string,
      engagementId: r.engagement_id as string,
      title: r.title as string,
      ownerId: (r.owner_id as string | null) ?? null,
      ownerReachable: Boolean(r.owner_reachable),
      startDate: r.start_date as string,
      targetDate: r.target_date as string,
      progress: Number(r.progress),
      oldestOpenDueDate: (r.oldest_open_due as string | null) ?? null,
      engagementEndDate: (r.engagement_end as string | null) ?? null,
      forecastP80: (r.forecast_p80 as string | null) ?? null,
      recentCheckIns: r.check_ins as PriorityFacts['recentCheckIns'],
    }));
  }

  async engagements(tx: EntityManager, organizationId: string, today: string): Promise<EngagementFacts[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `WITH active AS (
         SELECT p.engagement_id, count(*) AS priorities FROM priorities p WHERE p.organization_id = $1 AND p.status = 'active' GROUP BY p.engagement_id),
       due_soon AS (
         SELECT p.engagement_id, sum(t.open_next_30) AS milestones
           FROM scan_milestone_totals t JOIN priorities p ON p.organization_id = $1 AND p.id = t.priority_id AND p.status = 'active'
          GROUP BY p.engagement_id),
       due_allocations AS (
         -- The allocation in force on each open milestone's due date (an overdue one: today's), for the few due soon.
         SELECT e.id AS engagement_id, array_agg(${allocationInForceSql('GREATEST(m.due_date, $2::date)')}) AS allocations
           FROM milestones m
           JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id AND p.status = 'active'
           JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id AND e.status = 'active'
          WHERE m.organization_id = $1 AND m.status IN ('planned','in_progress') AND m.due_date <= $2::date + 30
          GROUP BY e.id)
       SELECT e.id, e.client_id, ${allocationInForceSql('$2')} AS days_per_week,
              COALESCE(a.priorities, 0) AS active_priorities, COALESCE(d.milestones, 0) AS open_next_30,
              COALESCE(da.allocations, '{}') AS due_allocations
         FROM engagements e
         LEFT JOIN active a ON a.engagement_id = e.id
         LEFT JOIN due_soon d ON d.engagement_id = e.id
         LEFT JOIN due_allocations da ON da.engagement_id = e.id
        WHERE e.organization_id = $1 AND e.status = 'active'`,
      [organizationId, today],
    );
    return rows.map((r) => ({
      id: r.id as string,
      clientId: r.client_id as string,
      daysPerWeek: Number(r.days_per_week),
      activePriorities: Number(r.active_priorities),
      openMilestonesNext30Days: Number(r.open_next_30),
      dueSoonAllocations: (r.due_allocations as Array<string | number>).map(Number),
    }));
  }

  /**
   * Running engagements (active, paused, renewing) with a term end or a renewal date: their term, latest drift
   * snapshot, latest check-in and the median time to acknowledge the check-ins of the last 28 days (one still
   * unacknowledged counts with its age at `now`). Few rows: only engagements with a term are read.
   */
  async terms(tx: EntityManager, organizationId: string, timezone: string, now: Date): Promise<EngagementTermFacts[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT e.id, e.status, to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(e.term_end_date, 'YYYY-MM-DD') AS term_end_date, to_char(e.renewal_date, 'YYYY-MM-DD') AS renewal_date,
              e.notice_period_days, e.auto_renew,
              (SELECT s.score FROM drift_snapshots s WHERE s.organization_id = e.organization_id AND s.engagement_id = e.id
                ORDER BY s.snapshot_date DESC LIMIT 1) AS drift_score,
              to_char((SELECT max(c.created_at) FROM check_ins c JOIN priorities p ON p.organization_id = c.organization_id AND p.id = c.priority_id
                        WHERE c.organization_id = e.organization_id AND p.engagement_id = e.id) AT TIME ZONE $2, 'YYYY-MM-DD') AS last_check_in_on,
              (SELECT round((percentile_cont(0.5) WITHIN GROUP (
                        ORDER BY extract(epoch FROM COALESCE(c.acknowledged_at, $3::timestamptz) - c.created_at)) / 86400)::numeric, 1)
                 FROM check_ins c JOIN priorities p ON p.organization_id = c.organization_id AND p.id = c.priority_id
                WHERE c.organization_id = e.organization_id AND p.engagement_id = e.id
                  AND c.created_at >= $3::timestamptz - interval '28 days') AS ack_median_days,
              (SELECT cp.score FROM client_pulses cp WHERE cp.organization_id = e.organization_id AND cp.engagement_id = e.id
                ORDER BY cp.created_at DESC, cp.id LIMIT 1) AS latest_pulse_score
         FROM engagements e
        WHERE e.organization_id = $1 AND e.status IN ('active','paused','renewing')
          AND (e.term_end_date IS NOT NULL OR e.renewal_date IS NOT NULL)`,
      [organizationId, timezone, now.toISOString()],
    );
    return rows.map((r) => ({
      id: r.id as string,
      status: r.status as EngagementTermFacts['status'],
      startDate: r.start_date as string,
      termEndDate: (r.term_end_date as string | null) ?? null,
      renewalDate: (r.renewal_date as string | null) ?? null,
      noticePeriodDays: Number(r.notice_period_days),
      autoRenew: Boolean(r.auto_renew),
      driftScore: r.drift_score === null ? null : Number(r.drift_score),
      lastCheckInOn: (r.last_check_in_on as string | null) ?? null,
      ackMedianDays: r.ack_median_days === null ? null : Number(r.ack_median_days),
      latestPulseScore: r.latest_pulse_score === null ? null : Number(r.latest_pulse_score),
    }));
  }

  /**
   * The latest due check-in of each active priority of an active engagement with a weekly cadence, with the local
   * date of the priority's latest check-in (check_in_missed). One row per priority.
   */
  async dueCheckIns(tx: EntityManager, organizationId: string, timezone: string): Promise<DueCheckInFacts[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT DISTINCT ON (d.priority_id) d.priority_id, d.engagement_id, p.title,
              to_char(d.week_start, 'YYYY-MM-DD') AS week_start, to_char(d.due_on, 'YYYY-MM-DD') AS due_on,
              to_char((SELECT max(c.created_at) FROM check_ins c WHERE c.organization_id = d.organization_id AND c.priority_id = d.priority_id)
                      AT TIME ZONE $2, 'YYYY-MM-DD') AS last_check_in_on
         FROM check_in_dues d
         JOIN priorities p ON p.organization_id = d.organization_id AND p.id = d.priority_id AND p.status = 'active'
         JOIN engagements e ON e.organization_id = d.organization_id AND e.id = d.engagement_id
                           AND e.status = 'active' AND e.check_in_cadence = 'weekly'
        WHERE d.organization_id = $1
        ORDER BY d.priority_id, d.due_on DESC`,
      [organizationId, timezone],
    );
    return rows.map((r) => ({
      priorityId: r.priority_id as string,
      engagementId: r.engagement_id as string,
      title: r.title as string,
      weekStart: r.week_start as string,
      dueOn: r.due_on as string,
      lastCheckInOn: (r.last_check_in_on as string | null) ?? null,
    }));
  }

  async owners(tx: EntityManager, organizationId: string): Promise<OwnerFacts[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT o.id, o.name, count(*) AS active_priorities
         FROM owners o
         JOIN priorities p ON p.organization_id = o.organization_id AND p.owner_id = o.id AND p.status = 'active'
         JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id AND e.status = 'active'
        WHERE o.organization_id = $1 GROUP BY o.id, o.name`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      activePriorities: Number(r.active_priorities),
    }));
  }

  /** The drift-score inputs of every active priority of active engagements. */
  async scoreFacts(
    tx: EntityManager,
    organizationId: string,
    today: string,
    timezone: string,
    now: Date,
    checkInWindow: number,
  ): Promise<PriorityScoreFacts[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `WITH replans AS (
         SELECT m.priority_id, array_agg(h.new_due_date - h.old_due_date) AS moved
           FROM milestone_due_date_changes h JOIN milestones m ON m.organization_id = h.organization_id AND m.id = h.milestone_id
          WHERE h.organization_id = $1 AND h.changed_at >= $4::timestamptz - interval '30 days'
            -- Re-plans the client or the allocation caused are not the executive's drift.
            AND h.category <> ALL($6::text[]) GROUP BY m.priority_id),
       checkins AS (
         SELECT c.priority_id, max(c.created_at) AS last_at,
                (array_agg(c.confidence ORDER BY c.created_at DESC))[1:$5] AS confidences
           FROM check_ins c WHERE c.organization_id = $1 GROUP BY c.priority_id)
       SELECT p.id, p.engagement_id, COALESCE(s.weighted_slip, 0) AS weighted_slip, COALESCE(s.overdue, 0) AS overdue,
              COALESCE(r.moved, '{}') AS moved, COALESCE(ci.confidences, '{}') AS confidences,
              GREATEST(0, $2::date - COALESCE((ci.last_at AT TIME ZONE $3)::date, LEAST(p.start_date, $2::date))) AS days_since_check_in
         FROM priorities p
         JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id AND e.status = 'active'
         LEFT JOIN scan_milestone_totals s ON s.priority_id = p.id
         LEFT JOIN replans r ON r.priority_id = p.id
         LEFT JOIN checkins ci ON ci.priority_id = p.id
        WHERE p.organization_id = $1 AND p.status = 'active'`,
      [organizationId, today, timezone, now.toISOString(), checkInWindow, EXTERNAL_REPLAN_CATEGORIES],
    );
    return rows.map((r) => ({
      priorityId: r.id as string,
      engagementId: r.engagement_id as string,
      weightedSlipDays: Number(r.weighted_slip),
      overdueMilestones: Number(r.overdue),
      replanDaysLast30Days: (r.moved as number[]).map(Number),
      daysSinceCheckIn: Number(r.days_since_check_in),
      recentConfidences: (r.confidences as number[]).map(Number),
    }));
  }
}
