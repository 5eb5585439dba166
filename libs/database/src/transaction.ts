import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** One pooled connection held for a unit of work: single statements commit on their own, `transaction` groups some. */
export interface DbSession {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One statement written to the server's socket before this returns (no TypeORM hop, no event-loop turn):
   * for a write that must be on the wire, hence committed even if this process dies the next moment, before
   * the caller's next step. The promise settles with the server's answer.
   */
  sendNow(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The node-postgres client a TypeORM query runner holds once connected. */
interface PgClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Runs work in one transaction; everything a request writes goes through here, so a failure writes nothing. */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * Holds one connection for `work`: for session state that must outlive a transaction (a session-level
   * advisory lock), next to writes that must be committed before the work goes on.
   */
  async session<T>(work: (session: DbSession) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await work({
        query: (sql, params) => runner.query(sql, params),
        sendNow: (sql, params) => (runner as unknown as { databaseConnection: PgClient }).databaseConnection.query(sql, params),
        transaction: async (inner) => {
          await runner.startTransaction('READ COMMITTED');
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
      await runner.release();
    }
  }

  /** Reads outside a transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }
}
