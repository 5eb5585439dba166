import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DigestJobs, DriftJobs, NotificationJobs } from '@app/domain';
import { BullDigestJobs } from './digest-jobs.service';
import { BullDriftJobs, BullNotificationJobs } from './drift-jobs.service';
import type { QueueConnectionConfig } from './queue-backend';
import { QueueName } from './queue-names';

export interface QueueModuleOptions {
  connection: QueueConnectionConfig;
  notificationAttempts: number;
}

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

/** Queues and producers; the API imports this alone, the worker adds its processors. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({ connection: options.connection.connection as never, prefix: options.connection.prefix }),
        BullModule.registerQueue(
          { name: QueueName.Drift },
          { name: QueueName.Notifications },
          { name: QueueName.Digests },
        ),
      ],
      providers: [
        { provide: QUEUE_CONNECTION, useValue: options.connection },
        { provide: DriftJobs, useClass: BullDriftJobs },
        { provide: DigestJobs, useClass: BullDigestJobs },
        {
          provide: NotificationJobs,
          inject: [getQueueToken(QueueName.Notifications)],
          useFactory: (queue: Queue) => new BullNotificationJobs(queue, options.notificationAttempts),
        },
      ],
      exports: [BullModule, DriftJobs, NotificationJobs, DigestJobs, QUEUE_CONNECTION],
    };
  }
}
