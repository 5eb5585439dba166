import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-in blockers as items, each saying whether it needs the client's action (issue 18): the client's summary
 * lists those as its "asks". The free-text `blockers` column stays for the check-ins written before.
 */
export class CheckInBlockerItems1766200000000 implements MigrationInterface {
  name = 'CheckInBlockerItems1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE check_ins ADD COLUMN blocker_items jsonb NOT NULL DEFAULT '[]'`);
    await q.query(
      `ALTER TABLE check_ins ADD CONSTRAINT check_ins_blocker_items_array CHECK (jsonb_typeof(blocker_items) = 'array')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE check_ins DROP COLUMN blocker_items`);
  }
}
