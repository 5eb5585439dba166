import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** Runs work in one transaction; everything a request writes goes through here, so a failure writes nothing. */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /** Reads outside a transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }
}
