import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { DeliveryService } from '@app/domain';
import { JobName, QueueName, type JobPayloads } from '@app/queue';
import { failForGoodOnDomainError, WORKER_OPTIONS, type HandlerTable } from './job-handlers';

/** Thrown to let BullMQ retry with backoff; the outbox row already holds the error. */
class DeliveryRetry extends Error {}

@Processor(QueueName.Notifications, { ...WORKER_OPTIONS, concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  readonly handlers: HandlerTable = {
    [JobName.DeliverNotification]: (job) => this.deliver(job),
  };

  constructor(private readonly delivery: DeliveryService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name} on queue ${QueueName.Notifications}`);
    return failForGoodOnDomainError(() => handler(job), job);
  }

  private async deliver(job: Job): Promise<string> {
    const { outboxId } = job.data as JobPayloads[typeof JobName.DeliverNotification];
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.delivery.deliver(outboxId, finalAttempt);
    if (outcome === 'retry') throw new DeliveryRetry(`delivery of outbox ${outboxId} will be retried`);
    return outcome;
  }
}
