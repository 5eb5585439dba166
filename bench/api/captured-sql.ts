/**
 * The SQL one request of ours ran, in order, with its parameters: captured from TypeORM's logger (every
 * statement TypeORM sends goes through logQuery) while the real API module answers that one request.
 * The bare server replays it, substituting the ids that vary from request to request.
 */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

export interface CapturedRoute {
  /** Scenario name, e.g. "summary (account manager)". */
  name: string;
  method: 'GET' | 'POST';
  /** Fastify route of the bare server, e.g. /api/v1/engagements/:id/summary. */
  route: string;
  /** The :id of the captured request: replaced by the requested :id in every parameter. */
  capturedId: string | null;
  /** The id of the row the captured POST created: replaced by the id the replayed INSERT returns. */
  capturedNewId: string | null;
  statements: CapturedStatement[];
}

/** Parameters as JSON can carry them (Dates become ISO strings, which pg sends the same way). */
export function toJsonParams(params: unknown[] | undefined): unknown[] {
  return JSON.parse(
    JSON.stringify(params ?? [], (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)),
  ) as unknown[];
}

/** Replaces every occurrence of each `from` id (as a whole value or inside a JSON string) with its `to`. */
export function substitute(params: unknown[], replacements: Array<[string, string]>): unknown[] {
  if (!replacements.length) return params;
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return replacements.reduce((s, [from, to]) => s.split(from).join(to), value);
    if (Array.isArray(value)) return value.map(swap);
    return value;
  };
  return params.map(swap);
}

export const isTransactionStart = (sql: string) => /^\s*(START TRANSACTION|BEGIN)\b/i.test(sql);
export const isTransactionEnd = (sql: string) => /^\s*(COMMIT|ROLLBACK)\b/i.test(sql);
