import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { totalFromPage, type Page } from '../shared/pagination';
import { hashPassword } from './password';
import type { User, Role } from './user.entity';
import type { ClientGrantsDto, ListUsersQueryDto, UpdateProfileDto, UserView } from './user.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A user who followed an invitation (the only way the API creates one besides sign-up): the row, the grants of
   * the invitation's clients that still exist, and the audit event, in the caller's transaction.
   */
  async insertInvited(
    tx: EntityManager,
    organizationId: string,
    invitedBy: string | null,
    input: {
      email: string;
      name: string;
      role: Role;
      passwordHash: string;
      timezone?: string | null;
      clientIds: string[];
    },
  ): Promise<User> {
    const user = await this.insertUser(tx, organizationId, input);
    const clientIds =
      input.role === 'client_viewer' && input.clientIds.length
        ? await this.users.existingClientIds(tx, organizationId, input.clientIds)
        : [];
    if (clientIds.length) await this.users.insertGrants(tx, organizationId, user.id, clientIds);
    await this.audit.record(tx, { organizationId, userId: user.id }, 'user.created', 'user', user.id, null, {
      ...user,
      passwordHash: undefined,
      clientIds,
      invitedBy,
    });
    return user;
  }

  /** Also used by sign-up and the demo seed: the one place a users row is written. */
  async insertUser(
    tx: EntityManager,
    organizationId: string,
    input: { email: string; name: string; role: Role; passwordHash: string; timezone?: string | null },
  ): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const taken = () => new Conflict('USER.EMAIL_TAKEN', `A user with email ${email} already exists`);
    if (await this.users.emailInUse(tx, email)) throw taken();
    try {
      return await this.users.insert(tx, organizationId, {
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash: input.passwordHash,
        timezone: input.timezone ?? null,
      });
    } catch (error) {
      const cause = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (cause?.code === '23505' && cause.constraint === 'users_email_key') throw taken();
      throw error;
    }
  }

  async list(actor: Actor, query: ListUsersQueryDto): Promise<Page<UserView>> {
    this.access.permit(actor, 'users.manage', 'manage users');
    const rows = await this.users.page(this.db.reader, actor.organizationId, query);
    const total =
      totalFromPage(rows, query.offset) ?? (await this.users.count(this.db.reader, actor.organizationId, query));
    return { items: rows.map(toView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    if (id !== actor.userId) this.access.permit(actor, 'users.manage', 'manage users');
    return this.getInOrganization(actor.organizationId, id);
  }

  async getInOrganization(organizationId: string, id: string): Promise<UserView> {
    const row = await this.users.view(this.db.reader, organizationId, id);
    if (!row) throw new NotFound('User', id);
    return toView(row);
  }

  /** The caller's own name and timezone; nothing else about a user is self-service. */
  async updateProfile(actor: Actor, input: UpdateProfileDto): Promise<UserView> {
    await this.db.transaction(async (tx) => {
      const user = await this.lock(tx, actor.organizationId, actor.userId);
      const before = { name: user.name, timezone: user.timezone };
      if (input.name !== undefined) user.name = input.name.trim();
      if (input.timezone !== undefined) user.timezone = input.timezone;
      await this.users.save(tx, user);
      await this.audit.record(tx, actor, 'user.profile_updated', 'user', actor.userId, before, {
        name: user.name,
        timezone: user.timezone,
      });
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
      await this.users.save(tx, user);
      if (role !== 'client_viewer') await this.users.deleteGrants(tx, actor.organizationId, id);
      await this.audit.record(tx, actor, 'user.role_changed', 'user', id, before, user);
    });
    return this.get(actor, id);
  }

  async setClientGrants(actor: Actor, id: string, input: ClientGrantsDto): Promise<UserView> {
    this.access.permit(actor, 'users.manage', 'manage users');
    await this.db.transaction(async (tx) => {
      const user = await this.lock(tx, actor.organizationId, id);
      if (user.role !== 'client_viewer')
        throw new RuleViolation(
          'USER.GRANTS_ONLY_FOR_CLIENT_VIEWERS',
          'Client grants apply to client_viewer users only',
        );
      const before = await this.users.grantedClientIds(tx, actor.organizationId, id);
      await this.replaceGrants(tx, actor.organizationId, id, input.clientIds);
      await this.audit.record(
        tx,
        actor,
        'user.grants_changed',
        'user',
        id,
        { clientIds: before },
        { clientIds: input.clientIds },
      );
    });
    return this.get(actor, id);
  }

  async setDisabled(actor: Actor, id: string, disabled: boolean): Promise<UserView> {
    this.access.permit(actor, 'users.manage', 'manage users');
    if (disabled && id === actor.userId)
      throw new RuleViolation('USER.CANNOT_DISABLE_SELF', 'You cannot disable your own account');
    await this.db.transaction(async (tx) => {
      const user = await this.lock(tx, actor.organizationId, id);
      if (disabled === (user.disabledAt !== null)) return;
      if (disabled && user.role === 'admin') await this.assertAnotherAdmin(tx, actor.organizationId, id);
      const before = { ...user };
      user.disabledAt = disabled ? this.clock.now() : null;
      user.tokenVersion += 1;
      await this.users.save(tx, user);
      if (disabled) {
        await this.users.revokeRefreshTokens(tx, actor.organizationId, id);
        await this.users.failPendingEmails(tx, actor.organizationId, id, user.disabledAt!);
      }
      await this.audit.record(tx, actor, disabled ? 'user.disabled' : 'user.enabled', 'user', id, before, user);
    });
    return this.get(actor, id);
  }

  private async lock(tx: EntityManager, organizationId: string, id: string): Promise<User> {
    const user = await this.users.getForUpdate(tx, organizationId, id);
    if (!user) throw new NotFound('User', id);
    return user;
  }

  private async assertAnotherAdmin(tx: EntityManager, organizationId: string, exceptId: string): Promise<void> {
    await this.users.lockOrganization(tx, organizationId);
    if ((await this.users.countOtherActiveAdmins(tx, organizationId, exceptId)) === 0)
      throw new RuleViolation('USER.LAST_ADMIN', 'The organization must keep at least one active admin');
  }

  private async replaceGrants(
    tx: EntityManager,
    organizationId: string,
    userId: string,
    clientIds: string[],
  ): Promise<void> {
    if (clientIds.length) {
      const found = await this.users.existingClientIds(tx, organizationId, clientIds);
      const missing = clientIds.filter((c) => !found.includes(c));
      if (missing.length)
        throw new InvalidInput('USER.CLIENT_INVALID', `Not clients of this organization: ${missing.join(', ')}`);
    }
    await this.users.deleteGrants(tx, organizationId, userId);
    if (clientIds.length) await this.users.insertGrants(tx, organizationId, userId, clientIds);
  }
}

type UserRow = Record<string, unknown>;

function toView(r: UserRow): UserView {
  return {
    id: r.id as string,
    organizationId: r.organization_id as string,
    email: r.email as string,
    name: r.name as string,
    role: r.role as Role,
    timezone: (r.timezone as string | null) ?? null,
    disabled: r.disabled_at !== null,
    clientIds: (r.client_ids as string[]) ?? [],
    createdAt: (r.created_at as Date).toISOString(),
  };
}
