import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DigestJobs, type ComposeDigestRequest } from '@app/domain';
import { JobId, JobName, QueueName, type JobPayloads } from './queue-names';

const KEEP = { removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } };
export const DIGEST_JOB_OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, ...KEEP } as const;

/** Enqueues one compose job per recipient; the database claim on (user, ISO week) is what prevents a second digest. */
@Injectable()
export class BullDigestJobs extends DigestJobs {
  constructor(@InjectQueue(QueueName.Digests) private readonly queue: Queue) {
    super();
  }

  async compose(requests: readonly ComposeDigestRequest[]): Promise<void> {
    const now = Date.now();
    for (let i = 0; i < requests.length; i += 1000) {
      const chunk = requests.slice(i, i + 1000);
      const jobs = chunk.map((request) => ({
        name: JobName.DigestCompose,
        data: request satisfies JobPayloads[typeof JobName.DigestCompose],
        opts: { jobId: JobId.composeDigest(request.userId, request.isoWeek, request.force ? now : undefined), ...DIGEST_JOB_OPTIONS },
      }));
      // A finished job of the same id would swallow a new one (BullMQ ignores a duplicate id). For one user (an
      // admin's send-now) drop it first: remove() leaves a running job alone, and that one composes the digest anyway.
      // A whole organization's batch skips this round trip per recipient: a finished job means the week is done.
      if (requests.length === 1 && !requests[0].force) await this.queue.remove(jobs[0].opts.jobId);
      await this.queue.addBulk(jobs);
    }
  }
}
