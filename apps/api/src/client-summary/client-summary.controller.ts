import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ClientSummariesQueryDto,
  ClientSummaryPage,
  ClientSummaryService,
  ClientSummaryView,
  type Actor,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, Ok } from '../http/api-docs';
import { UuidParam } from '../http/uuid-param';

@ApiTags('client-summary')
@ApiAuthenticated()
@Controller()
export class ClientSummaryController {
  constructor(private readonly summaries: ClientSummaryService) {}

  @Get('client-summaries')
  @ApiOperation({
    summary:
      "The client executive's home: per active engagement in reach, the headline sentence, done, due, risks, asks, trends and the latest check-in",
  })
  @Ok(ClientSummaryPage)
  list(@CurrentActor() actor: Actor, @Query() query: ClientSummariesQueryDto): Promise<ClientSummaryPage> {
    return this.summaries.list(actor, query);
  }

  @Get('engagements/:id/client-summary')
  @ApiOperation({
    summary:
      "The client executive's summary of one engagement (no internal fields): headline sentence, done since last week, due in 30 days, risks, asks, trends, latest check-in",
  })
  @Ok(ClientSummaryView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ClientSummaryView> {
    return this.summaries.forEngagement(actor, id);
  }
}
