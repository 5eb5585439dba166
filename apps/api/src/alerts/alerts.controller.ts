import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AlertDetailView,
  AlertPage,
  AlertsService,
  BulkAlertActionDto,
  BulkAlertActionView,
  ListAlertsQueryDto,
  ResolveAlertDto,
  type Actor,
  type AlertView,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Ok } from '../http/api-docs';
import { UuidParam } from '../http/uuid-param';

@ApiTags('alerts')
@ApiAuthenticated()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary: 'Drift alerts you may see, worst first; filter by status, severity, rule, engagement, client',
  })
  @Ok(AlertPage)
  list(@CurrentActor() actor: Actor, @Query() query: ListAlertsQueryDto): Promise<Page<AlertView>> {
    return this.alerts.list(actor, query);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Acknowledge or resolve many alerts at once, all or nothing (admin, account manager, executive); resolve needs a note',
  })
  @Ok(BulkAlertActionView)
  @ApiWrite()
  bulk(@CurrentActor() actor: Actor, @Body() body: BulkAlertActionDto): Promise<BulkAlertActionView> {
    return this.alerts.bulk(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert with its history' })
  @Ok(AlertDetailView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AlertDetailView> {
    return this.alerts.get(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Silence the alert until it escalates (admin, account manager, executive)' })
  @Ok(AlertDetailView)
  @ApiWrite()
  acknowledge(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AlertDetailView> {
    return this.alerts.acknowledge(actor, id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resolve with a note (admin, account manager, executive); it re-opens if the condition persists',
  })
  @Ok(AlertDetailView)
  @ApiWrite()
  resolve(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ResolveAlertDto,
  ): Promise<AlertDetailView> {
    return this.alerts.resolve(actor, id, body.note);
  }
}
