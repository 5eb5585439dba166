import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../shared/actor';
import { orderBy } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { Executive } from './executive.entity';
import type { ListExecutivesQueryDto } from './executive.dto';

export type NewExecutive = Pick<Executive, 'name' | 'email' | 'functions' | 'userId'>;

@Injectable()
export class ExecutivesRepository {
  async insert(tx: EntityManager, organizationId: string, fields: NewExecutive): Promise<Executive> {
    const executives = tx.getRepository(Executive);
    return executives.save(executives.create({ organizationId, ...fields }));
  }

  async getForUpdate(tx: EntityManager, organizationId: string, id: string): Promise<Executive | null> {
    return tx.getRepository(Executive).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes back an executive read with getForUpdate (its organization is its own). */
  async save(tx: EntityManager, executive: Executive): Promise<Executive> {
    return tx.getRepository(Executive).save(executive);
  }

  /** One page of the executives the caller may see (an executive: only themself), each row with the page's total. */
  async listVisible(
    tx: Queryable,
    actor: Actor,
    query: ListExecutivesQueryDto,
  ): Promise<Array<Record<string, unknown>>> {
    const p = new SqlParams();
    const filter = executiveFilter(actor, query, p);
    const sort = query.sort === 'createdAt' ? 'x.created_at' : 'lower(x.name)';
    return tx.query(
      `SELECT x.*, count(*) OVER () AS total ${filter}
        ${orderBy(sort, query.order, 'x.id')} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
  }

  /** How many executives the list's filter matches (needed only for a page past the end). */
  async countVisible(tx: Queryable, actor: Actor, query: ListExecutivesQueryDto): Promise<number> {
    const p = new SqlParams();
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n ${executiveFilter(actor, query, p)}`,
      p.values,
    );
    return Number(row?.n ?? 0);
  }

  /** The functions, outside `keep`, that the executive's open engagements still use. */
  async functionsInOpenEngagements(
    tx: Queryable,
    organizationId: string,
    executiveId: string,
    keep: readonly string[],
  ): Promise<string[]> {
    const used: Array<{ function: string }> = await tx.query(
      `SELECT DISTINCT function FROM engagements WHERE organization_id = $1 AND executive_id = $2 AND status IN ('proposed','active','paused') AND NOT (function = ANY($3::text[]))`,
      [organizationId, executiveId, keep],
    );
    return used.map((u) => u.function);
  }

  /** The user's role and the executive already linked to them, if any; undefined when the user is not in the organization. */
  async userLink(
    tx: Queryable,
    organizationId: string,
    userId: string,
  ): Promise<{ role: string; linked: string | null } | undefined> {
    const rows: Array<{ role: string; linked: string | null }> = await tx.query(
      `SELECT u.role, x.id AS linked FROM users u LEFT JOIN executives x ON x.user_id = u.id WHERE u.organization_id = $1 AND u.id = $2`,
      [organizationId, userId],
    );
    return rows[0];
  }
}

function executiveFilter(actor: Actor, query: ListExecutivesQueryDto, p: SqlParams): string {
  const where = [`x.organization_id = ${p.add(actor.organizationId)}`];
  if (actor.role === 'executive') where.push(`x.id = ANY(${p.add(actor.executiveIds)}::uuid[])`);
  if (query.function) where.push(`${p.add(query.function)} = ANY(x.functions)`);
  if (query.search) where.push(`x.name ILIKE ${p.add(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  return `FROM executives x WHERE ${where.join(' AND ')}`;
}
