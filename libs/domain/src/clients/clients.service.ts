import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { Actor } from '../shared/actor';
import { InvalidInput, NotFound } from '../shared/errors';
import type { Page } from '../shared/pagination';
import type { EntityManager } from 'typeorm';
import type { Client } from './client.entity';
import { ClientRepository } from './client.repository';
import type { ClientView, CreateClientDto, ListClientsQueryDto, UpdateClientDto } from './client.dto';

@Injectable()
export class ClientsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessService,
    private readonly clients: ClientRepository,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(actor: Actor, input: CreateClientDto): Promise<ClientView> {
    this.access.permit(actor, 'clients.write', 'create clients');
    return this.idempotency.transaction(async (tx) => {
      if (input.accountManagerId) await this.assertAccountManager(tx, actor.organizationId, input.accountManagerId);
      const saved = await this.clients.insert(tx, actor.organizationId, {
        name: input.name.trim(),
        industry: input.industry ?? null,
        stage: input.stage,
        status: input.status ?? 'active',
        accountManagerId: input.accountManagerId ?? null,
      });
      await this.audit.record(tx, actor, 'client.created', 'client', saved.id, null, saved);
      return toClientView(saved, actor);
    });
  }

  async list(actor: Actor, query: ListClientsQueryDto): Promise<Page<ClientView>> {
    const page = await this.db.transaction((tx) => this.clients.listVisible(tx, actor, query));
    return { ...page, items: page.items.map((c) => toClientView(c, actor)) };
  }

  async get(actor: Actor, id: string): Promise<ClientView> {
    await this.access.client(this.db.reader, actor, id);
    const client = await this.db.transaction((tx) => this.clients.get(tx, actor.organizationId, id));
    if (!client) throw new NotFound('Client', id);
    return toClientView(client, actor);
  }

  async update(actor: Actor, id: string, input: UpdateClientDto): Promise<ClientView> {
    this.access.permit(actor, 'clients.write', 'edit clients');
    return this.db.transaction(async (tx) => {
      const client = await this.clients.getForUpdate(tx, actor.organizationId, id);
      if (!client) throw new NotFound('Client', id);
      if (input.accountManagerId) await this.assertAccountManager(tx, actor.organizationId, input.accountManagerId);
      const before = { ...client };
      if (input.name !== undefined) client.name = input.name.trim();
      if (input.industry !== undefined) client.industry = input.industry;
      if (input.stage !== undefined) client.stage = input.stage;
      if (input.status !== undefined) client.status = input.status;
      if (input.accountManagerId !== undefined) client.accountManagerId = input.accountManagerId;
      const saved = await this.clients.save(tx, client);
      await this.audit.record(tx, actor, 'client.updated', 'client', id, before, saved);
      return toClientView(saved, actor);
    });
  }

  private async assertAccountManager(tx: EntityManager, organizationId: string, userId: string): Promise<void> {
    if (!(await this.clients.isActiveManager(tx, organizationId, userId)))
      throw new InvalidInput(
        'CLIENT.ACCOUNT_MANAGER_INVALID',
        `accountManagerId ${userId} is not an active admin or account manager of this organization`,
      );
  }
}

/** Client viewers do not see who manages their account at the firm (as in the portfolio). */
export function toClientView(c: Client, actor: Actor): ClientView {
  const view: ClientView = {
    id: c.id,
    name: c.name,
    industry: c.industry,
    stage: c.stage,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
  if (actor.role !== 'client_viewer') view.accountManagerId = c.accountManagerId;
  return view;
}
