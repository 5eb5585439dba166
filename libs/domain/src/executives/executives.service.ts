import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { Actor } from '../shared/actor';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { totalFromPage, type Page } from '../shared/pagination';
import { Executive } from './executive.entity';
import type { CreateExecutiveDto, ExecutiveView, ListExecutivesQueryDto, UpdateExecutiveDto } from './executive.dto';
import { ExecutivesRepository } from './executives.repository';

@Injectable()
export class ExecutivesService {
  constructor(
    private readonly db: Db,
    private readonly executives: ExecutivesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(actor: Actor, input: CreateExecutiveDto): Promise<ExecutiveView> {
    this.access.permit(actor, 'executives.write', 'create executives');
    return this.idempotency.transaction(async (tx) => {
      if (input.userId) await this.assertLinkableUser(tx, actor.organizationId, input.userId, null);
      const saved = await this.executives.insert(tx, actor.organizationId, {
        name: input.name.trim(),
        email: input.email.toLowerCase(),
        functions: input.functions,
        userId: input.userId ?? null,
      });
      await this.audit.record(tx, actor, 'executive.created', 'executive', saved.id, null, saved);
      return toExecutiveView(saved);
    });
  }

  async list(actor: Actor, query: ListExecutivesQueryDto): Promise<Page<ExecutiveView>> {
    this.access.permit(actor, 'executives.read', 'list executives');
    const rows = await this.executives.listVisible(this.db.reader, actor, query);
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        email: r.email as string,
        functions: r.functions as Executive['functions'],
        userId: (r.user_id as string | null) ?? null,
        createdAt: (r.created_at as Date).toISOString(),
      })),
      total: totalFromPage(rows, query.offset) ?? (await this.executives.countVisible(this.db.reader, actor, query)),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(actor: Actor, id: string): Promise<ExecutiveView> {
    this.access.permit(actor, 'executives.read', 'read executives');
    if (actor.role === 'executive' && !actor.executiveIds.includes(id)) throw new NotFound('Executive', id);
    const found = await this.db.transaction((tx) =>
      tx.getRepository(Executive).findOne({ where: { organizationId: actor.organizationId, id } }),
    );
    if (!found) throw new NotFound('Executive', id);
    return toExecutiveView(found);
  }

  async update(actor: Actor, id: string, input: UpdateExecutiveDto): Promise<ExecutiveView> {
    this.access.permit(actor, 'executives.write', 'edit executives');
    return this.db.transaction(async (tx) => {
      const found = await this.executives.getForUpdate(tx, actor.organizationId, id);
      if (!found) throw new NotFound('Executive', id);
      const before = { ...found };
      if (input.userId) await this.assertLinkableUser(tx, actor.organizationId, input.userId, id);
      if (input.functions) {
        const used = await this.executives.functionsInOpenEngagements(tx, actor.organizationId, id, input.functions);
        if (used.length)
          throw new Conflict('EXECUTIVE.FUNCTION_IN_USE', `Open engagements still use function(s) ${used.join(', ')}`);
      }
      if (input.name !== undefined) found.name = input.name.trim();
      if (input.email !== undefined) found.email = input.email.toLowerCase();
      if (input.functions !== undefined) found.functions = input.functions;
      if (input.userId !== undefined) found.userId = input.userId;
      const saved = await this.executives.save(tx, found);
      await this.audit.record(tx, actor, 'executive.updated', 'executive', id, before, saved);
      return toExecutiveView(saved);
    });
  }

  private async assertLinkableUser(
    tx: EntityManager,
    organizationId: string,
    userId: string,
    executiveId: string | null,
  ): Promise<void> {
    const link = await this.executives.userLink(tx, organizationId, userId);
    if (!link || link.role !== 'executive')
      throw new InvalidInput(
        'EXECUTIVE.USER_INVALID',
        `userId ${userId} is not a user with role executive in this organization`,
      );
    if (link.linked && link.linked !== executiveId)
      throw new Conflict('EXECUTIVE.USER_ALREADY_LINKED', `User ${userId} is already linked to another executive`);
  }
}

export function toExecutiveView(x: Executive): ExecutiveView {
  return {
    id: x.id,
    name: x.name,
    email: x.email,
    functions: x.functions,
    userId: x.userId,
    createdAt: x.createdAt.toISOString(),
  };
}
