import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Login throttling counters (rate-limiter-flexible's PostgreSQL layout), shared by every API process. */
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_attempts`);
  }
}
