import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line written while handling one request (or job) carries. The API opens it per request; the
 * token check and a successful login fill in who it is, so lines written deep in a service name the tenant and user.
 */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  /** The job's name, for lines written by a worker job. */
  job?: string;
  organizationId?: string;
  userId?: string;
}

export const logContext = new AsyncLocalStorage<LogContext>();

/** Records who the current request acts for; a no-op outside a request. */
export function identifyForLog(organizationId: string, userId: string): void {
  const store = logContext.getStore();
  if (store) Object.assign(store, { organizationId, userId });
}
