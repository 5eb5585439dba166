import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { clientScope } from '../access/access-scope';
import type { Actor } from '../shared/actor';
import { SqlParams } from '../shared/sql';
import type { ListOwnersQueryDto } from './owner.dto';
import { Owner } from './owner.entity';

export type NewOwner = Pick<Owner, 'clientId' | 'name' | 'email' | 'title' | 'userId'>;

const ACTIVE_PRIORITIES_SQL = `(SELECT count(*) FROM priorities pr WHERE pr.organization_id = o.organization_id AND pr.owner_id = o.id AND pr.status = 'active')`;

@Injectable()
export class OwnersRepository {
  async clientExists(tx: Queryable, organizationId: string, clientId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM clients WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      clientId,
    ]);
    return rows.length > 0;
  }

  async userExists(tx: Queryable, organizationId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM users WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      userId,
    ]);
    return rows.length > 0;
  }

  async insert(tx: EntityManager, organizationId: string, fields: NewOwner): Promise<Owner> {
    const owners = tx.getRepository(Owner);
    return owners.save(owners.create({ organizationId, ...fields }));
  }

  async getForUpdate(tx: EntityManager, organizationId: string, id: string): Promise<Owner | null> {
    return tx.getRepository(Owner).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes back an owner read with getForUpdate (its organization is its own). */
  async save(tx: EntityManager, owner: Owner): Promise<Owner> {
    return tx.getRepository(Owner).save(owner);
  }

  /** One page of the owners at clients in the caller's reach, with their active priorities, each row with the page's total. */
  async listVisible(tx: Queryable, actor: Actor, query: ListOwnersQueryDto): Promise<Array<Record<string, unknown>>> {
    const p = new SqlParams();
    const filter = ownerFilter(actor, query, p);
    return tx.query(
      `SELECT o.*, count(*) OVER () AS total,
              ${ACTIVE_PRIORITIES_SQL} AS active_priorities
         ${filter}
        ORDER BY lower(o.name) ${query.order === 'desc' ? 'DESC' : 'ASC'}, o.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
  }

  /** How many owners the list's filter matches (needed only for a page past the end). */
  async countVisible(tx: Queryable, actor: Actor, query: ListOwnersQueryDto): Promise<number> {
    const p = new SqlParams();
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n ${ownerFilter(actor, query, p)}`,
      p.values,
    );
    return Number(row?.n ?? 0);
  }

  async viewInReach(tx: Queryable, actor: Actor, id: string): Promise<Record<string, unknown> | undefined> {
    const p = new SqlParams();
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT o.*, ${ACTIVE_PRIORITIES_SQL} AS active_priorities
         FROM owners o JOIN clients c ON c.organization_id = o.organization_id AND c.id = o.client_id
        WHERE o.id = ${p.add(id)} AND ${clientScope(actor, 'c', p)}`,
      p.values,
    );
    return rows[0];
  }
}

function ownerFilter(actor: Actor, query: ListOwnersQueryDto, p: SqlParams): string {
  const where = [clientScope(actor, 'c', p)];
  if (query.clientId) where.push(`o.client_id = ${p.add(query.clientId)}`);
  return `FROM owners o JOIN clients c ON c.organization_id = o.organization_id AND c.id = o.client_id WHERE ${where.join(' AND ')}`;
}
