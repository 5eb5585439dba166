import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../shared/sql';
import type { ListAuditEventsQueryDto } from './audit.dto';

/** Reads of the audit log (AuditService writes it, inside each write's transaction). */
@Injectable()
export class AuditRepository {
  /** One page of the organization's audit events, newest first unless asked otherwise, each row with the page's total. */
  async page(
    tx: Queryable,
    organizationId: string,
    query: ListAuditEventsQueryDto,
  ): Promise<Array<Record<string, unknown>>> {
    const p = new SqlParams();
    const filter = auditFilter(organizationId, query, p);
    return tx.query(
      `SELECT a.*, count(*) OVER () AS total ${filter}
        ORDER BY a.created_at ${query.order === 'asc' ? 'ASC' : 'DESC'}, a.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
  }

  /** How many events the page's filter matches (needed only for a page past the end). */
  async count(tx: Queryable, organizationId: string, query: ListAuditEventsQueryDto): Promise<number> {
    const p = new SqlParams();
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n ${auditFilter(organizationId, query, p)}`,
      p.values,
    );
    return Number(row?.n ?? 0);
  }
}

function auditFilter(organizationId: string, query: ListAuditEventsQueryDto, p: SqlParams): string {
  const where = [`a.organization_id = ${p.add(organizationId)}`];
  if (query.entityType) where.push(`a.entity_type = ${p.add(query.entityType)}`);
  if (query.entityId) where.push(`a.entity_id = ${p.add(query.entityId)}`);
  if (query.actorId) where.push(`a.actor_id = ${p.add(query.actorId)}`);
  if (query.action) where.push(`a.action = ${p.add(query.action)}`);
  if (query.from) where.push(`a.created_at >= ${p.add(query.from)}::timestamptz`);
  if (query.to) where.push(`a.created_at < ${p.add(query.to)}::timestamptz`);
  return `FROM audit_events a WHERE ${where.join(' AND ')}`;
}
