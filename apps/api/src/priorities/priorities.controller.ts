import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreatePriorityDto, PrioritiesService, PriorityView, UpdatePriorityDto, type Actor } from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('priorities')
@ApiAuthenticated()
@Controller()
export class PrioritiesController {
  constructor(private readonly priorities: PrioritiesService) {}

  @Post('engagements/:id/priorities')
  @Idempotent()
  @ApiOperation({
    summary:
      'Add a strategic priority (admin, account manager); refused with 422 PRIORITY.FOCUS_CAP_EXCEEDED past the focus cap',
  })
  @Created(PriorityView)
  @ApiWrite()
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('id') engagementId: string,
    @Body() body: CreatePriorityDto,
  ): Promise<PriorityView> {
    return this.priorities.create(actor, engagementId, body);
  }

  @Get('engagements/:id/priorities')
  @ApiOperation({ summary: 'Priorities of an engagement: active by rank, then the others' })
  @Ok([PriorityView])
  list(@CurrentActor() actor: Actor, @UuidParam('id') engagementId: string): Promise<PriorityView[]> {
    return this.priorities.list(actor, engagementId);
  }

  @Get('priorities/:id')
  @ApiOperation({ summary: 'One priority with its owner and progress' })
  @Ok(PriorityView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PriorityView> {
    return this.priorities.get(actor, id);
  }

  @Patch('priorities/:id')
  @ApiOperation({ summary: 'Edit, re-rank, change owner or status (admin, account manager)' })
  @Ok(PriorityView)
  @ApiWrite()
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdatePriorityDto,
  ): Promise<PriorityView> {
    return this.priorities.update(actor, id, body);
  }
}
