import type { Queryable } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Organization, User, type Role } from '@app/domain';

export interface RefreshTokenRow {
  id: string;
  organization_id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface ResetTokenRow {
  organization_id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
}

/** Who an access token speaks for, as the database says now. */
export interface PrincipalRow {
  id: string;
  organization_id: string;
  role: Role;
  email: string;
  disabled_at: Date | null;
  token_version: number;
  executive_ids: string[];
  client_ids: string[];
  session_open: boolean;
}

/**
 * Sessions, passwords and reset tokens. Each method is one statement. A token names no organization: the
 * `...Owner` lookups run as the system, and everything after them in the owner's tenant scope, where row-level
 * security confines the by-hash statements to that organization.
 */
@Injectable()
export class AuthRepository {
  async createOrganization(
    tx: EntityManager,
    fields: Pick<Organization, 'id' | 'name' | 'timezone' | 'settings' | 'isDemo'>,
  ): Promise<Organization> {
    const organizations = tx.getRepository(Organization);
    return organizations.save(organizations.create(fields));
  }

  async findUser(tx: EntityManager, organizationId: string, id: string): Promise<User | null> {
    return tx.getRepository(User).findOne({ where: { organizationId, id } });
  }

  async principal(
    tx: Queryable,
    organizationId: string,
    userId: string,
    sessionId: string,
  ): Promise<PrincipalRow | undefined> {
    const rows: PrincipalRow[] = await tx.query(
      `SELECT u.id, u.organization_id, u.role, u.email, u.disabled_at, u.token_version,
              ARRAY(SELECT x.id FROM executives x WHERE x.organization_id = u.organization_id AND x.user_id = u.id) AS executive_ids,
              ARRAY(SELECT g.client_id FROM client_grants g WHERE g.organization_id = u.organization_id AND g.user_id = u.id) AS client_ids,
              NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.organization_id = u.organization_id AND t.family_id = $3 AND t.revoked_at IS NOT NULL) AS session_open
         FROM users u WHERE u.id = $1 AND u.organization_id = $2`,
      [userId, organizationId, sessionId],
    );
    return rows[0];
  }

  /** Run as the system. */
  async refreshTokenOwner(tx: Queryable, tokenHash: string): Promise<string | undefined> {
    const [owner]: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    return owner?.organization_id;
  }

  /** In the owner's tenant scope. */
  async lockRefreshToken(tx: Queryable, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const rows: RefreshTokenRow[] = await tx.query(
      `SELECT id, organization_id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0];
  }

  /** In the owner's tenant scope; no lock (a successor looked up while its predecessor's row is locked). */
  async findRefreshToken(tx: Queryable, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const rows: RefreshTokenRow[] = await tx.query(
      `SELECT id, organization_id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0];
  }

  /** A token read with lockRefreshToken (its organization is its own). `usedAt` from the Clock: the grace window counts from it. */
  async markRefreshTokenUsed(tx: Queryable, id: string, usedAt: Date): Promise<void> {
    await tx.query(`UPDATE refresh_tokens SET used_at = $2 WHERE id = $1`, [id, usedAt]);
  }

  async refreshTokenFamily(
    tx: Queryable,
    organizationId: string,
    userId: string,
    tokenHash: string,
  ): Promise<string | undefined> {
    const rows: Array<{ family_id: string }> = await tx.query(
      `SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND organization_id = $2 AND user_id = $3`,
      [tokenHash, organizationId, userId],
    );
    return rows[0]?.family_id;
  }

  async revokeFamily(tx: Queryable, organizationId: string, familyId: string): Promise<void> {
    await tx.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE organization_id = $1 AND family_id = $2 AND revoked_at IS NULL`,
      [organizationId, familyId],
    );
  }

  /** Ends every session of the user. */
  async revokeUserSessions(tx: Queryable, organizationId: string, userId: string): Promise<void> {
    await tx.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [organizationId, userId],
    );
  }

  /** Also bumps the token version, so every access token already issued stops working. */
  async setPassword(tx: Queryable, organizationId: string, userId: string, passwordHash: string): Promise<void> {
    await tx.query(
      `UPDATE users SET password_hash = $3, token_version = token_version + 1, updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [organizationId, userId, passwordHash],
    );
  }

  async insertResetToken(
    tx: Queryable,
    organizationId: string,
    userId: string,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO password_reset_tokens (organization_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [organizationId, userId, tokenHash, expiresAt],
    );
  }

  /** The reset email's outbox row, delivered by the worker like every other email. */
  async queueResetEmail(
    tx: Queryable,
    organizationId: string,
    user: { id: string; email: string; name: string },
    message: unknown,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, recipient_user_id, payload)
       VALUES ($1, 'auth.password_reset', 'email', $2, $3, $4, $5::jsonb) RETURNING id`,
      [organizationId, user.email, user.name, user.id, JSON.stringify(message)],
    );
    return row.id;
  }

  /** Run as the system. */
  async resetTokenOwner(tx: Queryable, tokenHash: string): Promise<string | undefined> {
    const [owner]: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM password_reset_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    return owner?.organization_id;
  }

  /** In the owner's tenant scope. */
  async lockResetToken(tx: Queryable, tokenHash: string): Promise<ResetTokenRow | undefined> {
    const [row]: ResetTokenRow[] = await tx.query(
      `SELECT organization_id, user_id, expires_at, used_at FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return row;
  }

  async lockUserDisabledAt(
    tx: Queryable,
    organizationId: string,
    userId: string,
  ): Promise<{ disabled_at: Date | null } | undefined> {
    const [user]: Array<{ disabled_at: Date | null }> = await tx.query(
      `SELECT disabled_at FROM users WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, userId],
    );
    return user;
  }

  /** Uses up every outstanding reset token of the user. */
  async useUpResetTokens(tx: Queryable, organizationId: string, userId: string): Promise<void> {
    await tx.query(
      `UPDATE password_reset_tokens SET used_at = now() WHERE organization_id = $1 AND user_id = $2 AND used_at IS NULL`,
      [organizationId, userId],
    );
  }
}
