import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateExecutiveDto,
  ExecutivePage,
  ExecutivesService,
  ExecutiveView,
  ListExecutivesQueryDto,
  UpdateExecutiveDto,
  type Actor,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('executives')
@ApiAuthenticated()
@Controller('executives')
export class ExecutivesController {
  constructor(private readonly executives: ExecutivesService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add a placed executive (admin, account manager)' })
  @Created(ExecutiveView)
  @ApiWrite()
  create(@CurrentActor() actor: Actor, @Body() body: CreateExecutiveDto): Promise<ExecutiveView> {
    return this.executives.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Executives (admin, account manager; an executive sees their own profile)' })
  @Ok(ExecutivePage)
  list(@CurrentActor() actor: Actor, @Query() query: ListExecutivesQueryDto): Promise<Page<ExecutiveView>> {
    return this.executives.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One placed executive (admin, account manager; an executive their own profile)' })
  @Ok(ExecutiveView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ExecutiveView> {
    return this.executives.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a placed executive (admin, account manager)' })
  @Ok(ExecutiveView)
  @ApiWrite()
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateExecutiveDto,
  ): Promise<ExecutiveView> {
    return this.executives.update(actor, id, body);
  }
}
