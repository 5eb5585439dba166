import { Injectable, Logger } from '@nestjs/common';
import type { Socket } from 'node:net';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { corkInKernel } from './tcp-cork';
import { CLEAR_SESSION_TENANT_SQL, currentTenantScope, MissingTenantScope, runAsSystem, runForOrganization, tenantSettingsSql, type SystemReason, type TenantScope } from './tenant-scope';

export type Tx = EntityManager;

/** One pooled connection held for a unit of work: single statements commit on their own, `transaction` groups some. */
export interface DbSession {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One statement written to the server's socket before this returns (no TypeORM hop, no event-loop turn):
   * for a write that must be on the wire, hence committed even if this process dies the next moment, before
   * the caller's next step. The promise settles with the server's answer. Throws, sending nothing, while the
   * connection is busy: the statement would wait in node-postgres's queue and go out later.
   */
  sendNow(sql: string, params?: unknown[]): Promise<unknown>;
  /**
   * Keeps what is written to this connection next in the kernel (TCP_CORK), waking no PostgreSQL backend, until
   * the returned function is called or the process dies (the kernel then sends it). A no-op where unavailable.
   */
  holdWritesInKernel(): () => void;
  /** Resolves once nothing is in flight on the connection (a plain read's COMMIT is not waited for: see below). */
  idle(): Promise<void>;
}

/** The node-postgres client a TypeORM query runner holds once connected. */
interface PgClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  once(event: 'drain' | 'error' | 'end', listener: () => void): unknown;
  off(event: 'drain' | 'error' | 'end', listener: () => void): unknown;
  /** False while a statement is in flight: a new one is queued, not written. */
  readyForQuery: boolean;
  connection: { stream: Socket };
}

/** node-postgres emits 'drain' when its last queued statement has been answered; a broken connection ends the wait too. */
function idle(client: PgClient): Promise<void> {
  if (client.readyForQuery === true) return Promise.resolve();
  const events = ['drain', 'error', 'end'] as const;
  return new Promise((resolve) => {
    // The connection lives on in the pool: whichever event comes, none of the three listeners stays behind.
    const done = () => {
      for (const event of events) client.off(event, done);
      resolve();
    };
    for (const event of events) client.once(event, done);
  });
}

/** node-postgres writes a statement at once only when nothing is in flight or waiting to be written. */
function sendNowOrThrow(client: PgClient, sql: string, params?: unknown[]): Promise<unknown> {
  if (client.readyForQuery !== true || client.connection.stream.writableLength > 0) {
    throw new Error('The connection is busy: the statement would not be written at once');
  }
  return client.query(sql, params);
}

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

  /**
   * Holds one connection for `work`: for session state that must outlive a transaction (a session-level
   * advisory lock), next to writes that must be committed before the work goes on.
   */
  async session<T>(work: (session: DbSession) => Promise<T>): Promise<T> {
    // Row-level security: the statements sent straight to the client (sendNow) bypass the scoped runner, so the
    // tenant is set for the whole session and cleared before the connection goes back to the pool.
    const scope = requireScope();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const client = (runner as unknown as { databaseConnection: PgClient }).databaseConnection;
    let scoped = false;
    try {
      await client.query(tenantSettingsSql(scope, 'session'));
      scoped = true;
      return await work({
        query: (sql, params) => runner.query(sql, params),
        sendNow: (sql, params) => sendNowOrThrow(client, sql, params),
        holdWritesInKernel: () => corkInKernel(client.connection.stream) ?? (() => undefined),
        idle: () => idle(client),
        transaction: async (inner) => {
          await runner.startTransaction();
          try {
            const result = await inner(runner.manager);
            await runner.commitTransaction();
            return result;
          } catch (error) {
            if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
            throw error;
          }
        },
      });
    } finally {
      if (scoped) await client.query(CLEAR_SESSION_TENANT_SQL).catch(() => undefined);
      await runner.release();
    }
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
/** A statement that only reads (TypeORM's finds, our SELECTs); WITH … is excluded, it may hold an INSERT. */
const PLAIN_READ = /^\s*SELECT\b/i;
const logger = new Logger('Db');

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
      if (PLAIN_READ.test(sql)) {
        // A plain read has nothing to commit and no way to fail its COMMIT that its caller could act on, so the caller
        // does not wait for it. Queued on the connection itself, synchronously, before the runner is released: the
        // next user of this pooled connection is served only after it, so nothing of this transaction reaches them.
        const connection = (runner as unknown as { databaseConnection: { query(sql: string): Promise<unknown> } }).databaseConnection;
        connection.query('COMMIT').catch((error: unknown) => logger.warn(`COMMIT after a read failed: ${error instanceof Error ? error.message : String(error)}`));
        return result;
      }
      await query('COMMIT');
      return result;
    } catch (error) {
      await query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }) as QueryRunner['query'];
  return runner;
}
