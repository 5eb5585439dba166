import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { DriftScanService } from '@app/domain';
import { JobId, JobName, QueueName, type JobPayloads } from '@app/queue';
import { failForGoodOnDomainError, WORKER_OPTIONS, type HandlerTable } from './job-handlers';

@Processor(QueueName.Drift, { ...WORKER_OPTIONS, concurrency: 2 })
export class DriftProcessor extends WorkerHost {
  private readonly logger = new Logger('DriftProcessor');

  readonly handlers: HandlerTable = {
    [JobName.ScanAll]: () => this.scanAll(),
    [JobName.ScanOrganization]: (job) =>
      this.scan((job.data as JobPayloads[typeof JobName.ScanOrganization]).organizationId),
    // The deadline has passed: a scan of the organization now sees the milestone overdue.
    [JobName.MilestoneDeadline]: (job) =>
      this.scan((job.data as JobPayloads[typeof JobName.MilestoneDeadline]).organizationId),
  };

  constructor(
    private readonly driftScan: DriftScanService,
    @InjectQueue(QueueName.Drift) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name} on queue ${QueueName.Drift}`);
    return failForGoodOnDomainError(() => handler(job), job);
  }

  private scan(organizationId: string) {
    return this.driftScan.scanOrganization(organizationId);
  }

  /** Fans out one job per organization, and re-enqueues deliveries a crash left behind. */
  private async scanAll(): Promise<{ organizations: number; requeued: number }> {
    const ids = await this.driftScan.organizationIds();
    // One id per organization per minute (BullMQ refuses ':' in custom ids).
    const slot = String(Math.floor(Date.now() / 60_000));
    await this.queue.addBulk(
      ids.map((organizationId) => ({
        name: JobName.ScanOrganization,
        data: { organizationId } satisfies JobPayloads[typeof JobName.ScanOrganization],
        opts: {
          jobId: JobId.scanOrganization(organizationId, `scheduled-${slot}`),
          attempts: 3,
          backoff: { type: 'exponential', delay: 5000 },
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 86400 },
        },
      })),
    );
    const requeued = await this.driftScan.requeueStalledDeliveries();
    this.logger.log(
      `scheduled scan: ${ids.length} organizations${requeued ? `, ${requeued} stalled deliveries re-enqueued` : ''}`,
    );
    return { organizations: ids.length, requeued };
  }
}
