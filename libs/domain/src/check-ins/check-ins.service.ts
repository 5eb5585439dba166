import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService, jsonInstantSql } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { Conflict, NotFound } from '../shared/errors';
import { pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { CheckIn } from './check-in.entity';
import type { CheckInView, CreateCheckInDto, ListCheckInsQueryDto } from './check-in.dto';

@Injectable()
export class CheckInsService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly audit: AuditService, private readonly clock: Clock) {}

  /**
   * One statement in the transaction: the priority in the caller's reach, the insert, its audit row and the view
   * read back (the scoped insert writes nothing when the priority is out of reach, and that answers 404).
   */
  async create(actor: Actor, priorityId: string, input: CreateCheckInDto): Promise<CheckInView> {
    this.access.permit(actor, 'checkins.write', 'post check-ins');
    const p = new SqlParams();
    const org = p.add(actor.organizationId);
    const target = `SELECT pr.id FROM priorities pr JOIN engagements e ON e.organization_id = pr.organization_id AND e.id = pr.engagement_id
                     WHERE pr.id = ${p.add(priorityId)} AND pr.organization_id = ${org} AND ${this.access.engagementScope(actor, 'e', p)}`;
    const created = `INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, blockers)
                     SELECT ${org}::uuid, target.id, ${p.add(actor.userId)}::uuid, ${p.add(input.rag)}, ${p.add(input.confidence)}::smallint,
                            ${p.add(input.note.trim())}, ${p.add(input.blockers?.trim() || null)}::text FROM target RETURNING *`;
    const after = `jsonb_build_object('organizationId', c.organization_id, 'priorityId', c.priority_id, 'authorId', c.author_id, 'rag', c.rag,
                     'confidence', c.confidence, 'note', c.note, 'blockers', c.blockers, 'acknowledgedBy', c.acknowledged_by,
                     'acknowledgedAt', c.acknowledged_at, 'id', c.id, 'createdAt', ${jsonInstantSql('c.created_at')})`;
    const audit = this.audit.recordCte(p, actor, 'check_in.created', 'check_in', 'created c', 'c.id', after);
    const rows: Array<Record<string, unknown>> = await this.db.transaction((tx) => tx.query(
      `WITH target AS (${target}), created AS (${created}), audit AS (${audit})
       SELECT c.id, c.priority_id, c.rag, c.confidence, c.note, c.blockers, c.author_id, u.name AS author_name, c.acknowledged_by, c.acknowledged_at, c.created_at
         FROM created c LEFT JOIN users u ON u.id = c.author_id`,
      p.values,
    ));
    if (!rows[0]) throw new NotFound('Priority', priorityId);
    return toView(rows[0]);
  }

  async list(actor: Actor, priorityId: string, query: ListCheckInsQueryDto): Promise<Page<CheckInView>> {
    await this.access.priority(this.db.reader, actor, priorityId);
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(
      `${SELECT_COLUMNS}, count(*) OVER () AS total ${FROM_VIEW} WHERE c.organization_id = $1 AND c.priority_id = $2
        ORDER BY c.created_at ${query.order === 'asc' ? 'ASC' : 'DESC'}, c.id LIMIT $3 OFFSET $4`,
      [actor.organizationId, priorityId, query.limit, query.offset],
    );
    const total = await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n FROM check_ins c WHERE c.organization_id = $1 AND c.priority_id = $2`, [actor.organizationId, priorityId]);
    return { items: rows.map(toView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<CheckInView> {
    await this.access.checkIn(this.db.reader, actor, id);
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(`${SELECT_COLUMNS} ${FROM_VIEW} WHERE c.organization_id = $1 AND c.id = $2`, [actor.organizationId, id]);
    if (!rows[0]) throw new NotFound('Check-in', id);
    return toView(rows[0]);
  }

  /** The client executive confirms they have read the update. */
  async acknowledge(actor: Actor, id: string): Promise<CheckInView> {
    this.access.permit(actor, 'checkins.acknowledge', 'acknowledge check-ins');
    await this.db.transaction(async (tx) => {
      await this.access.checkIn(tx, actor, id);
      const checkIn = await tx.getRepository(CheckIn).findOne({ where: { organizationId: actor.organizationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!checkIn) throw new NotFound('Check-in', id);
      if (checkIn.acknowledgedAt) throw new Conflict('CHECK_IN.ALREADY_ACKNOWLEDGED', `Check-in ${id} was already acknowledged`);
      const before = { ...checkIn };
      checkIn.acknowledgedBy = actor.userId;
      checkIn.acknowledgedAt = this.clock.now();
      await tx.getRepository(CheckIn).save(checkIn);
      await this.audit.record(tx, actor, 'check_in.acknowledged', 'check_in', id, before, checkIn);
    });
    return this.get(actor, id);
  }
}

const SELECT_COLUMNS = `SELECT c.id, c.priority_id, c.rag, c.confidence, c.note, c.blockers, c.author_id, u.name AS author_name,
  c.acknowledged_by, c.acknowledged_at, c.created_at`;
const FROM_VIEW = `FROM check_ins c LEFT JOIN users u ON u.id = c.author_id`;

function toView(r: Record<string, unknown>): CheckInView {
  return {
    id: r.id as string, priorityId: r.priority_id as string, rag: r.rag as CheckInView['rag'], confidence: Number(r.confidence),
    note: r.note as string, blockers: (r.blockers as string | null) ?? null, authorId: (r.author_id as string | null) ?? null,
    authorName: (r.author_name as string | null) ?? null, acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
    acknowledgedAt: r.acknowledged_at ? (r.acknowledged_at as Date).toISOString() : null, createdAt: (r.created_at as Date).toISOString(),
  };
}
