import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FORECAST_COLUMNS_SQL, FORECAST_JOIN_SQL } from '../forecast/forecast.repository';
import type { ForecastColumns } from '../forecast/forecast.dto';
import { Milestone, type ReplanCategory } from './milestone.entity';

export interface MilestoneRow extends ForecastColumns {
  id: string;
  priority_id: string;
  title: string;
  baseline_due_date: string;
  due_date: string;
  forecast_date: string | null;
  status: Milestone['status'];
  weight: string;
  completed_at: Date | null;
  replan_count: string;
}

/**
 * The columns of a MilestoneRow (dates as text, the number of re-plans, the stored landing forecast), for read models
 * that embed them.
 */
export const MILESTONE_ROW_SQL = `SELECT m.id, m.priority_id, m.title, to_char(m.baseline_due_date, 'YYYY-MM-DD') AS baseline_due_date,
  to_char(m.due_date, 'YYYY-MM-DD') AS due_date, to_char(m.forecast_date, 'YYYY-MM-DD') AS forecast_date, m.status, m.weight, m.completed_at, m.created_at,
  (SELECT count(*) FROM milestone_due_date_changes h WHERE h.organization_id = m.organization_id AND h.milestone_id = m.id) AS replan_count,
  ${FORECAST_COLUMNS_SQL}
  FROM milestones m ${FORECAST_JOIN_SQL}`;

export interface DueDateChangeRow {
  id: string;
  old_due_date: string;
  new_due_date: string;
  reason: string;
  category: ReplanCategory;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Date;
}

export type NewMilestone = Pick<
  Milestone,
  'priorityId' | 'title' | 'baselineDueDate' | 'dueDate' | 'forecastDate' | 'status' | 'weight' | 'completedAt'
>;

@Injectable()
export class MilestonesRepository {
  async insert(tx: EntityManager, organizationId: string, fields: NewMilestone): Promise<Milestone> {
    const milestones = tx.getRepository(Milestone);
    return milestones.save(milestones.create({ organizationId, ...fields }));
  }

  /** Locks the milestone's row until the transaction ends (SELECT … FOR UPDATE): changes to one milestone queue up. */
  async getForUpdate(tx: EntityManager, organizationId: string, id: string): Promise<Milestone | null> {
    return tx.getRepository(Milestone).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes back a milestone read with getForUpdate (its organization is its own). */
  async save(tx: EntityManager, milestone: Milestone): Promise<void> {
    await tx.getRepository(Milestone).save(milestone);
  }

  /**
   * Under the milestone's lock (getForUpdate): `seq` is drawn now, so the history's order is the order the changes
   * were made in, and `changed_at` is this moment rather than the transaction's start (which may precede the lock).
   */
  async recordDueDateChange(
    tx: Queryable,
    organizationId: string,
    change: {
      milestoneId: string;
      changedBy: string;
      oldDueDate: string;
      newDueDate: string;
      reason: string;
      category: ReplanCategory;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO milestone_due_date_changes (organization_id, milestone_id, changed_by, changed_at, old_due_date, new_due_date, reason, category)
       VALUES ($1, $2, $3, clock_timestamp(), $4, $5, $6, $7)`,
      [
        organizationId,
        change.milestoneId,
        change.changedBy,
        change.oldDueDate,
        change.newDueDate,
        change.reason,
        change.category,
      ],
    );
  }

  /** One milestone, or every milestone of a priority, in due-date order. */
  async rows(
    tx: Queryable,
    organizationId: string,
    by: { id: string } | { priorityId: string },
  ): Promise<MilestoneRow[]> {
    return tx.query(
      `${MILESTONE_ROW_SQL} WHERE m.organization_id = $1 AND ${'id' in by ? 'm.id = $2' : 'm.priority_id = $2'} ORDER BY m.due_date, m.created_at`,
      [organizationId, 'id' in by ? by.id : by.priorityId],
    );
  }

  async dueDateChanges(tx: Queryable, organizationId: string, milestoneId: string): Promise<DueDateChangeRow[]> {
    return tx.query(
      `SELECT h.id, to_char(h.old_due_date, 'YYYY-MM-DD') AS old_due_date, to_char(h.new_due_date, 'YYYY-MM-DD') AS new_due_date,
              h.reason, h.category, h.changed_by, u.name AS changed_by_name, h.changed_at
         FROM milestone_due_date_changes h LEFT JOIN users u ON u.id = h.changed_by
        WHERE h.organization_id = $1 AND h.milestone_id = $2 ORDER BY h.seq`,
      [organizationId, milestoneId],
    );
  }
}
