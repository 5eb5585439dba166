import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule, type AuthOptions } from '@app/auth';
import { DatabaseModule, type DataSourceConfig } from '@app/database';
import { DomainModule, type DomainOptions } from '@app/domain';
import { QueueModule, type QueueModuleOptions } from '@app/queue';
import { SsoController } from './auth/sso.controller';
import { ApiTokensController } from './api-tokens/api-tokens.controller';
import { AlertsController } from './alerts/alerts.controller';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CheckInLinksController } from './check-ins/check-in-links.controller';
import { CheckInsController } from './check-ins/check-ins.controller';
import { ClientsController } from './clients/clients.controller';
import { ClientSummaryController } from './client-summary/client-summary.controller';
import { PulseController } from './client-summary/pulse.controller';
import { DigestsController } from './digests/digests.controller';
import { ReportsController } from './reports/reports.controller';
import { ShareLinkThrottle } from './reports/share-link-throttle';
import { EngagementsController } from './engagements/engagements.controller';
import { ExecutiveChangesController } from './executive-changes/executive-changes.controller';
import { ExecutivesController } from './executives/executives.controller';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { ImportsController } from './imports/imports.controller';
import { MilestonesController } from './milestones/milestones.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { AlertOptOutController } from './notifications/alert-opt-out.controller';
import { OrganizationController } from './organization/organization.controller';
import { OwnersController } from './owners/owners.controller';
import { PlaybooksController } from './playbooks/playbooks.controller';
import { PortfolioController } from './portfolio/portfolio.controller';
import { PrioritiesController } from './priorities/priorities.controller';
import { UsersController } from './users/users.controller';
import { InvitationsController } from './invitations/invitations.controller';

export interface ApiModuleOptions {
  database: DataSourceConfig;
  auth: AuthOptions;
  queue: QueueModuleOptions;
  domain: DomainOptions;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        DatabaseModule.forRoot(options.database),
        QueueModule.forRoot(options.queue),
        DomainModule.forRoot(options.domain),
        AuthModule.forRoot(options.auth),
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        InvitationsController,
        ClientsController,
        ExecutivesController,
        EngagementsController,
        ClientSummaryController,
        PulseController,
        OwnersController,
        PrioritiesController,
        MilestonesController,
        CheckInsController,
        CheckInLinksController,
        OrganizationController,
        PortfolioController,
        AuditController,
        AlertsController,
        NotificationsController,
        AlertOptOutController,
        DigestsController,
        ReportsController,
        ImportsController,
        CalendarController,
        PlaybooksController,
        ApiTokensController,
        SsoController,
        ExecutiveChangesController,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }, ShareLinkThrottle],
    };
  }
}
