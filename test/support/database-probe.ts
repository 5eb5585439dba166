import type { DataSource } from 'typeorm';

/** Every table with an organization_id column, read from the schema once per data source (a new table is included by itself). */
const tenantTables = new WeakMap<DataSource, Promise<string[]>>();

export function tenantTablesOf(dataSource: DataSource): Promise<string[]> {
  let tables = tenantTables.get(dataSource);
  if (!tables) {
    tables = dataSource
      .query(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY 1`,
      )
      .then((rows: Array<{ table_name: string }>) => rows.map((r) => r.table_name));
    tenantTables.set(dataSource, tables);
  }
  return tables;
}

/** Row counts of every tenant table for one organization: "nothing was written" is these staying equal. */
export async function rowCounts(dataSource: DataSource, organizationId: string): Promise<Record<string, number>> {
  const sql = (await tenantTablesOf(dataSource))
    .map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t} WHERE organization_id = $1`)
    .join(' UNION ALL ');
  const rows: Array<{ t: string; n: number }> = await dataSource.query(sql, [organizationId]);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** Counts the statements the data source sends while `work` runs, bookkeeping included (for no-N+1 checks). */
export async function countQueries<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  const { result, statements } = await recordStatements(dataSource, work);
  return { result, queries: statements.length };
}

/** Transaction control and the session setting a transaction may start with: bookkeeping, not data. */
const BOOKKEEPING = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SELECT set_config\()/i;

export interface RecordedStatements<T> {
  result: T;
  /** Every statement sent to PostgreSQL, in order. */
  statements: string[];
  /** The statements that read or write data (without BEGIN/COMMIT/ROLLBACK/savepoints/set_config). */
  dataStatements: string[];
}

/**
 * Records every statement the data source sends while `work` runs, as TypeORM's query runner reports it to the
 * logger (the same hook `npm run bench:api` captures its SQL with), whatever entity manager or transaction sent it.
 */
export async function recordStatements<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<RecordedStatements<T>> {
  const statements: string[] = [];
  const original = dataSource.logger;
  (dataSource as { logger: DataSource['logger'] }).logger = Object.assign(
    Object.create(original) as DataSource['logger'],
    {
      logQuery: (query: string) => void statements.push(query),
    },
  );
  try {
    const result = await work();
    return { result, statements, dataStatements: statements.filter((s) => !BOOKKEEPING.test(s)) };
  } finally {
    (dataSource as { logger: DataSource['logger'] }).logger = original;
  }
}
