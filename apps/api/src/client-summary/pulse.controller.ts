import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnswerPulseDto, PulseHistoryView, PulseService, PulseView, type Actor } from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { UuidParam } from '../http/uuid-param';

@ApiTags('client-summary')
@ApiAuthenticated()
@Controller('engagements/:id/pulses')
export class PulseController {
  constructor(private readonly pulses: PulseService) {}

  @Post()
  @ApiOperation({
    summary: 'Client pulse: "How satisfied are you with progress?" 1–5 and a comment (client viewer)',
  })
  @Created(PulseView)
  @ApiWrite()
  answer(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AnswerPulseDto): Promise<PulseView> {
    return this.pulses.answer(actor, id, body);
  }

  @Get()
  @ApiOperation({ summary: "The client's pulse answers with their monthly trend (admin, account manager)" })
  @Ok(PulseHistoryView)
  history(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PulseHistoryView> {
    return this.pulses.history(actor, id);
  }
}
