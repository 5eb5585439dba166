export * from './api-harness';
export * from './database-probe';
export * from './fixtures';
export * from './http-client';
export * from './test-database';
export * from './test-env';
export * from './sinks/smtp-sink';
export * from './sinks/webhook-receiver';
