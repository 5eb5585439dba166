export * from './actor';
export * from './clock';
export * from './errors';
export * from './pagination';
export * from './sql';
export * from './log-context';
