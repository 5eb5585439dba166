import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CheckInPage,
  CheckInsService,
  CheckInView,
  CreateCheckInDto,
  ListCheckInsQueryDto,
  type Actor,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('check-ins')
@ApiAuthenticated()
@Controller()
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post('priorities/:id/check-ins')
  @Idempotent()
  @ApiOperation({
    summary: 'Post a check-in: RAG, confidence 0–10, note, blockers (executive, admin, account manager)',
  })
  @Created(CheckInView)
  @ApiWrite()
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('id') priorityId: string,
    @Body() body: CreateCheckInDto,
  ): Promise<CheckInView> {
    return this.checkIns.create(actor, priorityId, body);
  }

  @Get('priorities/:id/check-ins')
  @ApiOperation({ summary: 'Check-ins of a priority, paged (order: newest first by default)' })
  @Ok(CheckInPage)
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('id') priorityId: string,
    @Query() query: ListCheckInsQueryDto,
  ): Promise<Page<CheckInView>> {
    return this.checkIns.list(actor, priorityId, query);
  }

  @Post('check-ins/:id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'The client executive acknowledges a check-in (client viewer)' })
  @Ok(CheckInView)
  @ApiWrite()
  acknowledge(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CheckInView> {
    return this.checkIns.acknowledge(actor, id);
  }
}
