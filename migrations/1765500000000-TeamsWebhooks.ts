import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Microsoft Teams as a third webhook format beside JSON and Slack (issue 19, item 6). */
export class TeamsWebhooks1765500000000 implements MigrationInterface {
  name = 'TeamsWebhooks1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhooks DROP CONSTRAINT webhooks_format_check`);
    await q.query(
      `ALTER TABLE webhooks ADD CONSTRAINT webhooks_format_check CHECK (format IN ('json','slack','teams'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE webhooks SET format = 'json' WHERE format = 'teams'`);
    await q.query(`ALTER TABLE webhooks DROP CONSTRAINT webhooks_format_check`);
    await q.query(`ALTER TABLE webhooks ADD CONSTRAINT webhooks_format_check CHECK (format IN ('json','slack'))`);
  }
}
