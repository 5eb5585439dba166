import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DatabaseModule, type DataSourceConfig } from '@app/database';
import { createMailer, DeliveryService, DomainModule, DriftScanService, WebhookPolicy, type Mailer } from '@app/domain';
import { JobName, QueueModule, QueueName, SCAN_SCHEDULER_ID, type QueueModuleOptions } from '@app/queue';
import { assertEveryJobHandled } from './processors/job-handlers';
import { DriftProcessor } from './processors/drift.processor';
import { NotificationsProcessor } from './processors/notifications.processor';

export interface WorkerOptions {
  database: DataSourceConfig;
  queue: QueueModuleOptions;
  mail: { smtpUrl?: string; mailDir: string; from: string; maxMessagesPerSecond: number };
  publicUrl: string;
  /** More alerts than this for one recipient from one scan: one batch message. */
  alertBatchAbove: number;
  scanEveryMinutes: number;
  disableWebhookAfterFailures: number;
  allowPrivateWebhookTargets: boolean;
  /** Off in tests that drive scans themselves. */
  schedule: boolean;
}

const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

@Injectable()
class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private mailer?: Mailer;

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly drift: DriftProcessor,
    private readonly notifications: NotificationsProcessor,
    private readonly driftScan: DriftScanService,
    private readonly delivery: DeliveryService,
    private readonly webhookPolicy: WebhookPolicy,
    @InjectQueue(QueueName.Drift) private readonly driftQueue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    assertEveryJobHandled([this.drift.handlers, this.notifications.handlers]);
    this.mailer = createMailer(this.options.mail);
    this.driftScan.configure({ publicUrl: this.options.publicUrl, alertBatchAbove: this.options.alertBatchAbove });
    this.webhookPolicy.configure({ allowPrivateTargets: this.options.allowPrivateWebhookTargets });
    this.delivery.configure({ mailer: this.mailer, disableWebhookAfterFailures: this.options.disableWebhookAfterFailures, publicUrl: this.options.publicUrl });
    if (this.options.schedule) {
      // Idempotent: every worker upserts the same scheduler, and it fires once per period.
      await this.driftQueue.upsertJobScheduler(SCAN_SCHEDULER_ID, { every: this.options.scanEveryMinutes * 60_000 }, { name: JobName.ScanAll, data: {} });
      this.logger.log(`drift scan scheduled every ${this.options.scanEveryMinutes} min`);
    }
  }

  /**
   * Graceful stop: the BullMQ workers take no new job and wait for the running ones before anything they
   * use (the database pool, the mailer) is closed in the shutdown phase that follows.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.drift.worker?.close(), this.notifications.worker?.close()]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.mailer?.close();
  }
}

/** Background jobs: drift scans, deadline checks, notification deliveries. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DatabaseModule.forRoot(options.database), QueueModule.forRoot(options.queue), DomainModule],
      providers: [{ provide: WORKER_OPTIONS, useValue: options }, DriftProcessor, NotificationsProcessor, WorkerLifecycle],
    };
  }
}
