export * from './log-context';
export * from './logger';
export * from './node-flags';
export * from './parent-process';
