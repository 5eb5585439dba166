import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../shared/actor';
import type { ImportType } from './import-columns';
import type { ImportRecord } from './import-plan';

/**
 * Every import type's records in the CSV's column names (dates as YYYY-MM-DD, numbers as numbers), with the ids its
 * keys stand for: what a re-import compares with, and what the firm export writes.
 */
const RECORD_SQL: Record<ImportType, string> = {
  clients: `SELECT c.id, c.external_key, c.name, c.industry, c.stage, c.status, lower(u.email) AS account_manager_email,
                   c.account_manager_id
              FROM clients c LEFT JOIN users u ON u.id = c.account_manager_id
             WHERE c.organization_id = $1`,
  executives: `SELECT x.id, x.external_key, x.name, x.email, x.functions FROM executives x WHERE x.organization_id = $1`,
  engagements: `SELECT x.id, x.external_key, c.external_key AS client_key, x.client_id, e.external_key AS executive_key,
                       x.executive_id, x.function, x.status, to_char(x.start_date, 'YYYY-MM-DD') AS start_date,
                       to_char(x.planned_end_date, 'YYYY-MM-DD') AS planned_end_date, x.days_per_week::float8 AS days_per_week
                  FROM engagements x JOIN clients c ON c.id = x.client_id JOIN executives e ON e.id = x.executive_id
                 WHERE x.organization_id = $1`,
  owners: `SELECT x.id, x.external_key, c.external_key AS client_key, x.client_id, x.name, x.email, x.title
             FROM owners x JOIN clients c ON c.id = x.client_id WHERE x.organization_id = $1`,
  priorities: `SELECT x.id, x.external_key, e.external_key AS engagement_key, x.engagement_id, o.external_key AS owner_key,
                      x.owner_id, x.title, x.description, x.status, x.rank, to_char(x.start_date, 'YYYY-MM-DD') AS start_date,
                      to_char(x.target_date, 'YYYY-MM-DD') AS target_date
                 FROM priorities x JOIN engagements e ON e.id = x.engagement_id JOIN owners o ON o.id = x.owner_id
                WHERE x.organization_id = $1`,
  milestones: `SELECT x.id, x.external_key, p.external_key AS priority_key, x.priority_id, x.title,
                      to_char(x.due_date, 'YYYY-MM-DD') AS due_date, to_char(x.baseline_due_date, 'YYYY-MM-DD') AS baseline_due_date,
                      to_char(x.forecast_date, 'YYYY-MM-DD') AS forecast_date, x.status, x.weight::float8 AS weight,
                      to_char(x.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS completed_at
                 FROM milestones x JOIN priorities p ON p.id = x.priority_id
                WHERE x.organization_id = $1`,
};

/** The columns each type writes, with their SQL types (constants: never from the request). */
const WRITE_COLUMNS: Record<ImportType, Array<[string, string]>> = {
  clients: [
    ['name', 'text'],
    ['industry', 'text'],
    ['stage', 'text'],
    ['status', 'text'],
    ['account_manager_id', 'uuid'],
  ],
  executives: [
    ['name', 'text'],
    ['email', 'text'],
    ['functions', 'text[]'],
  ],
  engagements: [
    ['client_id', 'uuid'],
    ['executive_id', 'uuid'],
    ['function', 'text'],
    ['status', 'text'],
    ['start_date', 'date'],
    ['planned_end_date', 'date'],
    ['days_per_week', 'numeric'],
  ],
  owners: [
    ['client_id', 'uuid'],
    ['name', 'text'],
    ['email', 'text'],
    ['title', 'text'],
  ],
  priorities: [
    ['engagement_id', 'uuid'],
    ['owner_id', 'uuid'],
    ['title', 'text'],
    ['description', 'text'],
    ['status', 'text'],
    ['rank', 'integer'],
    ['start_date', 'date'],
    ['target_date', 'date'],
  ],
  milestones: [
    ['priority_id', 'uuid'],
    ['title', 'text'],
    ['baseline_due_date', 'date'],
    ['due_date', 'date'],
    ['forecast_date', 'date'],
    ['status', 'text'],
    ['weight', 'numeric'],
    ['completed_at', 'timestamptz'],
  ],
};

const EXPORT_BATCH = 1000;

@Injectable()
export class ImportsRepository {
  /** The records of one type with these external keys. */
  async byKeys(tx: Queryable, organizationId: string, type: ImportType, keys: string[]): Promise<ImportRecord[]> {
    if (keys.length === 0) return [];
    const rows: ImportRecord[] = await tx.query(
      `${RECORD_SQL[type]} AND ${alias(type)}.external_key = ANY($2::text[])`,
      [organizationId, keys],
    );
    return rows.map(normalise);
  }

