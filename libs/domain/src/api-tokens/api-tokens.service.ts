import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { FieldNotAllowed, NotFound } from '../shared/errors';
import {
  API_TOKEN_LAST_USED_RESOLUTION_MS,
  expiryProblem,
  hashApiToken,
  hasApiTokenShape,
  lastUsedIsStale,
  newApiToken,
  tokenRefusal,
  type ApiTokenRefusal,
} from './api-token-rules';
import type { ApiTokenScope } from './api-token.entity';
import type { ApiTokenView, CreateApiTokenDto, CreatedApiTokenView } from './api-token.dto';
import { ApiTokensRepository, type ApiTokenRow } from './api-tokens.repository';

export type ApiTokenAuthentication =
  { ok: true; actor: Actor; tokenId: string; scope: ApiTokenScope } | { ok: false; refusal: ApiTokenRefusal };

/**
 * Personal API tokens: a user makes, lists and revokes their own. A token speaks for its user with exactly the
 * user's access as it is now (role, executives, client grants are read on every request), never more: `read`
 * narrows it to reads; a disabled user's tokens stop working, and so does an expired or revoked one.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly db: Db,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateApiTokenDto): Promise<CreatedApiTokenView> {
    const now = this.clock.now();
    const expiresAt = new Date(input.expiresAt);
    const problem = expiryProblem(expiresAt, now);
    if (problem) throw new FieldNotAllowed('expiresAt', `expiresAt ${problem}`);
    const token = newApiToken();
    return this.db.transaction(async (tx) => {
      const row = await this.tokens.insert(tx, actor.organizationId, actor.userId, {
        name: input.name.trim(),
        scope: input.scope,
        tokenHash: hashApiToken(token),
        expiresAt,
        createdAt: now,
      });
      const view = toView(row);
      await this.audit.record(tx, actor, 'api_token.created', 'api_token', row.id, null, view);
      return { ...view, token };
    });
  }

  async list(actor: Actor): Promise<ApiTokenView[]> {
    const rows = await this.tokens.listOwn(this.db.reader, actor.organizationId, actor.userId);
    return rows.map(toView);
  }

  /** Revoking a revoked token changes nothing; another user's token is not found, like a missing one. */
  async revoke(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.tokens.lockOwn(tx, actor.organizationId, actor.userId, id);
      if (!row) throw new NotFound('API token', id);
      if (row.revoked_at) return;
      const revoked = await this.tokens.revoke(tx, actor.organizationId, id, this.clock.now());
      await this.audit.record(tx, actor, 'api_token.revoked', 'api_token', id, toView(row), toView(revoked));
    });
  }

  /** Who a presented token speaks for, or why it does not. Notes the use (to the minute). */
  async authenticate(token: string): Promise<ApiTokenAuthentication> {
    if (!hasApiTokenShape(token)) return { ok: false, refusal: 'unknown' };
    const tokenHash = hashApiToken(token);
    // The token names no organization: its owner is a system lookup, everything after runs in that organization.
    const organizationId = await this.db.asSystem('api-token', () => this.tokens.ownerOf(this.db.reader, tokenHash));
    if (!organizationId) return { ok: false, refusal: 'unknown' };
    return this.db.forOrganization(organizationId, async () => {
      const row = await this.tokens.principal(this.db.reader, tokenHash);
      const now = this.clock.now();
      const refusal = tokenRefusal(
        row && { revokedAt: row.revoked_at, expiresAt: row.expires_at, userDisabledAt: row.disabled_at },
        now,
      );
      if (refusal || !row) return { ok: false, refusal: refusal ?? 'unknown' };
      if (lastUsedIsStale(row.last_used_at, now)) {
        const staleBefore = new Date(now.getTime() - API_TOKEN_LAST_USED_RESOLUTION_MS);
        await this.db.transaction((tx) => this.tokens.touch(tx, organizationId, row.token_id, now, staleBefore));
      }
      return {
        ok: true,
        tokenId: row.token_id,
        scope: row.scope,
        actor: {
          userId: row.user_id,
          organizationId: row.organization_id,
          role: row.role,
          email: row.email,
          executiveIds: row.executive_ids ?? [],
          clientIds: row.client_ids ?? [],
        },
      };
    });
  }
}

function toView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
