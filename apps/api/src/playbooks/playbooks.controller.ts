import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApplyPlaybookDto,
  EngagementPlaybookView,
  ListPlaybooksQuery,
  PlaybookApplicationView,
  PlaybookEffectivenessView,
  PlaybooksService,
  PlaybookSummaryView,
  PlaybookView,
  SaveEngagementAsPlaybookDto,
  WritePlaybookDto,
  type Actor,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { UuidParam } from '../http/uuid-param';

@ApiTags('playbooks')
@ApiAuthenticated()
@Controller()
export class PlaybooksController {
  constructor(private readonly playbooks: PlaybooksService) {}

  @Get('playbooks')
  @ApiOperation({ summary: 'Playbooks at their current version (admin, account manager)' })
  @Ok([PlaybookSummaryView])
  list(@CurrentActor() actor: Actor, @Query() query: ListPlaybooksQuery): Promise<PlaybookSummaryView[]> {
    return this.playbooks.list(actor, query.includeArchived === 'true');
  }

  @Post('playbooks')
  @ApiOperation({
    summary:
      'Create a playbook (version 1); 422 PLAYBOOK.MILESTONE_BEFORE_PRIORITY_START when an offset puts a milestone before its priority starts',
  })
  @Created(PlaybookView)
  @ApiWrite()
  create(@CurrentActor() actor: Actor, @Body() body: WritePlaybookDto): Promise<PlaybookView> {
    return this.playbooks.create(actor, body);
  }

  @Get('playbooks/effectiveness')
  @ApiOperation({
    summary:
      'Per playbook and version, across the engagements it was applied to: milestones on time, slip, re-plans, priorities achieved',
  })
  @Ok([PlaybookEffectivenessView])
  effectivenessOfAll(@CurrentActor() actor: Actor): Promise<PlaybookEffectivenessView[]> {
    return this.playbooks.effectiveness(actor, null);
  }

  @Get('playbooks/:id')
  @ApiOperation({
    summary: 'A playbook at its current version, with its priorities and milestones (admin, account manager)',
  })
  @Ok(PlaybookView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PlaybookView> {
    return this.playbooks.get(actor, id);
  }

  @Put('playbooks/:id')
  @ApiOperation({ summary: 'Edit: writes the next version (engagements keep the version they were applied from)' })
  @Ok(PlaybookView)
  @ApiWrite()
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: WritePlaybookDto,
  ): Promise<PlaybookView> {
    return this.playbooks.update(actor, id, body);
  }

  @Post('playbooks/:id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive: no longer listed or applied; its effectiveness stays' })
  @Ok(PlaybookView)
  @ApiWrite()
  archive(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PlaybookView> {
    return this.playbooks.setArchived(actor, id, true);
  }

  @Post('playbooks/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Restore an archived playbook' })
  @Ok(PlaybookView)
  @ApiWrite()
  restore(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PlaybookView> {
    return this.playbooks.setArchived(actor, id, false);
  }

  @Get('playbooks/:id/effectiveness')
  @ApiOperation({ summary: 'How the plans of each version of this playbook went (admin, account manager)' })
  @Ok([PlaybookEffectivenessView])
  effectiveness(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PlaybookEffectivenessView[]> {
    return this.playbooks.effectiveness(actor, id);
  }

  @Post('engagements/:id/playbook-applications/preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Dry run: exactly what applying would create (ranks, dates, active or draft under the focus cap); writes nothing',
  })
  @Ok(PlaybookApplicationView)
  @ApiWrite()
  preview(
    @CurrentActor() actor: Actor,
    @UuidParam('id') engagementId: string,
    @Body() body: ApplyPlaybookDto,
  ): Promise<PlaybookApplicationView> {
    return this.playbooks.apply(actor, engagementId, body, true);
  }

  @Post('engagements/:id/playbook-applications')
  @ApiOperation({
    summary:
      'Apply a playbook: all priorities and milestones in one transaction; past the focus cap they are created as draft',
  })
  @Created(PlaybookApplicationView)
  @ApiWrite()
  apply(
    @CurrentActor() actor: Actor,
    @UuidParam('id') engagementId: string,
    @Body() body: ApplyPlaybookDto,
  ): Promise<PlaybookApplicationView> {
    return this.playbooks.apply(actor, engagementId, body, false);
  }

  @Get('engagements/:id/playbook-applications')
  @ApiOperation({ summary: 'The playbook versions this engagement was built from' })
  @Ok([EngagementPlaybookView])
  applications(@CurrentActor() actor: Actor, @UuidParam('id') engagementId: string): Promise<EngagementPlaybookView[]> {
    return this.playbooks.applicationsOf(actor, engagementId);
  }

  @Post('engagements/:id/save-as-playbook')
  @ApiOperation({
    summary: "Save this engagement's priorities and milestones as a new playbook (dates become offsets)",
  })
  @Created(PlaybookView)
  @ApiWrite()
  saveAsPlaybook(
    @CurrentActor() actor: Actor,
    @UuidParam('id') engagementId: string,
    @Body() body: SaveEngagementAsPlaybookDto,
  ): Promise<PlaybookView> {
    return this.playbooks.saveEngagement(actor, engagementId, body);
  }
}
