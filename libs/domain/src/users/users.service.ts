import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { hashPassword } from './password';
import { ClientGrant, User, type Role } from './user.entity';
import type { ClientGrantsDto, CreateUserDto, ListUsersQueryDto, UpdateProfileDto, UserView } from './user.dto';

@Injectable()
export class UsersService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly audit: AuditService, private readonly clock: Clock) {}

  async create(actor: Actor, input: CreateUserDto): Promise<UserView> {
    this.access.permit(actor, 'users.manage', 'manage users');
    if (input.clientIds?.length && input.role !== 'client_viewer') {
      throw new InvalidInput('USER.GRANTS_ONLY_FOR_CLIENT_VIEWERS', 'clientIds can only be granted to client_viewer users');
    }
    const passwordHash = await hashPassword(input.password);
    const id = await this.db.transaction(async (tx) => {
      const user = await this.insertUser(tx, actor.organizationId, { ...input, passwordHash });
      if (input.clientIds?.length) await this.replaceGrants(tx, actor.organizationId, user.id, input.clientIds);
      await this.audit.record(tx, actor, 'user.created', 'user', user.id, null, { ...user, clientIds: input.clientIds ?? [] });
      return user.id;
    });
    return this.get(actor, id);
  }

  /** Also used by sign-up and the demo seed: the one place a users row is written. */
  async insertUser(
    tx: EntityManager,
    organizationId: string,
    input: { email: string; name: string; role: Role; passwordHash: string; timezone?: string | null },
  ): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const taken = () => new Conflict('USER.EMAIL_TAKEN', `A user with email ${email} already exists`);
    // Row-level security shows this organization's users only; another organization's is caught by the unique index.
    const existing: unknown[] = await tx.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
    if (existing[0]) throw taken();
    try {
      return await tx.getRepository(User).save(tx.getRepository(User).create({
        organizationId, email, name: input.name.trim(), role: input.role, passwordHash: input.passwordHash,
        timezone: input.timezone ?? null, disabledAt: null, tokenVersion: 0,
      }));
    } catch (error) {
      const cause = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (cause?.code === '23505' && cause.constraint === 'users_email_key') throw taken();
      throw error;
    }
  }

  async list(actor: Actor, query: ListUsersQueryDto): Promise<Page<UserView>> {
    this.access.permit(actor, 'users.manage', 'manage users');
    const p = new SqlParams();
    const where = [`u.organization_id = ${p.add(actor.organizationId)}`];
    if (query.role) where.push(`u.role = ${p.add(query.role)}`);
    if (query.status) where.push(query.status === 'active' ? 'u.disabled_at IS NULL' : 'u.disabled_at IS NOT NULL');
    const filter = `FROM users u WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const rows: UserRow[] = await this.db.reader.query(
      `${SELECT_VIEW}, count(*) OVER () AS total ${filter}
        ORDER BY lower(u.email) ${query.order === 'desc' ? 'DESC' : 'ASC'}, u.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
    const total = await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n ${filter}`, countParams);
    return { items: rows.map(toView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    if (id !== actor.userId) this.access.permit(actor, 'users.manage', 'manage users');
    return this.getInOrganization(actor.organizationId, id);
  }

  async getInOrganization(organizationId: string, id: string): Promise<UserView> {
    const rows: UserRow[] = await this.db.reader.query(`${SELECT_VIEW} FROM users u WHERE u.organization_id = $1 AND u.id = $2`, [organizationId, id]);
    if (!rows[0]) throw new NotFound('User', id);
    return toView(rows[0]);
  }

  /** The caller's own name and timezone; nothing else about a user is self-service. */
  async updateProfile(actor: Actor, input: UpdateProfileDto): Promise<UserView> {
    await this.db.transaction(async (tx) => {
      const user = await this.lock(tx, actor.organizationId, actor.userId);
      const before = { name: user.name, timezone: user.timezone };
      if (input.name !== undefined) user.name = input.name.trim();
      if (input.timezone !== undefined) user.timezone = input.timezone;
      await tx.getRepository(User).save(user);
      await this.audit.record(tx, actor, 'user.profile_updated', 'user', actor.userId, before, { name: user.name, timezone: user.timezone });
    });
    return this.getInOrganization(actor.organizationId, actor.userId);
  }

  async changeRole(actor: Actor, id: string, role: Role): Promise<UserView> {
    this.access.permit(actor, 'users.manage', 'manage users');
    await this.db.transaction(async (tx) => {
      const user = await this.lock(tx, actor.organizationId, id);
      if (user.role === role) return;
      if (user.role === 'admin') await this.assertAnotherAdmin(tx, actor.organizationId, id);
      const before = { ...user };
      user.role = role;
      // A new role invalidates tokens minted for the old one.
      user.tokenVersion += 1;
      await tx.getRepository(User).save(user);
      if (role !== 'client_viewer') await tx.getRepository(ClientGrant).delete({ organizationId: actor.organizationId, userId: id });
      await this.audit.record(tx, actor, 'user.role_changed', 'user', id, before, user);
    });
    return this.get(actor, id);
  }

  async setClientGrants(actor: Actor, id: string, input: ClientGrantsDto): Promise<UserView> {
    this.access.permit(actor, 'users.manage', 'manage users');
    await this.db.transaction(async (tx) => {
      const user = await this.lock(tx, actor.organizationId, id);
      if (user.role !== 'client_viewer') throw new RuleViolation('USER.GRANTS_ONLY_FOR_CLIENT_VIEWERS', 'Client grants apply to client_viewer users only');
      const before: Array<{ client_id: string }> = await tx.query(`SELECT client_id FROM client_grants WHERE organization_id = $1 AND user_id = $2`, [actor.organizationId, id]);
      await this.replaceGrants(tx, actor.organizationId, id, input.clientIds);
      await this.audit.record(tx, actor, 'user.grants_changed', 'user', id, { clientIds: before.map((b) => b.client_id) }, { clientIds: input.clientIds });
    });
    return this.get(actor, id);
  }

  async setDisabled(actor: Actor, id: string, disabled: boolean): Promise<UserView> {
    this.access.permit(actor, 'users.manage', 'manage users');
    if (disabled && id === actor.userId) throw new RuleViolation('USER.CANNOT_DISABLE_SELF', 'You cannot disable your own account');
    await this.db.transaction(async (tx) => {
      const user = await this.lock(tx, actor.organizationId, id);
      if (disabled === (user.disabledAt !== null)) return;
      if (disabled && user.role === 'admin') await this.assertAnotherAdmin(tx, actor.organizationId, id);
      const before = { ...user };
      user.disabledAt = disabled ? this.clock.now() : null;
      user.tokenVersion += 1;
      await tx.getRepository(User).save(user);
      if (disabled) await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [actor.organizationId, id]);
      await this.audit.record(tx, actor, disabled ? 'user.disabled' : 'user.enabled', 'user', id, before, user);
    });
    return this.get(actor, id);
  }

  private async lock(tx: EntityManager, organizationId: string, id: string): Promise<User> {
    const user = await tx.getRepository(User).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFound('User', id);
    return user;
  }

  private async assertAnotherAdmin(tx: EntityManager, organizationId: string, exceptId: string): Promise<void> {
    // Serialises admin removals per organization: two admins demoting each other cannot both see the other remain.
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
    const rows: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n FROM users WHERE organization_id = $1 AND role = 'admin' AND disabled_at IS NULL AND id <> $2`,
      [organizationId, exceptId],
    );
    if (Number(rows[0]?.n ?? 0) === 0) throw new RuleViolation('USER.LAST_ADMIN', 'The organization must keep at least one active admin');
  }

  private async replaceGrants(tx: EntityManager, organizationId: string, userId: string, clientIds: string[]): Promise<void> {
    if (clientIds.length) {
      const found: Array<{ id: string }> = await tx.query(`SELECT id FROM clients WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, clientIds]);
      const missing = clientIds.filter((c) => !found.some((f) => f.id === c));
      if (missing.length) throw new InvalidInput('USER.CLIENT_INVALID', `Not clients of this organization: ${missing.join(', ')}`);
    }
    await tx.query(`DELETE FROM client_grants WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId]);
    if (clientIds.length) {
      await tx.query(
        `INSERT INTO client_grants (organization_id, user_id, client_id) SELECT $1, $2, unnest($3::uuid[])`,
        [organizationId, userId, clientIds],
      );
    }
  }
}

type UserRow = Record<string, unknown>;

const SELECT_VIEW = `SELECT u.id, u.organization_id, u.email, u.name, u.role, u.timezone, u.disabled_at, u.created_at,
  ARRAY(SELECT g.client_id FROM client_grants g WHERE g.organization_id = u.organization_id AND g.user_id = u.id ORDER BY g.client_id) AS client_ids`;

function toView(r: UserRow): UserView {
  return {
    id: r.id as string, organizationId: r.organization_id as string, email: r.email as string, name: r.name as string, role: r.role as Role,
    timezone: (r.timezone as string | null) ?? null, disabled: r.disabled_at !== null, clientIds: (r.client_ids as string[]) ?? [],
    createdAt: (r.created_at as Date).toISOString(),
  };
}
