import { Global, Module } from '@nestjs/common';
import { AccessService } from './access/access.service';
import { AuditLogService } from './audit/audit-log.service';
import { AuditService } from './audit/audit.service';
import { CheckInsService } from './check-ins/check-ins.service';
import { ClientRepository } from './clients/client.repository';
import { ClientsService } from './clients/clients.service';
import { DigestComposer } from './digests/digest-composer.service';
import { DigestDispatchService } from './digests/digest-dispatch.service';
import { DigestFactsRepository } from './digests/digest-facts.repository';
import { DigestRecipientsRepository } from './digests/digest-recipients.repository';
import { DigestsService } from './digests/digests.service';
import { AlertsService } from './drift/alerts.service';
import { DriftAlertWriter } from './drift/drift-alert-writer';
import { DriftFactsRepository } from './drift/drift-facts.repository';
import { DriftScanService } from './drift/drift-scan.service';
import { EngagementsService } from './engagements/engagements.service';
import { ExecutivesService } from './executives/executives.service';
import { MilestonesService } from './milestones/milestones.service';
import { AlertOutboxRepository } from './notifications/alert-outbox.repository';
import { WebhookPolicy } from './notifications/delivery/webhook-target';
import { NotificationsService } from './notifications/notifications.service';
import { OrganizationsService } from './organizations/organizations.service';
import { OwnersService } from './owners/owners.service';
import { PortfolioService } from './portfolio/portfolio.service';
import { SummaryService } from './portfolio/summary.service';
import { PrioritiesService } from './priorities/priorities.service';
import { Clock } from './shared/clock';
import { UsersService } from './users/users.service';

const SERVICES = [
  AccessService, AuditService, AuditLogService, CheckInsService, ClientRepository, ClientsService, EngagementsService, ExecutivesService,
  MilestonesService, OrganizationsService, OwnersService, PortfolioService, SummaryService, PrioritiesService, UsersService,
  AlertsService, DriftAlertWriter, DriftFactsRepository, DriftScanService, AlertOutboxRepository, NotificationsService, WebhookPolicy,
  DigestComposer, DigestDispatchService, DigestFactsRepository, DigestRecipientsRepository, DigestsService,
];

/**
 * Needs DatabaseModule (for Db) and QueueModule (DriftJobs, NotificationJobs, DigestJobs) imported by the app; the
 * worker adds DeliveryModule (the mailer and DeliveryService).
 */
@Global()
@Module({ providers: [Clock, ...SERVICES], exports: [Clock, ...SERVICES] })
export class DomainModule {}
