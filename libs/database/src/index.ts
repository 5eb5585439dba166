export * from './data-source';
export * from './database.module';
export * from './embedded-postgres';
export * from './migrate';
export * from './transaction';
export * from './tenant-scope';
export * from './app-role';
export * from './embedded-postgres-process';
