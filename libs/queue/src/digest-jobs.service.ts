import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import { DigestJobs, type ComposeDigestRequest } from '@app/domain';
import { JobId, JobName, QueueName, type JobPayloads } from './queue-names';

const KEEP = { removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } };
export const DIGEST_JOB_OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, ...KEEP } as const;

/**
 * Recipients per compose job when many are due at once. A job costs the queue several round trips (on BullMQ's
 * PostgreSQL backend, about ten transactions): per recipient that was most of a digest's database work. A batch
 * is composed one recipient after another; a retry skips the ones already claimed.
 */
export const DIGEST_COMPOSE_BATCH = 25;

/** Enqueues compose jobs; the database claim on (user, ISO week) is what prevents a second digest. */
@Injectable()
export class BullDigestJobs extends DigestJobs {
  constructor(@InjectQueue(QueueName.Digests) private readonly queue: Queue) {
    super();
  }

  async compose(requests: readonly ComposeDigestRequest[]): Promise<void> {
    if (requests.length > 1) return this.composeInBatches(requests);
    const now = Date.now();
    for (let i = 0; i < requests.length; i += 1000) {
      const chunk = requests.slice(i, i + 1000);
      const jobs = chunk.map((request) => ({
        name: JobName.DigestCompose,
        data: request satisfies JobPayloads[typeof JobName.DigestCompose],
        opts: {
          jobId: JobId.composeDigest(request.userId, request.isoWeek, request.force ? now : undefined),
          ...DIGEST_JOB_OPTIONS,
        },
      }));
      // A finished job of the same id would swallow a new one (BullMQ ignores a duplicate id). For one user (an
      // admin's send-now) drop it first: remove() leaves a running job alone, and that one composes the digest anyway.
      // A whole organization's batch skips this round trip per recipient: a finished job means the week is done.
      if (requests.length === 1 && !requests[0].force) await this.queue.remove(jobs[0].opts.jobId);
      await this.queue.addBulk(jobs);
    }
  }

  /** One job per DIGEST_COMPOSE_BATCH recipients of one organization, in the order given (the dispatcher's: by user id). */
  private async composeInBatches(requests: readonly ComposeDigestRequest[]): Promise<void> {
    const now = Date.now();
    const byOrganization = new Map<string, ComposeDigestRequest[]>();
    for (const request of requests)
      byOrganization.set(request.organizationId, [...(byOrganization.get(request.organizationId) ?? []), request]);
    const jobs = [...byOrganization].flatMap(([organizationId, list]) => {
      const batches: ComposeDigestRequest[][] = [];
      for (let i = 0; i < list.length; i += DIGEST_COMPOSE_BATCH) batches.push(list.slice(i, i + DIGEST_COMPOSE_BATCH));
      return batches.map((batch) => {
        const key = createHash('sha256')
          .update(batch.map((r) => `${r.userId}|${r.isoWeek}`).join(','))
          .digest('hex')
          .slice(0, 24);
        return {
          name: JobName.DigestComposeBatch,
          data: { requests: batch } satisfies JobPayloads[typeof JobName.DigestComposeBatch],
          opts: {
            jobId: JobId.composeDigestBatch(organizationId, key, batch.some((r) => r.force) ? now : undefined),
            ...DIGEST_JOB_OPTIONS,
          },
        };
      });
    });
    for (let i = 0; i < jobs.length; i += 1000) await this.queue.addBulk(jobs.slice(i, i + 1000));
  }
}
