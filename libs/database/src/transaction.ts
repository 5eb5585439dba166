import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** Runs work in one transaction; everything a request writes goes through here, so a failure writes nothing. */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  /**
   * READ COMMITTED: PostgreSQL's default (default_transaction_isolation), so not named here: TypeORM spends
   * a round trip (`SET TRANSACTION ISOLATION LEVEL …`) on an explicit level, on every write.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Reads outside a transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }
}
