import { hostname } from 'node:os';
import { UnrecoverableError, type Job } from 'bullmq';
import { DomainError } from '@app/domain';
import { logContext, type LogContext } from '@app/platform';
import { JobName } from '@app/queue';

/** `token`: the worker's lock on the job, for moving it (e.g. back to delayed) from inside the handler. */
export type JobHandler = (job: Job, token?: string) => Promise<unknown>;
export type HandlerTable = Partial<Record<JobName, JobHandler>>;

/** Every job name must have exactly one handler: the worker refuses to start otherwise. */
export function assertEveryJobHandled(tables: readonly HandlerTable[]): void {
  const handled = tables.flatMap((t) => Object.keys(t));
  const missing = Object.values(JobName).filter((name) => !handled.includes(name));
  const twice = handled.filter((name, i) => handled.indexOf(name) !== i);
  if (missing.length || twice.length) {
    throw new Error(
      `Job handlers are incomplete: ${missing.length ? `no handler for ${missing.join(', ')}` : ''}${twice.length ? ` more than one for ${twice.join(', ')}` : ''}`,
    );
  }
}

/**
 * Stall detection tuned so a killed worker's job is picked up again within about 15 s (DESIGN.md §8). The name
 * (host:pid) is stored on every job the process takes (`processedBy`): which worker held a job that stalled.
 */
export const WORKER_OPTIONS = {
  lockDuration: 10_000,
  stalledInterval: 5_000,
  maxStalledCount: 2,
  name: `${hostname()}:${process.pid}`,
} as const;

/** A DomainError (e.g. the organization is gone) will not change on retry: fail the job for good. */
export async function failForGoodOnDomainError<T>(
  work: () => Promise<T>,
  job?: { id?: string; name: string; data: unknown },
): Promise<T> {
  try {
    // Every log line the job writes names it (and its organization, when the payload has one).
    const organizationId = (job?.data as { organizationId?: unknown } | undefined)?.organizationId;
    const context: LogContext = {
      jobId: job?.id,
      job: job?.name,
      ...(typeof organizationId === 'string' ? { organizationId } : {}),
    };
    return await logContext.run(context, work);
  } catch (error) {
    if (error instanceof DomainError) throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}
