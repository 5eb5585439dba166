import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-plans gain a required cause (issue 17): client, executive, allocation, dependency or scope, next to the free
 * text. Backfill of the re-plans recorded before: the reason's words decide when they clearly name a cause
 * (the client's people, legal, budget or procurement → client; allocation, capacity or days a week → allocation;
 * waiting on a vendor, partner or another team, blocked → dependency; scope or requirements → scope); anything else
 * is `executive`, which is how the drift score counted every re-plan until now, so no score changes for a row
 * nobody classified. docs/product.md lists the same words.
 */
export class ReplanCategory1765201000000 implements MigrationInterface {
  name = 'ReplanCategory1765201000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE milestone_due_date_changes ADD COLUMN category text`);
    await q.query(`
      UPDATE milestone_due_date_changes SET category = CASE
        WHEN reason ~* '(allocation|capacity|days a week|days/week|scale[ds]? (down|up)|scaled|bandwidth)' THEN 'allocation'
        WHEN reason ~* '(client|customer|legal|budget|procurement|board|buyer|sign-?off|approval)' THEN 'client'
        WHEN reason ~* '(waiting|wait on|vendor|partner|supplier|dependen|blocked|third[- ]party|another team)' THEN 'dependency'
        WHEN reason ~* '(scope|requirement|added|grew|expanded)' THEN 'scope'
        ELSE 'executive' END`);
    await q.query(`ALTER TABLE milestone_due_date_changes ALTER COLUMN category SET NOT NULL`);
    await q.query(
      `ALTER TABLE milestone_due_date_changes ADD CONSTRAINT milestone_due_date_changes_category_check
         CHECK (category IN ('client','executive','allocation','dependency','scope'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE milestone_due_date_changes DROP COLUMN category`);
  }
}
