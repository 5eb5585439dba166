import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import type { Actor } from '../shared/actor';
import { pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import type { AuditEventView, ListAuditEventsQueryDto } from './audit.dto';

@Injectable()
export class AuditLogService {
  constructor(private readonly db: Db, private readonly access: AccessService) {}

  async list(actor: Actor, query: ListAuditEventsQueryDto): Promise<Page<AuditEventView>> {
    this.access.permit(actor, 'audit.read', 'read the audit log');
    const p = new SqlParams();
    const where = [`a.organization_id = ${p.add(actor.organizationId)}`];
    if (query.entityType) where.push(`a.entity_type = ${p.add(query.entityType)}`);
    if (query.entityId) where.push(`a.entity_id = ${p.add(query.entityId)}`);
    if (query.actorId) where.push(`a.actor_id = ${p.add(query.actorId)}`);
    if (query.action) where.push(`a.action = ${p.add(query.action)}`);
    if (query.from) where.push(`a.created_at >= ${p.add(query.from)}::timestamptz`);
    if (query.to) where.push(`a.created_at < ${p.add(query.to)}::timestamptz`);
    const filter = `FROM audit_events a WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(
      `SELECT a.*, count(*) OVER () AS total ${filter}
        ORDER BY a.created_at ${query.order === 'asc' ? 'ASC' : 'DESC'}, a.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
    return {
      items: rows.map((r) => ({
        id: r.id as string, actorId: (r.actor_id as string | null) ?? null, action: r.action as string, entityType: r.entity_type as string,
        entityId: (r.entity_id as string | null) ?? null, before: r.before ?? null, after: r.after ?? null, createdAt: (r.created_at as Date).toISOString(),
      })),
      total: await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n ${filter}`, countParams),
      limit: query.limit, offset: query.offset,
    };
  }
}
