import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import type { Role } from '../users/user.entity';

export interface SsoConfigRow {
  organization_id: string;
  enabled: boolean;
  issuer: string;
  client_id: string;
  client_secret_encrypted: string;
  allowed_domains: string[];
  default_role: Role;
}

export interface SsoLoginRow {
  id: string;
  organization_id: string;
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  expires_at: Date;
  used_at: Date | null;
}

export interface SsoUserRow {
  id: string;
  organization_id: string;
  disabled_at: Date | null;
  token_version: number;
}

const CONFIG = `organization_id, enabled, issuer, client_id, client_secret_encrypted, allowed_domains, default_role`;

/**
 * Single sign-on: each organization's IdP and the sign-ins under way. Each method is one statement. An email domain
 * and a `state` name no organization: those lookups run as the system, the rest in the organization's scope.
 */
@Injectable()
export class SsoRepository {
  async config(tx: Queryable, organizationId: string): Promise<SsoConfigRow | undefined> {
    const [row]: SsoConfigRow[] = await tx.query(`SELECT ${CONFIG} FROM organization_sso WHERE organization_id = $1`, [
      organizationId,
    ]);
    return row;
  }

  async upsert(tx: Queryable, row: SsoConfigRow): Promise<void> {
    await tx.query(
      `INSERT INTO organization_sso (${CONFIG}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organization_id) DO UPDATE SET enabled = $2, issuer = $3, client_id = $4,
         client_secret_encrypted = $5, allowed_domains = $6, default_role = $7, updated_at = now()`,
      [
        row.organization_id,
        row.enabled,
        row.issuer,
        row.client_id,
        row.client_secret_encrypted,
        row.allowed_domains,
        row.default_role,
      ],
    );
  }

  /** The organization's domains become exactly these; a domain of another organization fails with 23505. */
  async replaceDomains(tx: Queryable, organizationId: string, domains: string[]): Promise<void> {
    await tx.query(`DELETE FROM sso_domains WHERE organization_id = $1`, [organizationId]);
    await tx.query(`INSERT INTO sso_domains (domain, organization_id) SELECT unnest($2::text[]), $1`, [
      organizationId,
      domains,
    ]);
  }

  /** Run as the system: the organization that signs in this email domain. */
  async organizationForDomain(tx: Queryable, domain: string): Promise<string | undefined> {
    const [row]: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM sso_domains WHERE domain = $1`,
      [domain],
    );
    return row?.organization_id;
  }

  async insertLogin(
    tx: Queryable,
    row: {
      organizationId: string;
      stateHash: string;
      browserHash: string;
      nonce: string;
      codeVerifier: string;
      expiresAt: Date;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO sso_logins (organization_id, state_hash, browser_hash, nonce, code_verifier, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.organizationId, row.stateHash, row.browserHash, row.nonce, row.codeVerifier, row.expiresAt],
    );
  }

  /** Run as the system. */
  async loginOwner(tx: Queryable, stateHash: string): Promise<string | undefined> {
    const [row]: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM sso_logins WHERE state_hash = $1`,
      [stateHash],
    );
    return row?.organization_id;
  }

  /** In the owner's scope: the sign-in, locked, so two callbacks with one state take turns. */
  async lockLogin(tx: Queryable, stateHash: string): Promise<SsoLoginRow | undefined> {
    const [row]: SsoLoginRow[] = await tx.query(
      `SELECT id, organization_id, browser_hash, nonce, code_verifier, expires_at, used_at
         FROM sso_logins WHERE state_hash = $1 FOR UPDATE`,
      [stateHash],
    );
    return row;
  }

  async markLoginUsed(tx: Queryable, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE sso_logins SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  async deleteExpiredLogins(tx: Queryable, organizationId: string, before: Date): Promise<void> {
    await tx.query(`DELETE FROM sso_logins WHERE organization_id = $1 AND expires_at < $2`, [organizationId, before]);
  }

  async userByEmail(tx: Queryable, organizationId: string, email: string): Promise<SsoUserRow | undefined> {
    const [row]: SsoUserRow[] = await tx.query(
      `SELECT id, organization_id, disabled_at, token_version FROM users WHERE organization_id = $1 AND lower(email) = $2`,
      [organizationId, email.toLowerCase()],
    );
    return row;
  }

  /** Run as the system: whether another organization has a user with this email (logins are global by email). */
  async emailTakenElsewhere(tx: Queryable, organizationId: string, email: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM users WHERE lower(email) = $1 AND organization_id <> $2 LIMIT 1`,
      [email.toLowerCase(), organizationId],
    );
    return rows.length > 0;
  }

  async insertUser(
    tx: Queryable,
    organizationId: string,
    user: { email: string; name: string; role: Role; passwordHash: string },
  ): Promise<SsoUserRow> {
    const [row]: SsoUserRow[] = await tx.query(
      `INSERT INTO users (organization_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, organization_id, disabled_at, token_version`,
      [organizationId, user.email, user.name, user.role, user.passwordHash],
    );
    return row;
  }
}
