import type { Queryable } from '@app/database';
import { Injectable } from '@nestjs/common';

export interface PendingSignupRow {
  id: string;
  email: string;
  organization_name: string;
  name: string;
  timezone: string | null;
  password_hash: string;
}

/**
 * Pending sign-ups and their emails. A pending sign-up belongs to no organization: every method here runs as the
 * system task `signup` (row-level security lets nothing else reach `pending_signups`).
 */
@Injectable()
export class SignupRepository {
  async findAccount(
    tx: Queryable,
    email: string,
  ): Promise<
    { id: string; organization_id: string; name: string; email: string; disabled_at: Date | null } | undefined
  > {
    const [user] = await tx.query(
      `SELECT id, organization_id, name, email, disabled_at FROM users WHERE lower(email) = $1`,
      [email],
    );
    return user;
  }

  async insertPending(
    tx: Queryable,
    fields: Omit<PendingSignupRow, 'id'> & { token_hash: string; expires_at: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO pending_signups (email, organization_name, name, timezone, password_hash, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        fields.email,
        fields.organization_name,
        fields.name,
        fields.timezone,
        fields.password_hash,
        fields.token_hash,
        fields.expires_at,
      ],
    );
  }

  /** Uses the token up, if it is unused and unexpired at `now`: single use even under concurrent requests. */
  async useToken(tx: Queryable, tokenHash: string, now: Date): Promise<PendingSignupRow | undefined> {
    const [rows]: [PendingSignupRow[], number] = await tx.query(
      `UPDATE pending_signups SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING id, email, organization_name, name, timezone, password_hash`,
      [tokenHash, now],
    );
    return rows[0];
  }

  /** Gives a used-up token back when creating its organization failed for a reason that was not its fault. */
  async releaseToken(tx: Queryable, id: string): Promise<void> {
    await tx.query(`UPDATE pending_signups SET used_at = NULL WHERE id = $1`, [id]);
  }

  /** The verification email: an outbox row of no organization (there is none yet). */
  async queueVerificationEmail(
    tx: Queryable,
    recipient: { email: string; name: string },
    message: unknown,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, payload)
       VALUES (NULL, 'auth.signup_verify', 'email', $1, $2, $3::jsonb) RETURNING id`,
      [recipient.email, recipient.name, JSON.stringify(message)],
    );
    return row.id;
  }

  /** "You already have an account": belongs to that account's organization, like a password reset email. */
  async queueExistingAccountEmail(
    tx: Queryable,
    user: { id: string; organization_id: string; email: string; name: string },
    message: unknown,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, recipient_user_id, payload)
       VALUES ($1, 'auth.signup_existing', 'email', $2, $3, $4, $5::jsonb) RETURNING id`,
      [user.organization_id, user.email, user.name, user.id, JSON.stringify(message)],
    );
    return row.id;
  }
}
