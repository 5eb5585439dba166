import { DataSource } from 'typeorm';
import { ENTITIES } from '../../domain/src/entities';
import { migrations } from '../../../migrations';

export interface DataSourceConfig {
  url: string;
  poolSize?: number;
  applicationName?: string;
  logging?: boolean;
  /**
   * How long a query waits for a pooled connection (a free one, or a new one to be opened) before failing. Short
   * for the API: with PostgreSQL down a request fails fast (503) instead of hanging.
   */
  connectTimeoutMs?: number;
}

/** The one way the apps, the tests and the migration CLI reach PostgreSQL. synchronize stays off everywhere. */
export function createDataSource(config: DataSourceConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    entities: ENTITIES,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: config.logging ? ['error', 'warn', 'query'] : ['error'],
    extra: {
      max: config.poolSize ?? 10,
      application_name: config.applicationName ?? 'throughline',
      connectionTimeoutMillis: config.connectTimeoutMs ?? 5000,
    },
  });
}
