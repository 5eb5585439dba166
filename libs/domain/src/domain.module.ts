import { DynamicModule, Module } from '@nestjs/common';
import { AccessRepository } from './access/access.repository';
import { AccessService } from './access/access.service';
import { ApiTokensRepository } from './api-tokens/api-tokens.repository';
import { ApiTokensService } from './api-tokens/api-tokens.service';
import { AuditRepository } from './audit/audit.repository';
import { AuditLogService } from './audit/audit-log.service';
import { AuditService } from './audit/audit.service';
import { CalendarRepository } from './calendar/calendar.repository';
import { CalendarService } from './calendar/calendar.service';
import { CheckInLinksService } from './check-ins/check-in-links.service';
import { CheckInLoopRepository } from './check-ins/check-in-loop.repository';
import { CheckInRemindersService } from './check-ins/check-in-reminders.service';
import { CheckInsRepository } from './check-ins/check-ins.repository';
import { CheckInsService } from './check-ins/check-ins.service';
import { ClientRepository } from './clients/client.repository';
import { ClientsService } from './clients/clients.service';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { DIGEST_OPTIONS, DigestComposer } from './digests/digest-composer.service';
import { DigestDispatchService } from './digests/digest-dispatch.service';
import { DigestFactsRepository } from './digests/digest-facts.repository';
import { DigestRecipientsRepository } from './digests/digest-recipients.repository';
import { DigestsRepository } from './digests/digests.repository';
import { DigestsService } from './digests/digests.service';
import { AlertsService } from './drift/alerts.service';
import { DriftAlertWriter } from './drift/drift-alert-writer';
import { DriftFactsRepository } from './drift/drift-facts.repository';
import { DriftRepository } from './drift/drift.repository';
import { DRIFT_SCAN_OPTIONS, DriftScanService } from './drift/drift-scan.service';
import { EngagementsRepository } from './engagements/engagements.repository';
import { EngagementsService } from './engagements/engagements.service';
import { EngagementSetupRepository } from './engagements/engagement-setup.repository';
import { EngagementSetupService } from './engagements/engagement-setup.service';
import { ExecutiveChangesRepository } from './executive-changes/executive-changes.repository';
import { ExecutiveChangesService } from './executive-changes/executive-changes.service';
import { ExecutivesRepository } from './executives/executives.repository';
import { ExecutivesService } from './executives/executives.service';
import { ExportsService } from './exports/exports.service';
import { ForecastRepository } from './forecast/forecast.repository';
import { ForecastService } from './forecast/forecast.service';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ImportsRepository } from './imports/imports.repository';
import { ImportsService } from './imports/imports.service';
import { MilestonesRepository } from './milestones/milestones.repository';
import { MilestonesService } from './milestones/milestones.service';
import { AlertOutboxRepository } from './notifications/alert-outbox.repository';
import { WEBHOOK_POLICY_OPTIONS, WebhookPolicy } from './notifications/delivery/webhook-target';
import { NotificationsService } from './notifications/notifications.service';
import { AlertOptOutService } from './notifications/alert-opt-out.service';
import { ALERT_OPT_OUT_KEY } from './notifications/alert-opt-out-token';
import { OrganizationsService } from './organizations/organizations.service';
import { OwnersRepository } from './owners/owners.repository';
import { OwnersService } from './owners/owners.service';
import { PlaybooksRepository } from './playbooks/playbooks.repository';
import { PlaybooksService } from './playbooks/playbooks.service';
import { PortfolioRepository } from './portfolio/portfolio.repository';
import { PortfolioService } from './portfolio/portfolio.service';
import { SummaryService } from './portfolio/summary.service';
import { ClientSummaryService } from './client-summary/client-summary.service';
import { PulseRepository } from './pulse/pulse.repository';
import { PulseService } from './pulse/pulse.service';
import { PulseDispatchService } from './pulse/pulse-dispatch.service';
import { PrioritiesRepository } from './priorities/priorities.repository';
import { PrioritiesService } from './priorities/priorities.service';
import { Clock } from './shared/clock';
import { SSO_OPTIONS } from './sso/sso-crypto';
import { SsoRepository } from './sso/sso.repository';
import { SsoService } from './sso/sso.service';
import { assertDomainOptions, type DomainOptions } from './domain-options';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

const SERVICES = [
  AccessService,
  ApiTokensRepository,
  ApiTokensService,
  SsoRepository,
  SsoService,
  AuditService,
  CalendarRepository,
  CalendarService,
  ExportsService,
  ImportsRepository,
  ImportsService,
  AuditLogService,
  CheckInsService,
  CheckInLinksService,
  CheckInRemindersService,
  ClientRepository,
  ClientsService,
  EngagementsService,
  EngagementSetupService,
  ExecutivesService,
  IdempotencyService,
  MilestonesService,
  OrganizationsService,
  OwnersService,
  PlaybooksService,
  PortfolioService,
  SummaryService,
  ClientSummaryService,
  PulseRepository,
  PulseService,
  PulseDispatchService,
  PrioritiesService,
  UsersService,
  AlertsService,
  DriftAlertWriter,
  DriftFactsRepository,
  DriftScanService,
  ForecastRepository,
  ForecastService,
  AlertOutboxRepository,
  NotificationsService,
  AlertOptOutService,
  WebhookPolicy,
  DigestComposer,
  DigestDispatchService,
  DigestFactsRepository,
  DigestRecipientsRepository,
  DigestsService,
  AccessRepository,
  AuditRepository,
  CheckInsRepository,
  CheckInLoopRepository,
  DigestsRepository,
  DriftRepository,
  EngagementsRepository,
  EngagementSetupRepository,
  ExecutivesRepository,
  IdempotencyRepository,
  MilestonesRepository,
  OwnersRepository,
  PlaybooksRepository,
  PortfolioRepository,
  PrioritiesRepository,
  UsersRepository,
  ReportsRepository,
  ReportsService,
  ExecutiveChangesRepository,
  ExecutiveChangesService,
];

/**
 * Needs DatabaseModule (for Db) and QueueModule (DriftJobs, NotificationJobs, DigestJobs) imported by the app; the
 * worker adds DeliveryModule (the mailer and DeliveryService).
 * Global: the API's controllers and the worker's processors use its services directly.
 */
@Module({})
export class DomainModule {
  static forRoot(options: DomainOptions): DynamicModule {
    const { driftScan, webhookPolicy, digests, sso } = assertDomainOptions(options);
    return {
      module: DomainModule,
      global: true,
      providers: [
        { provide: DRIFT_SCAN_OPTIONS, useValue: driftScan },
        { provide: WEBHOOK_POLICY_OPTIONS, useValue: webhookPolicy },
        { provide: DIGEST_OPTIONS, useValue: digests },
        // Alert emails' opt-out links (signed in the worker's DeliveryService, checked by the API) use the digests' key.
        { provide: ALERT_OPT_OUT_KEY, useValue: digests.unsubscribeKey },
        { provide: SSO_OPTIONS, useValue: sso },
        Clock,
        ...SERVICES,
      ],
      exports: [Clock, ALERT_OPT_OUT_KEY, ...SERVICES],
    };
  }
}
