import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  currentTenantScope,
  MissingTenantScope,
  runAsSystem,
  runForOrganization,
  tenantSettings,
  type SystemReason,
  type TenantScope,
} from './tenant-scope';

export type Tx = EntityManager;

/** What a single statement needs: the transaction's manager has it, and so has `Db.reader`. */
export interface Queryable {
  /** Rows are typed by the caller, as with EntityManager.query. */
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** Both settings transaction-local (`is_local = true`): they end with the transaction, so a pooled connection never carries them on. */
const SET_TENANT_SQL = `SELECT set_config('app.organization_id', $1, true), set_config('app.cross_tenant', $2, true)`;

/**
 * Runs work in one transaction; everything a request writes goes through here, so a failure writes nothing.
 *
 * Every transaction starts by setting the tenant of the current scope (row-level security reads it), and a
 * statement sent outside a transaction (`reader`) gets a short transaction of its own that does the same. With no
 * scope the work is refused before it reaches PostgreSQL, so forgetting the tenant fails loudly in every test
 * instead of returning nothing under row-level security. Only TypeORM's public API: no patched query runner.
 */
@Injectable()
export class Db {
  /** Reads outside a transaction: each statement runs, and commits, in a transaction of its own carrying the current tenant. */
  readonly reader: Queryable = { query: (sql, parameters) => this.transaction((tx) => tx.query(sql, parameters)) };

  constructor(readonly dataSource: DataSource) {}

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const scope = requireScope();
    // READ COMMITTED is PostgreSQL's default: naming it would cost a SET TRANSACTION round trip per transaction.
    return this.dataSource.transaction(async (tx) => {
      await tx.query(SET_TENANT_SQL, tenantSettings(scope));
      return work(tx);
    });
  }

  /** Runs work for one organization (a job for it, a request of its user). */
  async forOrganization<T>(organizationId: string, work: () => Promise<T>): Promise<T> {
    return runForOrganization(organizationId, work);
  }

  /** Cross-tenant work: only for the reasons listed in SystemReason (docs/security-controls.md, "Database isolation"). */
  async asSystem<T>(reason: SystemReason, work: () => Promise<T>): Promise<T> {
    return runAsSystem(reason, work);
  }
}

function requireScope(): TenantScope {
  const scope = currentTenantScope();
  if (!scope) throw new MissingTenantScope();
  return scope;
}
