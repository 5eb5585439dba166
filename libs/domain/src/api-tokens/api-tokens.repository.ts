import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import type { Role } from '../users/user.entity';
import type { ApiTokenScope } from './api-token.entity';

export interface ApiTokenRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** A presented token with who it speaks for, as the database says now. */
export interface ApiTokenPrincipalRow {
  token_id: string;
  scope: ApiTokenScope;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  user_id: string;
  organization_id: string;
  role: Role;
  email: string;
  disabled_at: Date | null;
  executive_ids: string[];
  client_ids: string[];
}

const COLUMNS = `id, name, scope, created_at, expires_at, last_used_at, revoked_at`;

/**
 * Personal API tokens. Each method is one statement. A presented token names no organization: `ownerOf` runs as
 * the system, everything after it in the owner's tenant scope.
 */
@Injectable()
export class ApiTokensRepository {
  async insert(
    tx: Queryable,
    organizationId: string,
    userId: string,
    fields: { name: string; scope: ApiTokenScope; tokenHash: string; expiresAt: Date; createdAt: Date },
  ): Promise<ApiTokenRow> {
    const [row]: ApiTokenRow[] = await tx.query(
      `INSERT INTO api_tokens (organization_id, user_id, name, scope, token_hash, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [organizationId, userId, fields.name, fields.scope, fields.tokenHash, fields.expiresAt, fields.createdAt],
    );
    return row;
  }

  /** The user's own tokens, newest first. */
  async listOwn(tx: Queryable, organizationId: string, userId: string): Promise<ApiTokenRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM api_tokens WHERE organization_id = $1 AND user_id = $2 ORDER BY created_at DESC, id`,
      [organizationId, userId],
    );
  }

  async lockOwn(tx: Queryable, organizationId: string, userId: string, id: string): Promise<ApiTokenRow | undefined> {
    const [row]: ApiTokenRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM api_tokens WHERE organization_id = $1 AND user_id = $2 AND id = $3 FOR UPDATE`,
      [organizationId, userId, id],
    );
    return row;
  }

  async revoke(tx: Queryable, organizationId: string, id: string, at: Date): Promise<ApiTokenRow> {
    const [[row]]: [ApiTokenRow[]] = await tx.query(
      `UPDATE api_tokens SET revoked_at = $3 WHERE organization_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [organizationId, id, at],
    );
    return row;
  }

  /** Run as the system. */
  async ownerOf(tx: Queryable, tokenHash: string): Promise<string | undefined> {
    const [row]: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM api_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    return row?.organization_id;
  }

  /** In the owner's tenant scope. */
  async principal(tx: Queryable, tokenHash: string): Promise<ApiTokenPrincipalRow | undefined> {
    const [row]: ApiTokenPrincipalRow[] = await tx.query(
      `SELECT t.id AS token_id, t.scope, t.expires_at, t.last_used_at, t.revoked_at,
              u.id AS user_id, u.organization_id, u.role, u.email, u.disabled_at,
              ARRAY(SELECT x.id FROM executives x WHERE x.organization_id = u.organization_id AND x.user_id = u.id) AS executive_ids,
              ARRAY(SELECT g.client_id FROM client_grants g WHERE g.organization_id = u.organization_id AND g.user_id = u.id) AS client_ids
         FROM api_tokens t JOIN users u ON u.organization_id = t.organization_id AND u.id = t.user_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return row;
  }

  /** At most once a minute per token (the condition), so a burst of reads writes once. */
  async touch(tx: Queryable, organizationId: string, id: string, at: Date, staleBefore: Date): Promise<void> {
    await tx.query(
      `UPDATE api_tokens SET last_used_at = $3
        WHERE organization_id = $1 AND id = $2 AND (last_used_at IS NULL OR last_used_at <= $4)`,
      [organizationId, id, at, staleBefore],
    );
  }
}
