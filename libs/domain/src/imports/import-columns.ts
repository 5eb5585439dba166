import { REPLAN_CATEGORIES } from '../milestones/milestone.entity';
/**
 * The CSV column format of the import, per record type (docs/product.md, "CSV import"), and the pure mapping of one
 * parsed CSV record to typed values or errors naming the column and the rule. No I/O: references between rows
 * (`client_key` …) are resolved by the ImportsService against the file and the organization.
 */

export const IMPORT_TYPES = ['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export type CellValue = string | number | string[] | null;
type Parsed = { ok: true; value: CellValue } | { ok: false; rule: string };

export interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
  parse: (text: string) => Parsed;
}

const ok = (value: CellValue): Parsed => ({ ok: true, value });
const fail = (rule: string): Parsed => ({ ok: false, rule });

const text =
  (max: number, min = 1): ImportColumn['parse'] =>
  (raw) =>
    raw.length < min ? fail(`must not be empty`) : raw.length > max ? fail(`at most ${max} characters`) : ok(raw);

const oneOf =
  (values: readonly string[]): ImportColumn['parse'] =>
  (raw) =>
    values.includes(raw) ? ok(raw) : fail(`one of ${values.join(', ')}`);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isCalendarDate(raw: string): boolean {
  const m = DATE.exec(raw);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
const date: ImportColumn['parse'] = (raw) =>
  isCalendarDate(raw) && raw >= '1900-01-01' && raw <= '2999-12-31' ? ok(raw) : fail('a date YYYY-MM-DD');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const instant: ImportColumn['parse'] = (raw) =>
  INSTANT.test(raw) && isCalendarDate(raw.slice(0, 10)) && !Number.isNaN(Date.parse(raw))
    ? ok(new Date(raw).toISOString())
    : fail('an RFC 3339 date-time such as 2026-03-04T15:00:00Z');

const decimal =
  (min: number, max: number, places: number): ImportColumn['parse'] =>
  (raw) => {
    if (!new RegExp(`^\\d+(\\.\\d{1,${places}})?$`).test(raw))
      return fail(`a number with at most ${places} decimal place${places === 1 ? '' : 's'}`);
    const n = Number(raw);
    return n < min || n > max ? fail(`between ${min} and ${max}`) : ok(n);
  };

const integer =
  (min: number, max: number): ImportColumn['parse'] =>
  (raw) =>
    /^\d{1,6}$/.test(raw) && Number(raw) >= min && Number(raw) <= max
      ? ok(Number(raw))
      : fail(`a whole number between ${min} and ${max}`);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email: ImportColumn['parse'] = (raw) =>
  raw.length <= 254 && EMAIL.test(raw) ? ok(raw.toLowerCase()) : fail('an email address');

const FUNCTIONS = ['CRO', 'CMO', 'CPO'];
const functions: ImportColumn['parse'] = (raw) => {
  const items = raw
    .split(/[|;,\s]+/)
    .filter(Boolean)
    .map((f) => f.toUpperCase());
  if (items.length === 0 || items.some((f) => !FUNCTIONS.includes(f)))
    return fail(`one or more of ${FUNCTIONS.join(', ')} separated by |`);
  return ok([...new Set(items)].sort((a, b) => FUNCTIONS.indexOf(a) - FUNCTIONS.indexOf(b)));
};

const key: ImportColumn['parse'] = (raw) =>
  raw.length > 200
    ? fail('at most 200 characters')
    : /[\u0000-\u001f]/.test(raw)
      ? fail('no control characters')
      : ok(raw);

const col = (
  name: string,
  required: boolean,
  parse: ImportColumn['parse'],
  description: string,
  example: string,
): ImportColumn => ({ name, required, parse, description, example });

const externalKey = col(
  'external_key',
  true,
  key,
  'Your own unique key for this row; re-importing it updates the record',
  '',
);

export const IMPORT_COLUMNS: Record<ImportType, ImportColumn[]> = {
  clients: [
    { ...externalKey, example: 'CL-001' },
    col('name', true, text(200), 'Client name', 'Acme Robotics'),
    col('industry', false, text(200, 0), 'Industry', 'Industrial automation'),
    col('stage', true, oneOf(['emerging', 'growth', 'enterprise']), 'emerging, growth or enterprise', 'growth'),
    col('status', false, oneOf(['active', 'inactive']), 'active (default) or inactive', 'active'),
    col(
      'account_manager_email',
      false,
      email,
      'Email of an admin or account manager of your organization',
      'manager@firm.example',
    ),
  ],
  executives: [
    { ...externalKey, example: 'EX-001' },
    col('name', true, text(200), 'Full name', 'Elena Vasquez'),
    col('email', true, email, 'Email', 'elena@firm.example'),
    col('functions', true, functions, 'CRO, CMO and/or CPO, separated by |', 'CRO|CMO'),
  ],
  engagements: [
    { ...externalKey, example: 'EN-001' },
    col('client_key', true, key, 'external_key of the client', 'CL-001'),
    col('executive_key', true, key, 'external_key of the executive', 'EX-001'),
    col('function', true, oneOf(FUNCTIONS), 'CRO, CMO or CPO (one the executive leads)', 'CRO'),
    col(
      'status',
      false,
      oneOf(['proposed', 'active', 'paused', 'completed', 'cancelled']),
      'proposed, active (default), paused, completed or cancelled',
      'active',
    ),
    col('start_date', true, date, 'First day (YYYY-MM-DD)', '2026-01-05'),
    col('planned_end_date', false, date, 'Planned last day (YYYY-MM-DD)', '2026-12-31'),
    col('days_per_week', true, decimal(0.1, 7, 1), 'Allocation in days per week (0.1–7)', '2.5'),
  ],
  owners: [
    { ...externalKey, example: 'OW-001' },
    col('client_key', true, key, 'external_key of the client the owner works at', 'CL-001'),
    col('name', true, text(200), 'Full name', 'Priya Raman'),
    col('email', false, email, 'Email', 'priya@acme.example'),
    col('title', false, text(200, 0), 'Job title', 'VP Sales'),
  ],
  priorities: [
    { ...externalKey, example: 'PR-001' },
    col('engagement_key', true, key, 'external_key of the engagement', 'EN-001'),
    col('owner_key', true, key, "external_key of its one owner (an owner at the engagement's client)", 'OW-001'),
    col('title', true, text(300), 'Title', 'Rebuild the enterprise pipeline'),
    col('description', false, text(5000, 0), 'Description', ''),
    col(
      'status',
      false,
      oneOf(['draft', 'active', 'achieved', 'dropped']),
      'draft, active (default), achieved or dropped',
      'active',
    ),
    col('rank', false, integer(1, 100), 'Position among the active priorities (default: last)', '1'),
    col('start_date', false, date, 'Start (YYYY-MM-DD; default today)', '2026-01-05'),
    col('target_date', true, date, 'When it should be achieved (YYYY-MM-DD)', '2026-06-30'),
  ],
  milestones: [
    { ...externalKey, example: 'MS-001' },
    col('priority_key', true, key, 'external_key of the priority', 'PR-001'),
    col('title', true, text(300), 'Title', 'Hire two enterprise AEs'),
    col('due_date', true, date, 'Current due date (YYYY-MM-DD)', '2026-03-31'),
    col(
      'baseline_due_date',
      false,
      date,
      'First committed due date (default: due_date); never changes once imported',
      '2026-03-31',
    ),
    col('forecast_date', false, date, 'Forecast, when it differs from the due date', ''),
    col(
      'status',
      false,
      oneOf(['planned', 'in_progress', 'done', 'cancelled']),
      'planned (default), in_progress, done or cancelled',
      'planned',
    ),
    col('weight', false, decimal(0.01, 1000, 2), 'Weight (0.01–1000, default 1)', '1'),
    col('completed_at', false, instant, 'When it was done (RFC 3339); required for done, only for done', ''),
    col('replan_reason', false, text(2000, 0), 'Why due_date moves: required when it changes on re-import', ''),
    col(
      'replan_category',
      false,
      oneOf([...REPLAN_CATEGORIES]),
      'What caused the move (client, executive, allocation, dependency, scope): required with replan_reason',
      '',
    ),
  ],
};

/** The order a multi-file import applies the types in: every reference points to a type applied before it. */
export const IMPORT_ORDER: readonly ImportType[] = IMPORT_TYPES;

export interface CellError {
  column: string;
  rule: string;
}

export interface MappedRow {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  externalKey: string | null;
  /** Typed values of the columns the file has (an absent optional column is absent here too). */
  values: Record<string, CellValue>;
  errors: CellError[];
}

/** A header's problems: a required column missing, an unknown or repeated column. Empty when the header is usable. */
export function headerProblems(type: ImportType, header: string[]): string[] {
  const known = new Set(IMPORT_COLUMNS[type].map((c) => c.name));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push(`column ${name} appears twice`);
    seen.add(name);
    if (!known.has(name)) problems.push(`unknown column ${JSON.stringify(name)} (expected: ${[...known].join(', ')})`);
  }
  for (const column of IMPORT_COLUMNS[type])
    if (column.required && !seen.has(column.name)) problems.push(`missing required column ${column.name}`);
  return problems;
}

