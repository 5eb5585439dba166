import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a sender handed an email's last byte to the mail server: a crashed sender's row is not mailed twice. */
export class OutboxHandOver1764600000000 implements MigrationInterface {
  name = 'OutboxHandOver1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN handed_over_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN handed_over_at`);
  }
}
