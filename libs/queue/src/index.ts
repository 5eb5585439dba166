export * from './digest-jobs.service';
export * from './drift-jobs.service';
export * from './queue-backend';
export * from './queue-names';
export * from './queue.module';
