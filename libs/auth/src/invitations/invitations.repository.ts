import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database';
import { SqlParams, type Role } from '@app/domain';

export interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  name: string | null;
  role: Role;
  client_ids: string[];
  expires_at: Date;
  invited_by: string | null;
  invited_by_name: string | null;
  sent_count: number;
  last_sent_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const COLUMNS = `i.id, i.organization_id, i.email, i.name, i.role, i.client_ids, i.expires_at, i.invited_by,
  (SELECT u.name FROM users u WHERE u.organization_id = i.organization_id AND u.id = i.invited_by) AS invited_by_name,
  i.sent_count, i.last_sent_at, i.accepted_at, i.revoked_at, i.created_at`;

/** Who an account manager reaches: the invitations they sent. Admins reach every invitation of the organization. */
function reach(inviterOnly: string | null, p: SqlParams): string {
  return inviterOnly ? ` AND i.invited_by = ${p.add(inviterOnly)}` : '';
}

/** Every SQL statement of invitations. Tenant methods take the organization; `findByToken` runs as a system task. */
@Injectable()
export class InvitationsRepository {
  /** The organization's own user with this address (a user of another organization is not visible here). */
  async memberWithEmail(tx: Queryable, organizationId: string, email: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM users WHERE organization_id = $1 AND lower(email) = $2`, [
      organizationId,
      email,
    ]);
    return rows.length > 0;
  }

  /** Whether any organization has a user with this address: only for the invitee's own link (system task). */
  async accountExists(tx: Queryable, email: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  async lockOpenForEmail(tx: Queryable, organizationId: string, email: string): Promise<InvitationRow | undefined> {
    const [row]: InvitationRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM invitations i
        WHERE i.organization_id = $1 AND lower(i.email) = $2 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
        FOR UPDATE`,
      [organizationId, email],
    );
    return row;
  }

  /** Of `clientIds`, those of the organization (and managed by `managerId` when given). */
  async clientsInReach(
    tx: Queryable,
    organizationId: string,
    clientIds: readonly string[],
    managerId: string | null,
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM clients WHERE organization_id = $1 AND id = ANY($2::uuid[])
         AND ($3::uuid IS NULL OR account_manager_id = $3::uuid)`,
      [organizationId, clientIds, managerId],
    );
    return rows.map((r) => r.id);
  }

  async organizationName(tx: Queryable, organizationId: string): Promise<string> {
    const [row]: Array<{ name: string }> = await tx.query(`SELECT name FROM organizations WHERE id = $1`, [
      organizationId,
    ]);
    return row?.name ?? '';
  }

  async userName(tx: Queryable, organizationId: string, userId: string): Promise<string | null> {
    const [row]: Array<{ name: string }> = await tx.query(
      `SELECT name FROM users WHERE organization_id = $1 AND id = $2`,
      [organizationId, userId],
    );
    return row?.name ?? null;
  }

  async insert(
    tx: Queryable,
    fields: {
      organizationId: string;
      email: string;
      name: string | null;
      role: Role;
      clientIds: readonly string[];
      tokenHash: string;
      expiresAt: Date;
      invitedBy: string;
      now: Date;
    },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO invitations (organization_id, email, name, role, client_ids, token_hash, expires_at, invited_by, last_sent_at, created_at)
       VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7, $8, $9, $9) RETURNING id`,
      [
        fields.organizationId,
        fields.email,
        fields.name,
        fields.role,
        fields.clientIds,
        fields.tokenHash,
        fields.expiresAt,
        fields.invitedBy,
        fields.now,
      ],
    );
    return row.id;
  }

  async get(
    tx: Queryable,
    organizationId: string,
    id: string,
    inviterOnly: string | null,
    lock = false,
  ): Promise<InvitationRow | undefined> {
    const p = new SqlParams();
    const [row]: InvitationRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM invitations i WHERE i.organization_id = ${p.add(organizationId)} AND i.id = ${p.add(id)}${reach(inviterOnly, p)}${lock ? ' FOR UPDATE OF i' : ''}`,
      p.values,
    );
    return row;
  }

  /** One page of open invitations (not accepted nor revoked), newest first, each row with the page's total. */
  async page(
    tx: Queryable,
    organizationId: string,
    query: { status: 'open' | 'pending' | 'expired'; limit: number; offset: number; order: 'asc' | 'desc' },
    inviterOnly: string | null,
    now: Date,
  ): Promise<Array<InvitationRow & { total: string }>> {
    const p = new SqlParams();
    const expiry =
      query.status === 'pending'
        ? ` AND i.expires_at > ${p.add(now)}`
        : query.status === 'expired'
          ? ` AND i.expires_at <= ${p.add(now)}`
          : '';
    return tx.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM invitations i
        WHERE i.organization_id = ${p.add(organizationId)} AND i.accepted_at IS NULL AND i.revoked_at IS NULL${expiry}${reach(inviterOnly, p)}
        ORDER BY i.created_at ${query.order === 'asc' ? 'ASC' : 'DESC'}, i.id
        LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
  }

  async renew(tx: Queryable, organizationId: string, id: string, tokenHash: string, expiresAt: Date, now: Date) {
    await tx.query(
      `UPDATE invitations SET token_hash = $3, expires_at = $4, sent_count = sent_count + 1, last_sent_at = $5
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, tokenHash, expiresAt, now],
    );
  }

  async revoke(tx: Queryable, organizationId: string, id: string, now: Date): Promise<void> {
    await tx.query(`UPDATE invitations SET revoked_at = $3 WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      id,
      now,
    ]);
  }

  async markAccepted(tx: Queryable, organizationId: string, id: string, userId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE invitations SET accepted_at = $4, accepted_user_id = $3 WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, userId, now],
    );
  }

  /** The invitation a link's token names, in any organization (system task `invitation`). */
  async findByToken(tx: Queryable, tokenHash: string): Promise<InvitationRow | undefined> {
    const [row]: InvitationRow[] = await tx.query(`SELECT ${COLUMNS} FROM invitations i WHERE i.token_hash = $1`, [
      tokenHash,
    ]);
    return row;
  }

  async lockByToken(tx: Queryable, organizationId: string, tokenHash: string): Promise<InvitationRow | undefined> {
    const [row]: InvitationRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM invitations i WHERE i.organization_id = $1 AND i.token_hash = $2 FOR UPDATE OF i`,
      [organizationId, tokenHash],
    );
    return row;
  }

  /** The invitation email: an outbox row of the inviting organization, to an address that may have no user yet. */
  async queueEmail(
    tx: Queryable,
    organizationId: string,
    recipient: { email: string; name: string | null },
    message: unknown,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, payload)
       VALUES ($1, 'invitation.sent', 'email', $2, $3, $4::jsonb) RETURNING id`,
      [organizationId, recipient.email, recipient.name, JSON.stringify(message)],
    );
    return row.id;
  }
}
