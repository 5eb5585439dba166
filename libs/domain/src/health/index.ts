export * from './calendar';
export * from './health';
export * from './headline';
