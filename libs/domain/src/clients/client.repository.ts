import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../shared/actor';
import { orderBy, pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { Client } from './client.entity';
import type { ListClientsQueryDto } from './client.dto';

export type NewClient = Pick<Client, 'name' | 'industry' | 'stage' | 'status' | 'accountManagerId'>;

@Injectable()
export class ClientRepository {
  constructor(private readonly access: AccessService) {}

  async insert(tx: EntityManager, organizationId: string, fields: NewClient): Promise<Client> {
    const clients = tx.getRepository(Client);
    return clients.save(clients.create({ organizationId, ...fields }));
  }

  /** Writes back a client read with getForUpdate (its organization is its own). */
  async save(tx: EntityManager, client: Client): Promise<Client> {
    return tx.getRepository(Client).save(client);
  }

  /** An enabled admin or account manager of the organization: who may manage a client's account. */
  async isActiveManager(tx: EntityManager, organizationId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM users WHERE organization_id = $1 AND id = $2 AND role IN ('admin','account_manager') AND disabled_at IS NULL`,
      [organizationId, userId],
    );
    return rows.length > 0;
  }

  async getForUpdate(tx: EntityManager, organizationId: string, id: string): Promise<Client | null> {
    return tx.getRepository(Client).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async get(tx: EntityManager, organizationId: string, id: string): Promise<Client | null> {
    return tx.getRepository(Client).findOne({ where: { organizationId, id } });
  }

  async listVisible(tx: EntityManager, actor: Actor, query: ListClientsQueryDto): Promise<Page<Client>> {
    const p = new SqlParams();
    const where = [this.access.clientScope(actor, 'c', p)];
    if (query.status) where.push(`c.status = ${p.add(query.status)}`);
    if (query.stage) where.push(`c.stage = ${p.add(query.stage)}`);
    if (query.search) where.push(`c.name ILIKE ${p.add(`%${query.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`);
    const sort = query.sort === 'createdAt' ? 'c.created_at' : 'lower(c.name)';
    const filter = `FROM clients c WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const rows: Array<{ id: string; total: string }> = await tx.query(
      `SELECT c.id, count(*) OVER () AS total ${filter}
        ${orderBy(sort, query.order, 'c.id')} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
    const ids = rows.map((r) => r.id);
    const clients = ids.length
      ? await tx.getRepository(Client).createQueryBuilder('c').where('c.id IN (:...ids)', { ids }).getMany()
      : [];
    const byId = new Map(clients.map((c) => [c.id, c]));
    const total = await pageTotal(tx, rows, query.offset, `SELECT count(*) AS n ${filter}`, countParams);
    return { items: ids.map((id) => byId.get(id)!), total, limit: query.limit, offset: query.offset };
  }
}
