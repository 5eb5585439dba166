import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { Conflict, NotFound } from '../shared/errors';
import { totalFromPage, type Page } from '../shared/pagination';
import type { CheckInView, CreateCheckInDto, ListCheckInsQueryDto } from './check-in.dto';
import { CheckInsRepository } from './check-ins.repository';
import { storedBlockers } from './check-in-blockers';
import type { CheckInBlocker } from './check-in.entity';

@Injectable()
export class CheckInsService {
  constructor(
    private readonly db: Db,
    private readonly checkIns: CheckInsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** One statement in the transaction (CheckInsRepository.createInReach); a priority out of reach answers 404. */
  async create(actor: Actor, priorityId: string, input: CreateCheckInDto): Promise<CheckInView> {
    this.access.permit(actor, 'checkins.write', 'post check-ins');
    const row = await this.idempotency.transaction(async (tx) => {
      const created = await this.checkIns.createInReach(tx, actor, priorityId, {
        rag: input.rag,
        confidence: input.confidence,
        note: input.note.trim(),
        ...storedBlockers(input),
      });
      // Out of reach: thrown inside, so the transaction (and an Idempotency-Key with it) rolls back.
      if (!created) throw new NotFound('Priority', priorityId);
      return toCheckInView(created);
    });
    return row;
  }

  async list(actor: Actor, priorityId: string, query: ListCheckInsQueryDto): Promise<Page<CheckInView>> {
    await this.access.priority(this.db.reader, actor, priorityId);
    const rows = await this.checkIns.pageForPriority(this.db.reader, actor.organizationId, priorityId, query);
    const total =
      totalFromPage(rows, query.offset) ??
      (await this.checkIns.countForPriority(this.db.reader, actor.organizationId, priorityId));
    return { items: rows.map(toCheckInView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<CheckInView> {
    await this.access.checkIn(this.db.reader, actor, id);
    const row = await this.checkIns.view(this.db.reader, actor.organizationId, id);
    if (!row) throw new NotFound('Check-in', id);
    return toCheckInView(row);
  }

  /** The client executive confirms they have read the update. */
  async acknowledge(actor: Actor, id: string): Promise<CheckInView> {
    this.access.permit(actor, 'checkins.acknowledge', 'acknowledge check-ins');
    await this.db.transaction(async (tx) => {
      await this.access.checkIn(tx, actor, id);
      const checkIn = await this.checkIns.getForUpdate(tx, actor.organizationId, id);
      if (!checkIn) throw new NotFound('Check-in', id);
      if (checkIn.acknowledgedAt)
        throw new Conflict('CHECK_IN.ALREADY_ACKNOWLEDGED', `Check-in ${id} was already acknowledged`);
      const before = { ...checkIn };
      checkIn.acknowledgedBy = actor.userId;
      checkIn.acknowledgedAt = this.clock.now();
      await this.checkIns.save(tx, checkIn);
      await this.audit.record(tx, actor, 'check_in.acknowledged', 'check_in', id, before, checkIn);
    });
    return this.get(actor, id);
  }
}

export function toCheckInView(r: Record<string, unknown>): CheckInView {
  return {
    id: r.id as string,
    priorityId: r.priority_id as string,
    rag: r.rag as CheckInView['rag'],
    confidence: Number(r.confidence),
    note: r.note as string,
    blockers: (r.blockers as string | null) ?? null,
    blockersNeedClientAction: Boolean(r.blockers_need_client_action),
    blockerItems: toBlockerItems(r.blocker_items),
    authorId: (r.author_id as string | null) ?? null,
    authorName: (r.author_name as string | null) ?? null,
    acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
    acknowledgedAt: r.acknowledged_at ? (r.acknowledged_at as Date).toISOString() : null,
    createdAt: (r.created_at as Date).toISOString(),
  };
}

/** The stored blocker items (jsonb) as the API answers them; anything malformed is left out. */
export function toBlockerItems(value: unknown): CheckInBlocker[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((b): b is CheckInBlocker => typeof b === 'object' && b !== null && typeof b.text === 'string')
    .map((b) => ({ text: b.text, needsClientAction: b.needsClientAction === true }));
}
