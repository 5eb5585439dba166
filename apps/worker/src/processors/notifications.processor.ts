import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { DeliveryService } from '@app/domain';
import { JobName, QueueName, type JobPayloads } from '@app/queue';
import { failForGoodOnDomainError, WORKER_OPTIONS, type HandlerTable } from './job-handlers';

/** Past the end of another sender's lease, so the claim then finds it over (clocks of worker and database differ a little). */
const LEASE_MARGIN_MS = 500;

/** Thrown to let BullMQ retry with backoff; the outbox row already holds the error. */
class DeliveryRetry extends Error {}

@Processor(QueueName.Notifications, { ...WORKER_OPTIONS, concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  readonly handlers: HandlerTable = {
    [JobName.DeliverNotification]: (job, token) => this.deliver(job, token),
  };

  constructor(private readonly delivery: DeliveryService) {
    super();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name} on queue ${QueueName.Notifications}`);
    return failForGoodOnDomainError(() => handler(job, token), job);
  }

  private async deliver(job: Job, token?: string): Promise<string> {
    const { outboxId } = job.data as JobPayloads[typeof JobName.DeliverNotification];
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.delivery.deliver(outboxId, finalAttempt);
    if (outcome === 'retry') throw new DeliveryRetry(`delivery of outbox ${outboxId} will be retried`);
    if (typeof outcome === 'object') {
      // Another sender holds the row (or held it and died): come back when its lease ends, without spending an attempt.
      await job.moveToDelayed(Date.now() + outcome.inProgressForMs + LEASE_MARGIN_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
