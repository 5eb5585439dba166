import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forecasts that moved (issue 20, item 3: "the digests mention forecasts that moved by more than a week"). Every drift
 * scan rewrites a forecast; a move is measured from the forecast's reference P80, not from the previous scan (scans
 * run every few minutes, so a P80 creeping a day at a time would never move "a week" between two of them):
 * - `reference_p80`: the P80 the next move is measured from — the forecast's first P80, then the P80 of its latest move;
 * - when a scan's P80 is more than 7 days from it (either way), the scan records the move: `previous_p80` := the
 *   reference (kept as it is when the move before was less than a week ago: a run of moves reads from where it
 *   started), `moved_at` := the scan's time, `reference_p80` := the new P80 (nextMoveState in forecaster.ts; in SQL,
 *   set-based, by ForecastRepository.replace).
 * The digest lists the forecasts whose `moved_at` falls in its week (partial index below).
 */
export class ForecastMoves1766900000000 implements MigrationInterface {
  name = 'ForecastMoves1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE milestone_forecasts ADD COLUMN reference_p80 date, ADD COLUMN previous_p80 date, ADD COLUMN moved_at timestamptz`,
    );
    await q.query(`UPDATE milestone_forecasts SET reference_p80 = p80_date`);
    await q.query(`ALTER TABLE milestone_forecasts ALTER COLUMN reference_p80 SET NOT NULL`);
    await q.query(
      `ALTER TABLE milestone_forecasts ADD CONSTRAINT milestone_forecasts_move_check CHECK ((previous_p80 IS NULL) = (moved_at IS NULL))`,
    );
    await q.query(
      `CREATE INDEX milestone_forecasts_moved_idx ON milestone_forecasts (organization_id, moved_at) WHERE moved_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX milestone_forecasts_moved_idx`);
    await q.query(`ALTER TABLE milestone_forecasts DROP CONSTRAINT milestone_forecasts_move_check`);
    await q.query(
      `ALTER TABLE milestone_forecasts DROP COLUMN moved_at, DROP COLUMN previous_p80, DROP COLUMN reference_p80`,
    );
  }
}
