import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CompleteMilestoneDto,
  CreateMilestoneDto,
  DueDateChangeView,
  MilestonesService,
  MilestoneView,
  ReplanMilestoneDto,
  UpdateMilestoneDto,
  type Actor,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('milestones')
@ApiAuthenticated()
@Controller()
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Post('priorities/:id/milestones')
  @Idempotent()
  @ApiOperation({ summary: 'Add a milestone; its due date becomes the baseline (admin, account manager)' })
  @Created(MilestoneView)
  @ApiWrite()
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('id') priorityId: string,
    @Body() body: CreateMilestoneDto,
  ): Promise<MilestoneView> {
    return this.milestones.create(actor, priorityId, body);
  }

  @Get('priorities/:id/milestones')
  @ApiOperation({ summary: 'Milestones of a priority' })
  @Ok([MilestoneView])
  list(@CurrentActor() actor: Actor, @UuidParam('id') priorityId: string): Promise<MilestoneView[]> {
    return this.milestones.list(actor, priorityId);
  }

  @Get('milestones/:id')
  @ApiOperation({ summary: 'One milestone with its baseline, due date and forecast' })
  @Ok(MilestoneView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<MilestoneView> {
    return this.milestones.get(actor, id);
  }

  @Patch('milestones/:id')
  @ApiOperation({ summary: 'Edit title, weight, forecast or status (not the due date: re-plan it)' })
  @Ok(MilestoneView)
  @ApiWrite()
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateMilestoneDto,
  ): Promise<MilestoneView> {
    return this.milestones.update(actor, id, body);
  }

  @Post('milestones/:id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark done (admin, account manager, the placed executive)' })
  @Ok(MilestoneView)
  @ApiWrite()
  complete(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CompleteMilestoneDto,
  ): Promise<MilestoneView> {
    return this.milestones.complete(actor, id, body);
  }

  @Post('milestones/:id/replan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the due date, with a required reason; the change is kept in the history' })
  @Ok(MilestoneView)
  @ApiWrite()
  replan(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ReplanMilestoneDto,
  ): Promise<MilestoneView> {
    return this.milestones.replan(actor, id, body);
  }

  @Get('milestones/:id/history')
  @ApiOperation({ summary: 'Every due-date change: who, when, old, new, why' })
  @Ok([DueDateChangeView])
  history(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DueDateChangeView[]> {
    return this.milestones.history(actor, id);
  }
}
