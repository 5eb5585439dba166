export * from './actor';
export * from './clock';
export * from './errors';
export * from './pagination';
export * from './sql';
// The log context lives with the logger (a platform concern); the domain fills it in (identifyForLog).
export { identifyForLog, logContext, type LogContext } from '@app/platform';
