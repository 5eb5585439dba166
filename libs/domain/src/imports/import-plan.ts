import {
  IMPORT_COLUMNS,
  IMPORT_ORDER,
  type CellError,
  type CellValue,
  type ImportType,
  type MappedRow,
} from './import-columns';

/**
 * What an import would do, decided before anything is written, the same way for a dry run and a commit: per row
 * created, updated, unchanged or its errors (column and rule), and the records to insert and update. Pure: the
 * records it compares with are read beforehand (ImportsRepository.existing) and passed in.
 */

/** A record as the import sees it: CSV column names, plus `id` and the ids its keys resolve to. */
export type ImportRecord = Record<string, CellValue> & { id: string };

export interface ExistingRecords {
  /** By type, by external key. */
  byKey: Record<ImportType, Map<string, ImportRecord>>;
  /** Active priorities of the engagements the file touches (those not in the file keep their rank and count). */
  activePriorities: Map<string, Array<{ id: string; rank: number }>>;
  /** Admins and account managers by lower-case email. */
  managers: Map<string, string>;
}

export interface PlanContext {
  today: string;
  now: Date;
  focusCap: number;
  newId: () => string;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'error';

export interface RowResult {
  type: ImportType;
  line: number;
  externalKey: string | null;
  outcome: RowOutcome;
  /** Columns whose value changes (updated rows). */
  changed: string[];
  errors: CellError[];
}

export interface PlannedWrite {
  type: ImportType;
  create: ImportRecord[];
  update: Array<{
    before: ImportRecord;
    after: ImportRecord;
    replanReason: string | null;
    replanCategory: string | null;
  }>;
}

export interface ImportPlan {
  rows: RowResult[];
  writes: PlannedWrite[];
  errorCount: number;
}

/** Reference columns: the type they name and the id field they resolve to. */
const REFERENCES: Partial<Record<ImportType, Array<{ column: string; type: ImportType; idField: string }>>> = {
  engagements: [
    { column: 'client_key', type: 'clients', idField: 'client_id' },
    { column: 'executive_key', type: 'executives', idField: 'executive_id' },
  ],
  owners: [{ column: 'client_key', type: 'clients', idField: 'client_id' }],
  priorities: [
    { column: 'engagement_key', type: 'engagements', idField: 'engagement_id' },
    { column: 'owner_key', type: 'owners', idField: 'owner_id' },
  ],
  milestones: [{ column: 'priority_key', type: 'priorities', idField: 'priority_id' }],
};

/** Columns a re-import may not change (the app does not allow it either). */
const FIXED: Partial<Record<ImportType, string[]>> = {
  engagements: ['client_key', 'executive_key', 'function', 'days_per_week'],
  owners: ['client_key'],
  priorities: ['engagement_key'],
  milestones: ['priority_key'],
};
const FIXED_RULE: Record<string, string> = {
  days_per_week:
    'cannot change by import: change the allocation in the app (it keeps the history, with a reason and an effective date)',
};

/** Columns compared to tell updated from unchanged (external_key is the identity; the re-plan columns are no stored value). */
const NOT_COMPARED = new Set(['external_key', 'replan_reason', 'replan_category']);

/** Defaults of blank or absent optional cells on create. */
function defaults(type: ImportType, ctx: PlanContext, v: Record<string, CellValue>): Record<string, CellValue> {
  switch (type) {
    case 'clients':
      return { status: 'active', industry: null, account_manager_email: null };
    case 'engagements':
      return { status: 'active', planned_end_date: null };
    case 'owners':
      return { email: null, title: null };
    case 'priorities':
      return { status: 'active', description: null, start_date: ctx.today, rank: null };
    case 'milestones':
      return {
        status: 'planned',
        weight: 1,
        forecast_date: null,
        completed_at: null,
        baseline_due_date: v.due_date ?? null,
      };
    default:
      return {};
  }
}

/** Cells whose blank means "keep what is there" on update rather than a value. */
const KEEP_WHEN_BLANK: Partial<Record<ImportType, string[]>> = {
  priorities: ['rank', 'start_date'],
  milestones: ['baseline_due_date'],
};
const DEFAULT_WHEN_BLANK: Partial<Record<ImportType, Record<string, CellValue>>> = {
  clients: { status: 'active' },
  engagements: { status: 'active' },
  priorities: { status: 'active' },
  milestones: { status: 'planned', weight: 1 },
};

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean =>
  Array.isArray(a) || Array.isArray(b)
    ? JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
    : (a ?? null) === (b ?? null);

export function planImport(
  files: Partial<Record<ImportType, MappedRow[]>>,
  existing: ExistingRecords,
  ctx: PlanContext,
): ImportPlan {
  const results: RowResult[] = [];
  const writes: PlannedWrite[] = [];
  /** Records of the file, by type and key, as they will be after the import (rows with errors excluded). */
  const planned: Record<string, Map<string, ImportRecord | 'error'>> = {};

  for (const type of IMPORT_ORDER) {
    const rows = files[type];
    planned[type] = new Map();
    if (!rows) continue;
    const write: PlannedWrite = { type, create: [], update: [] };
    const firstLine = new Map<string, number>();
    const typeResults: Array<{ result: RowResult; record: ImportRecord | null; before: ImportRecord | null }> = [];

    for (const row of rows) {
      const errors = [...row.errors];
      const key = row.externalKey;
      if (key !== null) {
        const seen = firstLine.get(key);
        if (seen !== undefined) errors.push({ column: 'external_key', rule: `repeats the key of line ${seen}` });
        else firstLine.set(key, row.line);
      }
      const before = key !== null ? (existing.byKey[type].get(key) ?? null) : null;
      const present = Object.keys(row.values);
      const record: ImportRecord = before
        ? { ...before }
        : ({ ...defaults(type, ctx, row.values), id: ctx.newId() } as ImportRecord);
      for (const column of present) {
        const value = row.values[column];
        if (value === null && before && KEEP_WHEN_BLANK[type]?.includes(column)) continue;
        if (value === null && DEFAULT_WHEN_BLANK[type]?.[column] !== undefined)
          record[column] = DEFAULT_WHEN_BLANK[type]![column];
        else if (value === null && !before) record[column] = defaults(type, ctx, row.values)[column] ?? null;
        else record[column] = value;
      }
      if (errors.length === 0) {
        resolveReferences(type, record, planned, existing, errors);
        rowDomainRules(type, record, before, existing, planned, ctx, errors);
      }
      const changed = before
        ? IMPORT_COLUMNS[type]
            .map((c) => c.name)
            .filter((c) => present.includes(c) && !NOT_COMPARED.has(c) && !same(before[c], record[c]))
        : [];
      if (before && errors.length === 0)
        for (const column of FIXED[type] ?? [])
          if (changed.includes(column))
            errors.push({
              column,
              rule: FIXED_RULE[column] ?? `cannot change by import (was ${String(before[column])})`,
            });
      const result: RowResult = {
        type,
        line: row.line,
        externalKey: key,
        outcome: errors.length ? 'error' : !before ? 'created' : changed.length ? 'updated' : 'unchanged',
        changed: errors.length ? [] : changed,
        errors,
      };
      typeResults.push({ result, record: errors.length ? null : record, before });
      if (key !== null && !planned[type].has(key)) planned[type].set(key, errors.length ? 'error' : record);
    }

    if (type === 'priorities') focusAndRanks(typeResults, existing, ctx);

    for (const { result, record, before } of typeResults) {
      results.push(result);
      if (result.outcome === 'created') write.create.push(record!);
      if (result.outcome === 'updated') {
        const moved = type === 'milestones' && before!.due_date !== record!.due_date;
        write.update.push({
          before: before!,
          after: record!,
          replanReason: moved ? (record!.replan_reason as string) : null,
          replanCategory: moved ? (record!.replan_category as string) : null,
        });
      }
      // a rank moved by another row's import shows as a change of its own (focusAndRanks)
    }
    writes.push(write);
  }
  return { rows: results, writes, errorCount: results.filter((r) => r.outcome === 'error').length };
}

function resolveReferences(
  type: ImportType,
  record: ImportRecord,
  planned: Record<string, Map<string, ImportRecord | 'error'>>,
  existing: ExistingRecords,
  errors: CellError[],
): void {
  for (const ref of REFERENCES[type] ?? []) {
    const key = record[ref.column];
    if (typeof key !== 'string') continue;
    const inFile = planned[ref.type]?.get(key);
    if (inFile === 'error') {
      errors.push({ column: ref.column, rule: `the ${singular(ref.type)} row with external_key ${key} has errors` });
      continue;
    }
    const target = inFile ?? existing.byKey[ref.type].get(key);
    if (!target) {
      errors.push({
        column: ref.column,
        rule: `no ${singular(ref.type)} with external_key ${key} in this import or in your organization`,
      });
      continue;
    }
    record[ref.idField] = target.id;
  }
}

function target(
  type: ImportType,
  key: CellValue,
  planned: Record<string, Map<string, ImportRecord | 'error'>>,
  existing: ExistingRecords,
): ImportRecord | null {
  if (typeof key !== 'string') return null;
  const inFile = planned[type]?.get(key);
  if (inFile === 'error') return null;
  return inFile ?? existing.byKey[type].get(key) ?? null;
}

function rowDomainRules(
  type: ImportType,
  record: ImportRecord,
  before: ImportRecord | null,
  existing: ExistingRecords,
  planned: Record<string, Map<string, ImportRecord | 'error'>>,
  ctx: PlanContext,
  errors: CellError[],
): void {
  if (errors.length) return;
  if (type === 'clients' && before && record.account_manager_email === before.account_manager_email) {
    record.account_manager_id = before.account_manager_id;
  } else if (type === 'clients' && typeof record.account_manager_email === 'string') {
    const id = existing.managers.get(record.account_manager_email);
    if (!id)
      errors.push({
        column: 'account_manager_email',
        rule: `${record.account_manager_email} is not an admin or account manager of your organization`,
      });
    else record.account_manager_id = id;
  } else if (type === 'clients') record.account_manager_id = null;
  if (type === 'engagements') {
    const executive = target('executives', record.executive_key, planned, existing);
    const offered = (executive?.functions as string[] | null) ?? [];
    if (executive && !offered.includes(record.function as string))
      errors.push({
        column: 'function',
        rule: `the executive does not lead ${String(record.function)} (offers ${offered.join(', ')})`,
      });
    if (record.planned_end_date && (record.planned_end_date as string) < (record.start_date as string))
      errors.push({ column: 'planned_end_date', rule: 'must not be before start_date' });
  }
  if (type === 'priorities') {
    const engagement = target('engagements', record.engagement_key, planned, existing);
    const owner = target('owners', record.owner_key, planned, existing);
    if (engagement && owner && engagement.client_id !== owner.client_id)
      errors.push({
        column: 'owner_key',
        rule: "the owner is not at the engagement's client (one owner, of that client)",
      });
    if ((record.target_date as string) < (record.start_date as string))
      errors.push({ column: 'target_date', rule: 'must not be before start_date' });
  }
  if (type === 'milestones') {
    if (record.status === 'done' && !record.completed_at)
      errors.push({ column: 'completed_at', rule: 'required when status is done' });
    if (record.status !== 'done' && record.completed_at)
      errors.push({ column: 'completed_at', rule: 'only for status done' });
    if (typeof record.completed_at === 'string' && Date.parse(record.completed_at) > ctx.now.getTime() + 60_000)
      errors.push({ column: 'completed_at', rule: 'must not be in the future' });
    if (before) {
      const changes = IMPORT_COLUMNS.milestones
        .map((c) => c.name)
        .filter((c) => !NOT_COMPARED.has(c) && !same(before[c], record[c]));
      if (before.status === 'done' && changes.length)
        errors.push({ column: changes[0], rule: 'the milestone is done: it cannot change' });
      else if (before.baseline_due_date !== record.baseline_due_date)
        errors.push({
          column: 'baseline_due_date',
          rule: `the baseline never changes (it is ${String(before.baseline_due_date)})`,
        });
      else if (before.due_date !== record.due_date) {
        if (before.status === 'cancelled' && record.status === 'cancelled')
          errors.push({ column: 'due_date', rule: 'the milestone is cancelled: it cannot be re-planned' });
        else if (typeof record.replan_reason !== 'string' || !record.replan_reason.trim())
          errors.push({ column: 'replan_reason', rule: 'required when due_date changes (a re-plan keeps its reason)' });
        if (typeof record.replan_category !== 'string' || !record.replan_category)
          errors.push({
            column: 'replan_category',
            rule: 'required when due_date changes (client, executive, allocation, dependency or scope)',
          });
      }
    }
  }
}

/**
 * The focus cap and the ranks of each engagement's active priorities after the import: those the file does not
 * name keep theirs; an active row without a rank keeps its own or goes last; two active priorities may not share a
 * rank; activations past the cap are errors (PRIORITY.FOCUS_CAP_EXCEEDED).
 */
function focusAndRanks(
  rows: Array<{ result: RowResult; record: ImportRecord | null; before: ImportRecord | null }>,
  existing: ExistingRecords,
  ctx: PlanContext,
): void {
  const byEngagement = new Map<string, typeof rows>();
  for (const row of rows) {
    if (!row.record) continue;
    const id = row.record.engagement_id as string;
    byEngagement.set(id, [...(byEngagement.get(id) ?? []), row]);
  }
  for (const [engagementId, inFile] of byEngagement) {
    const named = new Set(inFile.map((r) => r.record!.id));
    const kept = (existing.activePriorities.get(engagementId) ?? []).filter((p) => !named.has(p.id));
    const taken = new Map<number, string>(kept.map((p) => [p.rank, 'an active priority not in this import']));
    let count = kept.length;
    const active = inFile.filter((r) => r.record!.status === 'active');
    // those already active first: an activation is what the cap refuses
    active.sort((a, b) => Number(b.before?.status === 'active') - Number(a.before?.status === 'active'));
    const unranked: typeof rows = [];
    for (const row of active) {
      count += 1;
      if (count > ctx.focusCap) {
        fail(row, {
          column: 'status',
          rule: `the engagement would have ${count} active priorities and the focus cap is ${ctx.focusCap} (PRIORITY.FOCUS_CAP_EXCEEDED)`,
        });
        continue;
      }
      const rank = row.record!.rank;
      if (typeof rank !== 'number') {
        unranked.push(row);
        continue;
      }
      const holder = taken.get(rank);
      if (holder) fail(row, { column: 'rank', rule: `rank ${rank} is already taken by ${holder}` });
      else taken.set(rank, `line ${row.result.line}`);
    }
    let next = Math.max(0, ...taken.keys()) + 1;
    for (const row of unranked) {
      if (row.result.outcome === 'error') continue;
      row.record!.rank = next;
      taken.set(next, `line ${row.result.line}`);
      next += 1;
    }
    for (const row of inFile) {
      if (row.record && row.record.rank === null) row.record.rank = (row.before?.rank as number | undefined) ?? 1;
      if (row.result.outcome === 'unchanged' && row.before && !same(row.before.rank, row.record?.rank)) {
        row.result.outcome = 'updated';
        row.result.changed = ['rank'];
      }
    }
  }
}

function fail(row: { result: RowResult; record: ImportRecord | null }, error: CellError): void {
  row.result.errors.push(error);
  row.result.outcome = 'error';
  row.result.changed = [];
  row.record = null;
}

function singular(type: ImportType): string {
  return type.slice(0, -1);
}
