import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../shared/sql';
import type { ListUsersQueryDto } from './user.dto';
import { User } from './user.entity';

export type NewUser = Pick<User, 'email' | 'name' | 'role' | 'passwordHash' | 'timezone'>;

const SELECT_VIEW = `SELECT u.id, u.organization_id, u.email, u.name, u.role, u.timezone, u.disabled_at, u.created_at,
  ARRAY(SELECT g.client_id FROM client_grants g WHERE g.organization_id = u.organization_id AND g.user_id = u.id ORDER BY g.client_id) AS client_ids`;

@Injectable()
export class UsersRepository {
  /** Row-level security shows the current organization's users only; another organization's is caught by the unique index. */
  async emailInUse(tx: Queryable, email: string): Promise<boolean> {
    const existing: unknown[] = await tx.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
    return existing.length > 0;
  }

  async insert(tx: EntityManager, organizationId: string, fields: NewUser): Promise<User> {
    const users = tx.getRepository(User);
    return users.save(users.create({ organizationId, ...fields, disabledAt: null, tokenVersion: 0 }));
  }

  async getForUpdate(tx: EntityManager, organizationId: string, id: string): Promise<User | null> {
    return tx.getRepository(User).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes back a user read with getForUpdate (its organization is its own). */
  async save(tx: EntityManager, user: User): Promise<void> {
    await tx.getRepository(User).save(user);
  }

  /** One page of the organization's users by email, each row with the page's total. */
  async page(tx: Queryable, organizationId: string, query: ListUsersQueryDto): Promise<Array<Record<string, unknown>>> {
    const p = new SqlParams();
    const filter = userFilter(organizationId, query, p);
    return tx.query(
      `${SELECT_VIEW}, count(*) OVER () AS total ${filter}
        ORDER BY lower(u.email) ${query.order === 'desc' ? 'DESC' : 'ASC'}, u.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
  }

  /** How many users the list's filter matches (needed only for a page past the end). */
  async count(tx: Queryable, organizationId: string, query: ListUsersQueryDto): Promise<number> {
    const p = new SqlParams();
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n ${userFilter(organizationId, query, p)}`,
      p.values,
    );
    return Number(row?.n ?? 0);
  }

  async view(tx: Queryable, organizationId: string, id: string): Promise<Record<string, unknown> | undefined> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `${SELECT_VIEW} FROM users u WHERE u.organization_id = $1 AND u.id = $2`,
      [organizationId, id],
    );
    return rows[0];
  }

  /** Serialises admin removals per organization: two admins demoting each other cannot both see the other remain. */
  async lockOrganization(tx: Queryable, organizationId: string): Promise<void> {
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
  }

  async countOtherActiveAdmins(tx: Queryable, organizationId: string, exceptId: string): Promise<number> {
    const rows: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n FROM users WHERE organization_id = $1 AND role = 'admin' AND disabled_at IS NULL AND id <> $2`,
      [organizationId, exceptId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async grantedClientIds(tx: Queryable, organizationId: string, userId: string): Promise<string[]> {
    const rows: Array<{ client_id: string }> = await tx.query(
      `SELECT client_id FROM client_grants WHERE organization_id = $1 AND user_id = $2`,
      [organizationId, userId],
    );
    return rows.map((r) => r.client_id);
  }

  /** Which of `clientIds` are clients of the organization. */
  async existingClientIds(tx: Queryable, organizationId: string, clientIds: readonly string[]): Promise<string[]> {
    const found: Array<{ id: string }> = await tx.query(
      `SELECT id FROM clients WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, clientIds],
    );
    return found.map((f) => f.id);
  }

  async deleteGrants(tx: Queryable, organizationId: string, userId: string): Promise<void> {
    await tx.query(`DELETE FROM client_grants WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId]);
  }

  async insertGrants(
    tx: Queryable,
    organizationId: string,
    userId: string,
    clientIds: readonly string[],
  ): Promise<void> {
    await tx.query(
      `INSERT INTO client_grants (organization_id, user_id, client_id) SELECT $1, $2, unnest($3::uuid[])`,
      [organizationId, userId, clientIds],
    );
  }

  async revokeRefreshTokens(tx: Queryable, organizationId: string, userId: string): Promise<void> {
    await tx.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [organizationId, userId],
    );
  }

  /**
   * A disabled person receives nothing, not even what was written for them before: their emails still waiting in the
   * outbox (for their user or at their address, e.g. an executive profile's) fail with the reason. One already
   * in a sender's hands may still go out. A password reset's link is dropped with it.
   */
  async failPendingEmails(tx: Queryable, organizationId: string, userId: string, failedAt: Date): Promise<void> {
    await tx.query(
      `UPDATE outbox o SET status = 'failed', failed_at = $3, claimed_until = NULL,
              last_error = 'The recipient''s account was disabled before delivery',
              payload = CASE WHEN o.event = 'auth.password_reset' THEN '{}'::jsonb ELSE o.payload END
         FROM users u
        WHERE u.organization_id = $1 AND u.id = $2
          AND o.organization_id = $1 AND o.channel = 'email' AND o.status = 'pending'
          AND (o.recipient_user_id = u.id OR lower(o.recipient_email) = lower(u.email))`,
      [organizationId, userId, failedAt],
    );
  }
}

function userFilter(organizationId: string, query: ListUsersQueryDto, p: SqlParams): string {
  const where = [`u.organization_id = ${p.add(organizationId)}`];
  if (query.role) where.push(`u.role = ${p.add(query.role)}`);
  if (query.status) where.push(query.status === 'active' ? 'u.disabled_at IS NULL' : 'u.disabled_at IS NOT NULL');
  return `FROM users u WHERE ${where.join(' AND ')}`;
}
