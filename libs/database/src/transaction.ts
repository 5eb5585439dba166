import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { currentTenantScope, MissingTenantScope, runAsSystem, runForOrganization, tenantSettingsSql, type SystemReason, type TenantScope } from './tenant-scope';

export type Tx = EntityManager;

/**
 * Runs work in one transaction; everything a request writes goes through here, so a failure writes nothing.
 *
 * Every transaction on this data source starts by setting the tenant of the current scope (transaction-local),
 * and a statement sent outside a transaction (`reader`) gets a short transaction of its own that does the same.
 * With no scope the work is refused before it reaches PostgreSQL, so forgetting the tenant fails loudly in
 * every test instead of returning nothing under row-level security.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {
    scopeQueryRunners(dataSource);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    // READ COMMITTED is PostgreSQL's default: naming it would cost a SET TRANSACTION round trip per transaction.
    return this.dataSource.transaction(work);
  }

  /** Reads outside a transaction: each statement runs in its own transaction carrying the current tenant. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  /** Runs work for one organization (a job for it, a request of its user). */
  async forOrganization<T>(organizationId: string, work: () => Promise<T>): Promise<T> {
    return runForOrganization(organizationId, work);
  }

  /** Cross-tenant work: only for the reasons listed in SystemReason (README, "Database isolation"). */
  async asSystem<T>(reason: SystemReason, work: () => Promise<T>): Promise<T> {
    return runAsSystem(reason, work);
  }
}

const SCOPED = Symbol('throughline.tenantScoped');

/** Makes every query runner of the data source apply the tenant scope (idempotent). */
export function scopeQueryRunners(dataSource: DataSource): void {
  const marked = dataSource as DataSource & { [SCOPED]?: true };
  if (marked[SCOPED]) return;
  marked[SCOPED] = true;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = ((...args: Parameters<DataSource['createQueryRunner']>) => scopeRunner(create(...args))) as DataSource['createQueryRunner'];
}

function requireScope(): TenantScope {
  const scope = currentTenantScope();
  if (!scope) throw new MissingTenantScope();
  return scope;
}

function scopeRunner(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  const startTransaction = runner.startTransaction.bind(runner);
  let opening: TenantScope | undefined;
  runner.startTransaction = async (isolationLevel) => {
    opening = runner.isTransactionActive ? undefined : requireScope();
    try {
      await startTransaction(isolationLevel);
    } finally {
      opening = undefined;
    }
  };
  runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (runner.isTransactionActive) {
      // TypeORM's own START TRANSACTION of an outermost transaction: the settings ride along in the same round trip.
      if (opening && sql === 'START TRANSACTION') {
        const scope = opening;
        opening = undefined;
        return query(`START TRANSACTION; ${tenantSettingsSql(scope)}`);
      }
      return query(sql, parameters, structured as true);
    }
    const scope = requireScope();
    await query(`BEGIN; ${tenantSettingsSql(scope)}`);
    try {
      const result = await query(sql, parameters, structured as true);
      await query('COMMIT');
      return result;
    } catch (error) {
      await query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }) as QueryRunner['query'];
  return runner;
}
