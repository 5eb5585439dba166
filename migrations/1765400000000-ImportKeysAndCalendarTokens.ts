import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The records a CSV import writes (issue 19): each may carry the external key of the row it came from. */
const IMPORTED_TABLES = ['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones'];

/**
 * CSV import and the calendar feed (issue 19).
 *
 * - `external_key` on every imported table: the key of the spreadsheet row a record came from, unique per
 *   organization, so importing the same file again finds the same records (nothing changes) and a changed row
 *   updates its record. Records typed into the app have none.
 * - `users.calendar_token_hash`: SHA-256 of the user's private calendar feed token; regenerating replaces it, so an
 *   old URL stops working. Unique, as the token alone finds the user.
 * No new table: the existing row-level security policies cover the new columns.
 */
export class ImportKeysAndCalendarTokens1765400000000 implements MigrationInterface {
  name = 'ImportKeysAndCalendarTokens1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of IMPORTED_TABLES) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN external_key text
           CONSTRAINT ${table}_external_key_check CHECK (external_key IS NULL OR length(btrim(external_key)) BETWEEN 1 AND 200)`,
      );
      await q.query(
        `CREATE UNIQUE INDEX ${table}_external_key_idx ON ${table} (organization_id, external_key) WHERE external_key IS NOT NULL`,
      );
    }
    await q.query(`ALTER TABLE users ADD COLUMN calendar_token_hash text`);
    await q.query(
      `CREATE UNIQUE INDEX users_calendar_token_idx ON users (calendar_token_hash) WHERE calendar_token_hash IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_calendar_token_idx`);
    await q.query(`ALTER TABLE users DROP COLUMN calendar_token_hash`);
    for (const table of IMPORTED_TABLES) {
      await q.query(`DROP INDEX ${table}_external_key_idx`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN external_key`);
    }
  }
}
