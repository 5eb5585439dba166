import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FORECAST_MOVE_DAYS, type Forecast, type MilestoneHistoryRow } from './forecaster';

export interface ForecastInputRow extends MilestoneHistoryRow {
  /** An open milestone of an active priority of an active engagement: one the scan forecasts. */
  forecastable: boolean;
}

/** Every SQL statement of the forecasts: one read of an organization's history, one write of its forecasts. */
@Injectable()
export class ForecastRepository {
  /**
   * Every milestone of the organization that is done, or open under an active priority and engagement (cancelled
   * ones are neither history nor forecast), with its planned start (the previous milestone's baseline due date in its
   * priority, or the priority's start), its completion date in the organization's timezone, its current due date and
   * its re-plans (count, and in order the day each was made and the due date it set). One set-based statement,
   * whatever the size of the organization.
   */
  async history(tx: EntityManager, organizationId: string, timezone: string): Promise<ForecastInputRow[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `WITH changes AS (
         SELECT h.milestone_id, count(*) AS replans,
                json_agg(json_build_object('on', to_char((h.changed_at AT TIME ZONE $2)::date, 'YYYY-MM-DD'),
                                           'newDueDate', to_char(h.new_due_date, 'YYYY-MM-DD')) ORDER BY h.seq) AS log
           FROM milestone_due_date_changes h WHERE h.organization_id = $1 GROUP BY h.milestone_id)
       SELECT m.id, m.status, e.function, e.executive_id,
              to_char(COALESCE(lag(m.baseline_due_date) OVER (PARTITION BY m.priority_id ORDER BY m.baseline_due_date, m.created_at, m.id),
                               p.start_date), 'YYYY-MM-DD') AS planned_start,
              to_char(m.baseline_due_date, 'YYYY-MM-DD') AS baseline_due_date,
              to_char((m.completed_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS completed_on,
              COALESCE(ch.replans, 0)::int AS replan_count,
              to_char(m.due_date, 'YYYY-MM-DD') AS current_due_date, COALESCE(ch.log, '[]'::json) AS replans,
              (m.status IN ('planned','in_progress') AND p.status = 'active' AND e.status = 'active') AS forecastable
         FROM milestones m
         JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id
         JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id
         LEFT JOIN changes ch ON ch.milestone_id = m.id
        WHERE m.organization_id = $1 AND m.status <> 'cancelled'`,
      [organizationId, timezone],
    );
    return rows.map((r) => ({
      id: r.id as string,
      status: r.status as ForecastInputRow['status'],
      function: r.function as string,
      executiveId: r.executive_id as string,
      plannedStart: (r.planned_start as string | null) ?? null,
      baselineDueDate: r.baseline_due_date as string,
      completedOn: (r.completed_on as string | null) ?? null,
      replanCount: Number(r.replan_count),
      currentDueDate: r.current_due_date as string,
      replans: r.replans as Array<{ on: string; newDueDate: string }>,
      forecastable: Boolean(r.forecastable),
    }));
  }

  /**
   * Replaces the organization's forecasts with these (two statements, whatever their number): drops the forecasts of
   * milestones no longer forecast, then upserts the rest. A row whose figures did not change is left alone (no new
   * row version). A P80 more than FORECAST_MOVE_DAYS from the row's reference P80 is a move: the reference becomes
   * the previous P80 (kept when the move before was less than a week ago), the scan's time the move's, the new P80 the
   * reference: nextMoveState's rule, in SQL (migrations/1766900000000-ForecastMoves.ts).
   */
  async replace(tx: EntityManager, organizationId: string, forecasts: readonly Forecast[], now: Date): Promise<void> {
    const ids = forecasts.map((f) => f.milestoneId);
    await tx.query(
      `DELETE FROM milestone_forecasts mf
        WHERE mf.organization_id = $1 AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[]) AS k(id) WHERE k.id = mf.milestone_id)`,
      [organizationId, ids],
    );
    if (forecasts.length === 0) return;
    await tx.query(
      `INSERT INTO milestone_forecasts AS mf (organization_id, milestone_id, p50_date, p80_date, sample_size, basis, computed_at, reference_p80)
       SELECT $1, f.milestone_id, f.p50, f.p80, f.sample_size, f.basis, $7, f.p80
         FROM unnest($2::uuid[], $3::date[], $4::date[], $5::int[], $6::text[]) AS f(milestone_id, p50, p80, sample_size, basis)
       ON CONFLICT (organization_id, milestone_id) DO UPDATE
          SET p50_date = EXCLUDED.p50_date, p80_date = EXCLUDED.p80_date, sample_size = EXCLUDED.sample_size,
              basis = EXCLUDED.basis, computed_at = EXCLUDED.computed_at,
              previous_p80 = CASE WHEN abs(EXCLUDED.p80_date - mf.reference_p80) > $8
                                  AND NOT COALESCE(mf.moved_at > EXCLUDED.computed_at - make_interval(days => $8), false)
                                  THEN mf.reference_p80 ELSE mf.previous_p80 END,
              moved_at = CASE WHEN abs(EXCLUDED.p80_date - mf.reference_p80) > $8 THEN EXCLUDED.computed_at ELSE mf.moved_at END,
              reference_p80 = CASE WHEN abs(EXCLUDED.p80_date - mf.reference_p80) > $8 THEN EXCLUDED.p80_date ELSE mf.reference_p80 END
        WHERE (mf.p50_date, mf.p80_date, mf.sample_size, mf.basis) IS DISTINCT FROM
              (EXCLUDED.p50_date, EXCLUDED.p80_date, EXCLUDED.sample_size, EXCLUDED.basis)`,
      [
        organizationId,
        ids,
        forecasts.map((f) => f.p50),
        forecasts.map((f) => f.p80),
        forecasts.map((f) => f.sampleSize),
        forecasts.map((f) => f.basis),
        now.toISOString(),
        FORECAST_MOVE_DAYS,
      ],
    );
  }
}

/**
 * The forecast columns read models join in: `mf` is the milestone's forecast row (LEFT JOIN FORECAST_JOIN_SQL after
 * `FROM milestones m`).
 */
export const FORECAST_JOIN_SQL = `LEFT JOIN milestone_forecasts mf ON mf.organization_id = m.organization_id AND mf.milestone_id = m.id`;
export const FORECAST_COLUMNS_SQL = `to_char(mf.p50_date, 'YYYY-MM-DD') AS forecast_p50, to_char(mf.p80_date, 'YYYY-MM-DD') AS forecast_p80,
  mf.basis AS forecast_basis, mf.sample_size AS forecast_sample_size`;