/** Formula neutralisation on export prefixes a quote (see csv-safety.ts): an imported cell loses it again. */
export function restoreNeutralised(raw: string): string {
  return /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
}

/** One CSV record (cells by header name) to typed values; blank optional cells are null. */
export function mapRow(type: ImportType, line: number, record: Record<string, string>): MappedRow {
  const values: Record<string, CellValue> = {};
  const errors: CellError[] = [];
  for (const column of IMPORT_COLUMNS[type]) {
    if (!Object.hasOwn(record, column.name)) continue;
    const raw = restoreNeutralised((record[column.name] ?? '').trim());
    if (raw === '') {
      if (column.required) errors.push({ column: column.name, rule: 'required' });
      values[column.name] = null;
      continue;
    }
    const parsed = column.parse(raw);
    if (parsed.ok) values[column.name] = parsed.value;
    else errors.push({ column: column.name, rule: parsed.rule });
  }
  rowRules(type, values, errors);
  const externalKey = typeof values.external_key === 'string' ? values.external_key : null;
  return { line, externalKey, values, errors };
}

/** Rules between the cells of one row. */
function rowRules(type: ImportType, v: Record<string, CellValue>, errors: CellError[]): void {
  const has = (c: string) => errors.some((e) => e.column === c);
  if (type === 'engagements' && v.planned_end_date && v.start_date && !has('planned_end_date'))
    if ((v.planned_end_date as string) < (v.start_date as string))
      errors.push({ column: 'planned_end_date', rule: 'must not be before start_date' });
  if (type === 'priorities' && v.start_date && v.target_date && !has('target_date'))
    if ((v.target_date as string) < (v.start_date as string))
      errors.push({ column: 'target_date', rule: 'must not be before start_date' });
  if (type === 'milestones' && !has('status') && !has('completed_at')) {
    const done = v.status === 'done';
    if (done && !v.completed_at) errors.push({ column: 'completed_at', rule: 'required when status is done' });
    if (!done && v.completed_at) errors.push({ column: 'completed_at', rule: 'only for status done' });
  }
}

/** The template a user downloads: the header and one example row. */
export function templateRows(type: ImportType): string[][] {
  const columns = IMPORT_COLUMNS[type];
  return [columns.map((c) => c.name), columns.map((c) => c.example)];
}
