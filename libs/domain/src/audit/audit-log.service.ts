import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import type { Actor } from '../shared/actor';
import { totalFromPage, type Page } from '../shared/pagination';
import type { AuditEventView, ListAuditEventsQueryDto } from './audit.dto';
import { AuditRepository } from './audit.repository';

@Injectable()
export class AuditLogService {
  constructor(
    private readonly db: Db,
    private readonly events: AuditRepository,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: ListAuditEventsQueryDto): Promise<Page<AuditEventView>> {
    this.access.permit(actor, 'audit.read', 'read the audit log');
    const rows = await this.events.page(this.db.reader, actor.organizationId, query);
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        actorId: (r.actor_id as string | null) ?? null,
        action: r.action as string,
        entityType: r.entity_type as string,
        entityId: (r.entity_id as string | null) ?? null,
        before: r.before ?? null,
        after: r.after ?? null,
        createdAt: (r.created_at as Date).toISOString(),
      })),
      total:
        totalFromPage(rows, query.offset) ?? (await this.events.count(this.db.reader, actor.organizationId, query)),
      limit: query.limit,
      offset: query.offset,
    };
  }
}
