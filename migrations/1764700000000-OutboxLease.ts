import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery becomes at least once: a sender claims a row by taking a short lease (`claimed_until`), sends, then marks
 * it sent; a sender that dies leaves the lease to run out and the row is sent again, with the same Message-ID.
 *
 * Existing rows keep a truthful status. Rows already 'sent' or 'failed' stay so. A 'pending' row with
 * `handed_over_at` set was handed to the mail server by a sender that stopped before the server's reply, so
 * nobody knows whether it arrived: it stays pending and will be sent again, a copy the recipient's mail system can
 * recognise by its Message-ID (`<outbox id@throughline>`); its last_error says so.
 */
export class OutboxLease1764700000000 implements MigrationInterface {
  name = 'OutboxLease1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN claimed_until timestamptz`);
    await queryRunner.query(
      `UPDATE outbox SET last_error = 'Handed to the mail server before its sender stopped, never confirmed: sent again (a second copy, if any, has the same Message-ID)'
        WHERE status = 'pending' AND handed_over_at IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN handed_over_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Which pending rows had been handed over is not known any more: none is marked so.
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN handed_over_at timestamptz`);
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN claimed_until`);
  }
}
