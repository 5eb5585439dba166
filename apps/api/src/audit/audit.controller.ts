import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuditEventPage,
  AuditEventView,
  AuditLogService,
  ListAuditEventsQueryDto,
  type Actor,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, Ok } from '../http/api-docs';

@ApiTags('audit')
@ApiAuthenticated()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'Who changed what, when, before and after (admin)' })
  @Ok(AuditEventPage)
  list(@CurrentActor() actor: Actor, @Query() query: ListAuditEventsQueryDto): Promise<Page<AuditEventView>> {
    return this.audit.list(actor, query);
  }
}
