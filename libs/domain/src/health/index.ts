export * from './calendar';
export * from './health';
