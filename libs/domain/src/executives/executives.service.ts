import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { orderBy, pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { Executive } from './executive.entity';
import type { CreateExecutiveDto, ExecutiveView, ListExecutivesQueryDto, UpdateExecutiveDto } from './executive.dto';

@Injectable()
export class ExecutivesService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly audit: AuditService) {}

  async create(actor: Actor, input: CreateExecutiveDto): Promise<ExecutiveView> {
    this.access.permit(actor, 'executives.write', 'create executives');
    return this.db.transaction(async (tx) => {
      if (input.userId) await this.assertLinkableUser(tx, actor.organizationId, input.userId, null);
      const saved = await tx.getRepository(Executive).save(tx.getRepository(Executive).create({
        organizationId: actor.organizationId,
        name: input.name.trim(),
        email: input.email.toLowerCase(),
        functions: input.functions,
        userId: input.userId ?? null,
      }));
      await this.audit.record(tx, actor, 'executive.created', 'executive', saved.id, null, saved);
      return toExecutiveView(saved);
    });
  }

  async list(actor: Actor, query: ListExecutivesQueryDto): Promise<Page<ExecutiveView>> {
    this.access.permit(actor, 'executives.read', 'list executives');
    const p = new SqlParams();
    const where = [`x.organization_id = ${p.add(actor.organizationId)}`];
    if (actor.role === 'executive') where.push(`x.id = ANY(${p.add(actor.executiveIds)}::uuid[])`);
    if (query.function) where.push(`${p.add(query.function)} = ANY(x.functions)`);
    if (query.search) where.push(`x.name ILIKE ${p.add(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const sort = query.sort === 'createdAt' ? 'x.created_at' : 'lower(x.name)';
    const filter = `FROM executives x WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(
      `SELECT x.*, count(*) OVER () AS total ${filter}
        ${orderBy(sort, query.order, 'x.id')} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
    return {
      items: rows.map((r) => ({
        id: r.id as string, name: r.name as string, email: r.email as string, functions: r.functions as Executive['functions'],
        userId: (r.user_id as string | null) ?? null, createdAt: (r.created_at as Date).toISOString(),
      })),
      total: await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n ${filter}`, countParams),
      limit: query.limit, offset: query.offset,
    };
  }

  async get(actor: Actor, id: string): Promise<ExecutiveView> {
    this.access.permit(actor, 'executives.read', 'read executives');
    if (actor.role === 'executive' && !actor.executiveIds.includes(id)) throw new NotFound('Executive', id);
    const found = await this.db.transaction((tx) => tx.getRepository(Executive).findOne({ where: { organizationId: actor.organizationId, id } }));
    if (!found) throw new NotFound('Executive', id);
    return toExecutiveView(found);
  }

  async update(actor: Actor, id: string, input: UpdateExecutiveDto): Promise<ExecutiveView> {
    this.access.permit(actor, 'executives.write', 'edit executives');
    return this.db.transaction(async (tx) => {
      const found = await tx.getRepository(Executive).findOne({ where: { organizationId: actor.organizationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new NotFound('Executive', id);
      const before = { ...found };
      if (input.userId) await this.assertLinkableUser(tx, actor.organizationId, input.userId, id);
      if (input.functions) {
        const used: Array<{ function: string }> = await tx.query(
          `SELECT DISTINCT function FROM engagements WHERE organization_id = $1 AND executive_id = $2 AND status IN ('proposed','active','paused') AND NOT (function = ANY($3::text[]))`,
          [actor.organizationId, id, input.functions],
        );
        if (used.length) throw new Conflict('EXECUTIVE.FUNCTION_IN_USE', `Open engagements still use function(s) ${used.map((u) => u.function).join(', ')}`);
      }
      if (input.name !== undefined) found.name = input.name.trim();
      if (input.email !== undefined) found.email = input.email.toLowerCase();
      if (input.functions !== undefined) found.functions = input.functions;
      if (input.userId !== undefined) found.userId = input.userId;
      const saved = await tx.getRepository(Executive).save(found);
      await this.audit.record(tx, actor, 'executive.updated', 'executive', id, before, saved);
      return toExecutiveView(saved);
    });
  }

  private async assertLinkableUser(tx: EntityManager, organizationId: string, userId: string, executiveId: string | null): Promise<void> {
    const rows: Array<{ role: string; linked: string | null }> = await tx.query(
      `SELECT u.role, x.id AS linked FROM users u LEFT JOIN executives x ON x.user_id = u.id WHERE u.organization_id = $1 AND u.id = $2`,
      [organizationId, userId],
    );
    if (!rows[0] || rows[0].role !== 'executive') throw new InvalidInput('EXECUTIVE.USER_INVALID', `userId ${userId} is not a user with role executive in this organization`);
    if (rows[0].linked && rows[0].linked !== executiveId) throw new Conflict('EXECUTIVE.USER_ALREADY_LINKED', `User ${userId} is already linked to another executive`);
  }
}

export function toExecutiveView(x: Executive): ExecutiveView {
  return { id: x.id, name: x.name, email: x.email, functions: x.functions, userId: x.userId, createdAt: x.createdAt.toISOString() };
}
