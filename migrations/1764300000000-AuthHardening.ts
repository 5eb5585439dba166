import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Login throttling counters (rate-limiter-flexible's PostgreSQL layout, shared by every API process) and password reset tokens. */
export class AuthHardening1764300000000 implements MigrationInterface {
  name = 'AuthHardening1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_attempts (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await queryRunner.query(`CREATE INDEX login_attempts_expire_idx ON login_attempts (expire)`);

    await queryRunner.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (organization_id, user_id)`,
    );
    await queryRunner.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await queryRunner.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN ('alert.raised','alert.escalated','alerts.batch','webhook.disabled','digest.weekly','auth.password_reset'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM outbox WHERE event = 'auth.password_reset'`);
    await queryRunner.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await queryRunner.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN ('alert.raised','alert.escalated','alerts.batch','webhook.disabled','digest.weekly'))`,
    );
    await queryRunner.query(`DROP TABLE password_reset_tokens`);
    await queryRunner.query(`DROP TABLE login_attempts`);
  }
}