  /** Active priorities of these engagements, their engagements locked (commit) so concurrent imports or edits cannot race past the focus cap. */
  async activePriorities(
    tx: Queryable,
    organizationId: string,
    engagementIds: string[],
    lock = true,
  ): Promise<Array<{ id: string; engagement_id: string; rank: number }>> {
    if (engagementIds.length === 0) return [];
    if (lock)
      await tx.query(
        `SELECT id FROM engagements WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
        [organizationId, engagementIds],
      );
    return tx.query(
      `SELECT id, engagement_id, rank FROM priorities
        WHERE organization_id = $1 AND engagement_id = ANY($2::uuid[]) AND status = 'active'`,
      [organizationId, engagementIds],
    );
  }

  async managers(tx: Queryable, organizationId: string): Promise<Array<{ id: string; email: string }>> {
    return tx.query(
      `SELECT id, lower(email) AS email FROM users
        WHERE organization_id = $1 AND role IN ('admin', 'account_manager') AND disabled_at IS NULL`,
      [organizationId],
    );
  }

  /** One INSERT … SELECT for all new records of a type. */
  async insertMany(tx: Queryable, organizationId: string, type: ImportType, records: ImportRecord[]): Promise<void> {
    if (records.length === 0) return;
    const columns = WRITE_COLUMNS[type];
    const names = ['id', 'external_key', ...columns.map(([name]) => name)];
    await tx.query(
      `INSERT INTO ${type} (organization_id, ${names.join(', ')})
       SELECT $1, ${names.map((n) => `r.${n}`).join(', ')}
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, external_key text, ${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`,
      [organizationId, JSON.stringify(records.map((r) => pick(r, names)))],
    );
  }

  /** One UPDATE … FROM for all changed records of a type. */
  async updateMany(tx: Queryable, organizationId: string, type: ImportType, records: ImportRecord[]): Promise<void> {
    if (records.length === 0) return;
    const columns = WRITE_COLUMNS[type];
    const names = ['id', ...columns.map(([name]) => name)];
    await tx.query(
      `UPDATE ${type} t SET ${columns.map(([n]) => `${n} = r.${n}`).join(', ')}, updated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, ${columns.map(([n, t]) => `${n} ${t}`).join(', ')})
        WHERE t.organization_id = $1 AND t.id = r.id`,
      [organizationId, JSON.stringify(records.map((r) => pick(r, names)))],
    );
  }

  /** The opening allocation of each new engagement, as EngagementsService.create writes it. */
  async insertOpeningAllocations(tx: Queryable, actor: Actor, engagements: ImportRecord[]): Promise<void> {
    if (engagements.length === 0) return;
    await tx.query(
      `INSERT INTO allocation_changes (organization_id, engagement_id, effective_date, days_per_week, previous_days_per_week, reason, changed_by)
       SELECT $1, r.id, r.start_date, r.days_per_week, NULL, 'Initial allocation', $2
         FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, start_date date, days_per_week numeric)`,
      [
        actor.organizationId,
        actor.userId,
        JSON.stringify(engagements.map((e) => pick(e, ['id', 'start_date', 'days_per_week']))),
      ],
    );
  }

  /** The re-plans of updated milestones, with their reasons, in the history every re-plan writes. */
  async insertDueDateChanges(
    tx: Queryable,
    actor: Actor,
    changes: Array<{ milestoneId: string; oldDueDate: string; newDueDate: string; reason: string; category: string }>,
  ): Promise<void> {
    if (changes.length === 0) return;
    await tx.query(
      `INSERT INTO milestone_due_date_changes (organization_id, milestone_id, changed_by, changed_at, old_due_date, new_due_date, reason, category)
       SELECT $1, r."milestoneId", $2, clock_timestamp(), r."oldDueDate", r."newDueDate", r.reason, r.category
         FROM jsonb_to_recordset($3::jsonb) AS r("milestoneId" uuid, "oldDueDate" date, "newDueDate" date, reason text, category text)`,
      [actor.organizationId, actor.userId, JSON.stringify(changes)],
    );
  }

  /** One audit event per imported record, as the importing user, in one statement. */
  async audit(
    tx: Queryable,
    actor: Actor,
    events: Array<{ action: string; entityType: string; entityId: string; before: unknown; after: unknown }>,
  ): Promise<void> {
    if (events.length === 0) return;
    await tx.query(
      `INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, before, after)
       SELECT $1, $2, e.action, e."entityType", e."entityId", e.before, e.after
         FROM jsonb_to_recordset($3::jsonb) AS e(action text, "entityType" text, "entityId" uuid, before jsonb, after jsonb)`,
      [actor.organizationId, actor.userId, JSON.stringify(events)],
    );
  }

  /** Every record of a type, in batches (keyset on id): the firm export streams them without holding them all. */
  async *allRecords(tx: Queryable, organizationId: string, type: ImportType): AsyncGenerator<ImportRecord[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: ImportRecord[] = await tx.query(
        `${RECORD_SQL[type]} AND ${alias(type)}.id > $2 ORDER BY ${alias(type)}.id LIMIT ${EXPORT_BATCH}`,
        [organizationId, after],
      );
      if (rows.length === 0) return;
      yield rows.map(normalise);
      if (rows.length < EXPORT_BATCH) return;
      after = rows[rows.length - 1].id;
    }
  }
}

function alias(type: ImportType): string {
  return type === 'clients' ? 'c' : 'x';
}

function pick(record: ImportRecord, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, record[n] ?? null]));
}

/** Values as the CSV parser gives them: emails lower-case, numbers as numbers. */
function normalise(row: ImportRecord): ImportRecord {
  const out = { ...row };
  if (typeof out.email === 'string') out.email = out.email.toLowerCase();
  if (out.rank !== undefined && out.rank !== null) out.rank = Number(out.rank);
  if (out.weight !== undefined && out.weight !== null) out.weight = Number(out.weight);
  if (out.days_per_week !== undefined && out.days_per_week !== null) out.days_per_week = Number(out.days_per_week);
  return out;
}
