import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import {
  CheckInRemindersService,
  DigestComposer,
  DigestDispatchService,
  DigestJobs,
  PulseDispatchService,
} from '@app/domain';
import { JobId, JobName, QueueName, type JobPayloads } from '@app/queue';
import { failForGoodOnDomainError, WORKER_OPTIONS, type HandlerTable } from './job-handlers';

/**
 * Weekly digests, the same shape as the drift scan: a job scheduler fires DigestDispatchAll, which fans out
 * one job per organization; each selects its due recipients in one query and enqueues them in compose batches
 * (DIGEST_COMPOSE_BATCH recipients per job, libs/queue/src/digest-jobs.service.ts).
 */
@Processor(QueueName.Digests, { ...WORKER_OPTIONS, concurrency: 4 })
export class DigestsProcessor extends WorkerHost {
  private readonly logger = new Logger('DigestsProcessor');

  readonly handlers: HandlerTable = {
    [JobName.DigestDispatchAll]: () => this.dispatchAll(),
    [JobName.DigestDispatchOrganization]: (job) => this.dispatchOrganization(job),
    [JobName.DigestCompose]: (job) =>
      this.composer.composeAndQueue(job.data as JobPayloads[typeof JobName.DigestCompose]),
    [JobName.DigestComposeBatch]: (job) =>
      this.composer.composeBatch((job.data as JobPayloads[typeof JobName.DigestComposeBatch]).requests),
  };

  constructor(
    private readonly dispatch: DigestDispatchService,
    private readonly composer: DigestComposer,
    private readonly jobs: DigestJobs,
    private readonly checkInReminders: CheckInRemindersService,
    private readonly pulses: PulseDispatchService,
    @InjectQueue(QueueName.Digests) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name} on queue ${QueueName.Digests}`);
    return failForGoodOnDomainError(() => handler(job), job);
  }

  private async dispatchAll(): Promise<{ organizations: number }> {
    const ids = await this.dispatch.organizationIds();
    // One id per organization per minute (BullMQ refuses ':' in custom ids).
    const slot = String(Math.floor(Date.now() / 60_000));
    await this.queue.addBulk(
      ids.map((organizationId) => ({
        name: JobName.DigestDispatchOrganization,
        data: { organizationId } satisfies JobPayloads[typeof JobName.DigestDispatchOrganization],
        opts: {
          jobId: JobId.digestDispatch(organizationId, slot),
          attempts: 3,
          backoff: { type: 'exponential', delay: 5000 },
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 86400 },
        },
      })),
    );
    return { organizations: ids.length };
  }

  /**
   * The organization's due digests, then its due check-in reminders and monthly pulse emails (the same per-minute,
   * per-timezone schedule: issue 18, items 3 and 5). A retry after the digests were enqueued repeats nothing: all
   * three are keyed in the database.
   */
  private async dispatchOrganization(
    job: Job,
  ): Promise<{ due: number; checkInReminders: number; pulseEmails: number }> {
    const { organizationId } = job.data as JobPayloads[typeof JobName.DigestDispatchOrganization];
    const requests = await this.dispatch.dueRequests(organizationId, `dispatch-${job.id}`);
    await this.jobs.compose(requests);
    if (requests.length) this.logger.log(`org ${organizationId}: ${requests.length} digests due`);
    const reminders = await this.checkInReminders.dispatch(organizationId);
    const pulses = await this.pulses.dispatch(organizationId);
    return { due: requests.length, checkInReminders: reminders.reminders, pulseEmails: pulses.emails };
  }
}
