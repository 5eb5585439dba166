import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllocationChangeView,
  AllocationWhatIfView,
  CreateAllocationChangeDto,
  CreateEngagementDto,
  CreateEngagementSetupDto,
  EngagementSetupService,
  EngagementSetupView,
  EngagementPage,
  EngagementsService,
  EngagementSummaryView,
  EngagementView,
  ListEngagementsQueryDto,
  SummaryService,
  UpdateEngagementDto,
  type Actor,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('engagements')
@ApiAuthenticated()
@Controller('engagements')
export class EngagementsController {
  constructor(
    private readonly engagements: EngagementsService,
    private readonly summaries: SummaryService,
    private readonly setups: EngagementSetupService,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Place an executive at a client (admin, account manager)' })
  @Created(EngagementView)
  @ApiWrite()
  create(@CurrentActor() actor: Actor, @Body() body: CreateEngagementDto): Promise<EngagementView> {
    return this.engagements.create(actor, body);
  }

  @Post('setup')
  @Idempotent()
  @ApiOperation({
    summary:
      'One-page setup (admin, account manager): the engagement with its client (existing or new), its priorities in rank order with one owner each (existing or new) and their milestones, all or nothing',
  })
  @Created(EngagementSetupView)
  @ApiWrite()
  setup(@CurrentActor() actor: Actor, @Body() body: CreateEngagementSetupDto): Promise<EngagementSetupView> {
    return this.setups.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Engagements you may see; filter by status, client, executive, function' })
  @Ok(EngagementPage)
  list(@CurrentActor() actor: Actor, @Query() query: ListEngagementsQueryDto): Promise<Page<EngagementView>> {
    return this.engagements.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One engagement you may see (the allocation only for staff)' })
  @Ok(EngagementView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<EngagementView> {
    return this.engagements.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change status or dates (admin, account manager); allocation goes through allocation-changes',
  })
  @Ok(EngagementView)
  @ApiWrite()
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateEngagementDto,
  ): Promise<EngagementView> {
    return this.engagements.update(actor, id, body);
  }

  @Post(':id/allocation-changes')
  @Idempotent()
  @ApiOperation({ summary: 'Scale the allocation up or down, with an effective date and a reason' })
  @Created(AllocationChangeView)
  @ApiWrite()
  changeAllocation(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CreateAllocationChangeDto,
  ): Promise<AllocationChangeView> {
    return this.engagements.changeAllocation(actor, id, body);
  }

  @Post(':id/allocation-changes/what-if')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Dry run of an allocation change (admin, account manager): the milestones it would overload; writes nothing',
  })
  @Ok(AllocationWhatIfView)
  allocationWhatIf(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CreateAllocationChangeDto,
  ): Promise<AllocationWhatIfView> {
    return this.engagements.allocationWhatIf(actor, id, body);
  }

  @Get(':id/allocation-changes')
  @ApiOperation({ summary: 'Allocation history (not for client viewers)' })
  @Ok([AllocationChangeView])
  allocationHistory(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AllocationChangeView[]> {
    return this.engagements.allocationHistory(actor, id);
  }

  @Get(':id/summary')
  @ApiOperation({
    summary:
      'Engagement dashboard: priorities by rank with owner, progress vs expected, health vs RAG, milestones, check-ins',
  })
  @Ok(EngagementSummaryView)
  summary(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<EngagementSummaryView> {
    return this.summaries.summary(actor, id);
  }
}
