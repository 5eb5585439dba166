export * from './idempotency-key.entity';
export * from './idempotency.errors';
export * from './idempotency.repository';
export * from './idempotency.service';
