import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { Actor } from '../shared/actor';
import { InvalidInput, NotFound } from '../shared/errors';
import { totalFromPage, type Page } from '../shared/pagination';
import type { Owner } from './owner.entity';
import type { CreateOwnerDto, ListOwnersQueryDto, OwnerView, UpdateOwnerDto } from './owner.dto';
import { OwnersRepository } from './owners.repository';

@Injectable()
export class OwnersService {
  constructor(
    private readonly db: Db,
    private readonly owners: OwnersRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(actor: Actor, input: CreateOwnerDto): Promise<OwnerView> {
    this.access.permit(actor, 'owners.write', 'create owners');
    return this.idempotency.transaction(async (tx) => {
      if (!(await this.owners.clientExists(tx, actor.organizationId, input.clientId)))
        throw new InvalidInput(
          'OWNER.CLIENT_INVALID',
          `clientId ${input.clientId} is not a client of this organization`,
        );
      if (input.userId) await this.assertUser(tx, actor.organizationId, input.userId);
      const saved = await this.owners.insert(tx, actor.organizationId, {
        clientId: input.clientId,
        name: input.name.trim(),
        email: input.email?.toLowerCase() ?? null,
        title: input.title ?? null,
        userId: input.userId ?? null,
      });
      await this.audit.record(tx, actor, 'owner.created', 'owner', saved.id, null, saved);
      return { ...toOwnerView(saved), activePriorities: 0 };
    });
  }

  async list(actor: Actor, query: ListOwnersQueryDto): Promise<Page<OwnerView>> {
    const rows = await this.owners.listVisible(this.db.reader, actor, query);
    const total = totalFromPage(rows, query.offset) ?? (await this.owners.countVisible(this.db.reader, actor, query));
    return { items: rows.map(rowToOwnerView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<OwnerView> {
    const row = await this.owners.viewInReach(this.db.reader, actor, id);
    if (!row) throw new NotFound('Owner', id);
    return rowToOwnerView(row);
  }

  async update(actor: Actor, id: string, input: UpdateOwnerDto): Promise<OwnerView> {
    this.access.permit(actor, 'owners.write', 'edit owners');
    await this.db.transaction(async (tx) => {
      const owner = await this.owners.getForUpdate(tx, actor.organizationId, id);
      if (!owner) throw new NotFound('Owner', id);
      if (input.userId) await this.assertUser(tx, actor.organizationId, input.userId);
      const before = { ...owner };
      if (input.name !== undefined) owner.name = input.name.trim();
      if (input.email !== undefined) owner.email = input.email?.toLowerCase() ?? null;
      if (input.title !== undefined) owner.title = input.title;
      if (input.userId !== undefined) owner.userId = input.userId;
      const saved = await this.owners.save(tx, owner);
      await this.audit.record(tx, actor, 'owner.updated', 'owner', id, before, saved);
    });
    return this.get(actor, id);
  }

  private async assertUser(tx: EntityManager, organizationId: string, userId: string): Promise<void> {
    if (!(await this.owners.userExists(tx, organizationId, userId)))
      throw new InvalidInput('OWNER.USER_INVALID', `userId ${userId} is not a user of this organization`);
  }
}

function toOwnerView(o: Owner): Omit<OwnerView, 'activePriorities'> {
  return { id: o.id, clientId: o.clientId, name: o.name, email: o.email, title: o.title, userId: o.userId };
}

function rowToOwnerView(r: Record<string, unknown>): OwnerView {
  return {
    id: r.id as string,
    clientId: r.client_id as string,
    name: r.name as string,
    email: (r.email as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    activePriorities: Number(r.active_priorities ?? 0),
  };
}
