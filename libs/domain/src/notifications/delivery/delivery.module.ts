import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DeliveryService } from '../delivery.service';
import { OutboxRepository } from '../outbox.repository';
import { assertLeaseOutlastsSends, DELIVERY_OPTIONS, MAILER, type DeliveryOptions } from './delivery-options';
import { createMailer, type Mailer, type MailerConfig } from './mailer';

@Injectable()
class MailerCloser implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}
  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}

/**
 * The sending side of notifications, for the process that delivers them (the worker): the mailer and DeliveryService
 * with their settings. Global, so DigestComposer (in DomainModule) sends a digest's first copy itself where it is loaded.
 */
@Global()
@Module({})
export class DeliveryModule {
  static forRoot(options: { mail: MailerConfig; delivery: DeliveryOptions }): DynamicModule {
    assertLeaseOutlastsSends(options.delivery, options.mail);
    return {
      module: DeliveryModule,
      providers: [
        { provide: DELIVERY_OPTIONS, useValue: options.delivery },
        { provide: MAILER, useFactory: () => createMailer(options.mail) },
        MailerCloser,
        OutboxRepository,
        DeliveryService,
      ],
      exports: [DeliveryService],
    };
  }
}
