import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS_BEFORE = `'alert.raised','alert.escalated','alerts.batch','webhook.disabled','digest.weekly','auth.password_reset','auth.signup_verify','auth.signup_existing','invitation.sent','check_in.reminder'`;

/** The client pulse question by email (issue 18): a new outbox event (after the check-in reminder's, 1766100000000). */
export class PulseEmail1766220000000 implements MigrationInterface {
  name = 'PulseEmail1766220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE},'pulse.requested'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE event = 'pulse.requested'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE}))`);
  }
}
