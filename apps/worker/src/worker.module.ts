import { InjectQueue } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DatabaseModule, type DataSourceConfig } from '@app/database';
import {
  DEFAULT_DELIVERY_LEASE_SECONDS,
  DeliveryModule,
  DomainModule,
  DriftScanService,
  type DomainOptions,
} from '@app/domain';
import {
  DIGEST_SCHEDULER_ID,
  JobName,
  QUEUE_CONNECTION,
  QueueModule,
  QueueName,
  SCAN_SCHEDULER_ID,
  type QueueConnectionConfig,
  type QueueModuleOptions,
} from '@app/queue';
import { DigestsProcessor } from './processors/digests.processor';
import { assertEveryJobHandled } from './processors/job-handlers';
import { DriftProcessor } from './processors/drift.processor';
import { NotificationsProcessor } from './processors/notifications.processor';

export interface WorkerOptions {
  database: DataSourceConfig;
  queue: QueueModuleOptions;
  mail: { smtpUrl?: string; mailDir: string; from: string; maxMessagesPerSecond: number };
  publicUrl: string;
  /** The domain services' settings (drift scan, webhook policy, digests): see domainOptionsFromEnvironment. */
  domain: DomainOptions;
  scanEveryMinutes: number;
  disableWebhookAfterFailures: number;
  /** Weekly digests on a schedule; without it the worker schedules none (the tests that only exercise alerts). */
  digests?: { dispatchEveryMinutes: number; concurrency: number };
  /** Notification deliveries at once (default 4). */
  deliveryConcurrency?: number;
  /** How long a sender holds a claimed outbox row (default DEFAULT_DELIVERY_LEASE_SECONDS); longer than any send. */
  deliveryLeaseSeconds?: number;
  /** Off in tests that drive scans themselves. */
  schedule: boolean;
}

const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

@Injectable()
class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly drift: DriftProcessor,
    private readonly notifications: NotificationsProcessor,
    private readonly digests: DigestsProcessor,
    private readonly driftScan: DriftScanService,
    @InjectQueue(QueueName.Drift) private readonly driftQueue: Queue,
    @InjectQueue(QueueName.Digests) private readonly digestsQueue: Queue,
    @Inject(QUEUE_CONNECTION) private readonly queueConnection: QueueConnectionConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    assertEveryJobHandled([this.drift.handlers, this.notifications.handlers, this.digests.handlers]);
    // Set here rather than in @Processor(): the decorator's options are fixed at build time.
    const digests = this.options.digests;
    if (this.digests.worker && digests) this.digests.worker.concurrency = digests.concurrency;
    if (this.notifications.worker && this.options.deliveryConcurrency)
      this.notifications.worker.concurrency = this.options.deliveryConcurrency;
    if (this.options.schedule) {
      // Listening before the first command: an outage while this worker boots (its first commands wait for Redis)
      // loses jobs just the same, and must be caught up just the same.
      if (this.queueConnection.kind === 'redis') this.catchUpAfterRedisReconnects();
      await this.upsertSchedulers();
      // Jobs enqueued before this worker was up may be gone (Redis restarted empty while it booted, or before): the
      // rows they stood for are still pending in PostgreSQL. Enqueued again under the same ids, a copy is a no-op.
      if (this.queueConnection.kind === 'redis') {
        const requeued = await this.driftScan.requeueStalledDeliveries(0);
        if (requeued > 0) this.logger.log(`${requeued} pending deliveries enqueued at start`);
      }
    }
  }

  /** Idempotent: every worker upserts the same schedulers, and each fires once per period. */
  private async upsertSchedulers(): Promise<void> {
    await this.driftQueue.upsertJobScheduler(
      SCAN_SCHEDULER_ID,
      { every: this.options.scanEveryMinutes * 60_000 },
      { name: JobName.ScanAll, data: {} },
    );
    this.logger.log(`drift scan scheduled every ${this.options.scanEveryMinutes} min`);
    const digests = this.options.digests;
    if (digests) {
      await this.digestsQueue.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { every: digests.dispatchEveryMinutes * 60_000 },
        { name: JobName.DigestDispatchAll, data: {} },
      );
      this.logger.log(`digest dispatcher scheduled every ${digests.dispatchEveryMinutes} min`);
    }
  }

  /**
   * A Redis that comes back may have come back empty (restarted without persistence, failed over): schedulers,
   * delayed deadline checks and waiting deliveries gone. Everything the jobs stood for is in PostgreSQL, so on
   * every reconnect the worker restores the schedulers, scans every organization now (overdue milestones whose
   * deadline job was lost) and re-enqueues every pending outbox row (deterministic job ids, and a delivery of a
   * row already sent is a no-op). Idempotent, so a reconnect that lost nothing costs one scan.
   */
  private catchUpAfterRedisReconnects(): void {
    // The drift queue's backend reports its connection's lifecycle (every queue has one; they all see the same outage).
    const backend = this.driftQueue.getBackend();
    let lost = false;
    backend.on('close', () => {
      lost = true;
    });
    backend.on('ready', () => {
      if (!lost) return;
      lost = false;
      void (async () => {
        await this.upsertSchedulers();
        await this.driftQueue.add(
          JobName.ScanAll,
          {},
          { jobId: `scan-all-reconnect-${Date.now()}`, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86400 } },
        );
        const requeued = await this.driftScan.requeueStalledDeliveries(0);
        this.logger.warn(
          `queue connection back: schedulers restored, scan of every organization enqueued, ${requeued} pending deliveries re-enqueued`,
        );
      })().catch((error: unknown) =>
        this.logger.error(
          `catch-up after the queue reconnected failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    });
  }

  /**
   * Graceful stop: the BullMQ workers take no new job and wait for the running ones before anything they
   * use (the database pool, the mailer) is closed in the shutdown phase that follows.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.drift.worker?.close(), this.notifications.worker?.close(), this.digests.worker?.close()]);
  }
}

/** Background jobs: drift scans, deadline checks, weekly digests, notification deliveries. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DatabaseModule.forRoot(options.database),
        QueueModule.forRoot(options.queue),
        DomainModule.forRoot(options.domain),
        DeliveryModule.forRoot({
          mail: options.mail,
          delivery: {
            disableWebhookAfterFailures: options.disableWebhookAfterFailures,
            publicUrl: options.publicUrl,
            leaseSeconds: options.deliveryLeaseSeconds ?? DEFAULT_DELIVERY_LEASE_SECONDS,
          },
        }),
      ],
      providers: [
        { provide: WORKER_OPTIONS, useValue: options },
        DriftProcessor,
        NotificationsProcessor,
        DigestsProcessor,
        WorkerLifecycle,
      ],
    };
  }
}
