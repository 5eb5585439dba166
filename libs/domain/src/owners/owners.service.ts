import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { InvalidInput, NotFound } from '../shared/errors';
import { pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { Owner } from './owner.entity';
import type { CreateOwnerDto, ListOwnersQueryDto, OwnerView, UpdateOwnerDto } from './owner.dto';

@Injectable()
export class OwnersService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly audit: AuditService) {}

  async create(actor: Actor, input: CreateOwnerDto): Promise<OwnerView> {
    this.access.permit(actor, 'owners.write', 'create owners');
    return this.db.transaction(async (tx) => {
      const client: unknown[] = await tx.query(`SELECT 1 FROM clients WHERE organization_id = $1 AND id = $2`, [actor.organizationId, input.clientId]);
      if (!client[0]) throw new InvalidInput('OWNER.CLIENT_INVALID', `clientId ${input.clientId} is not a client of this organization`);
      if (input.userId) await this.assertUser(tx, actor.organizationId, input.userId);
      const saved = await tx.getRepository(Owner).save(tx.getRepository(Owner).create({
        organizationId: actor.organizationId,
        clientId: input.clientId,
        name: input.name.trim(),
        email: input.email?.toLowerCase() ?? null,
        title: input.title ?? null,
        userId: input.userId ?? null,
      }));
      await this.audit.record(tx, actor, 'owner.created', 'owner', saved.id, null, saved);
      return { ...toOwnerView(saved), activePriorities: 0 };
    });
  }

  async list(actor: Actor, query: ListOwnersQueryDto): Promise<Page<OwnerView>> {
    const p = new SqlParams();
    const where = [this.access.clientScope(actor, 'c', p)];
    if (query.clientId) where.push(`o.client_id = ${p.add(query.clientId)}`);
    const filter = `FROM owners o JOIN clients c ON c.organization_id = o.organization_id AND c.id = o.client_id WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(
      `SELECT o.*, count(*) OVER () AS total,
              (SELECT count(*) FROM priorities pr WHERE pr.organization_id = o.organization_id AND pr.owner_id = o.id AND pr.status = 'active') AS active_priorities
         ${filter}
        ORDER BY lower(o.name) ${query.order === 'desc' ? 'DESC' : 'ASC'}, o.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
    const total = await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n ${filter}`, countParams);
    return { items: rows.map(rowToOwnerView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<OwnerView> {
    const p = new SqlParams();
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(
      `SELECT o.*, (SELECT count(*) FROM priorities pr WHERE pr.organization_id = o.organization_id AND pr.owner_id = o.id AND pr.status = 'active') AS active_priorities
         FROM owners o JOIN clients c ON c.organization_id = o.organization_id AND c.id = o.client_id
        WHERE o.id = ${p.add(id)} AND ${this.access.clientScope(actor, 'c', p)}`,
      p.values,
    );
    if (!rows[0]) throw new NotFound('Owner', id);
    return rowToOwnerView(rows[0]);
  }

  async update(actor: Actor, id: string, input: UpdateOwnerDto): Promise<OwnerView> {
    this.access.permit(actor, 'owners.write', 'edit owners');
    await this.db.transaction(async (tx) => {
      const owner = await tx.getRepository(Owner).findOne({ where: { organizationId: actor.organizationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!owner) throw new NotFound('Owner', id);
      if (input.userId) await this.assertUser(tx, actor.organizationId, input.userId);
      const before = { ...owner };
      if (input.name !== undefined) owner.name = input.name.trim();
      if (input.email !== undefined) owner.email = input.email?.toLowerCase() ?? null;
      if (input.title !== undefined) owner.title = input.title;
      if (input.userId !== undefined) owner.userId = input.userId;
      const saved = await tx.getRepository(Owner).save(owner);
      await this.audit.record(tx, actor, 'owner.updated', 'owner', id, before, saved);
    });
    return this.get(actor, id);
  }

  private async assertUser(tx: EntityManager, organizationId: string, userId: string): Promise<void> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM users WHERE organization_id = $1 AND id = $2`, [organizationId, userId]);
    if (!rows[0]) throw new InvalidInput('OWNER.USER_INVALID', `userId ${userId} is not a user of this organization`);
  }
}

function toOwnerView(o: Owner): Omit<OwnerView, 'activePriorities'> {
  return { id: o.id, clientId: o.clientId, name: o.name, email: o.email, title: o.title, userId: o.userId };
}

function rowToOwnerView(r: Record<string, unknown>): OwnerView {
  return {
    id: r.id as string, clientId: r.client_id as string, name: r.name as string, email: (r.email as string | null) ?? null,
    title: (r.title as string | null) ?? null, userId: (r.user_id as string | null) ?? null, activePriorities: Number(r.active_priorities ?? 0),
  };
}
