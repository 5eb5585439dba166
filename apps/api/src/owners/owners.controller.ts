import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateOwnerDto,
  ListOwnersQueryDto,
  OwnerPage,
  OwnersService,
  OwnerView,
  UpdateOwnerDto,
  type Actor,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('owners')
@ApiAuthenticated()
@Controller('owners')
export class OwnersController {
  constructor(private readonly owners: OwnersService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add an accountability owner at a client (admin, account manager)' })
  @Created(OwnerView)
  @ApiWrite()
  create(@CurrentActor() actor: Actor, @Body() body: CreateOwnerDto): Promise<OwnerView> {
    return this.owners.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Owners at the clients you may see' })
  @Ok(OwnerPage)
  list(@CurrentActor() actor: Actor, @Query() query: ListOwnersQueryDto): Promise<Page<OwnerView>> {
    return this.owners.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One accountability owner at a client you may see' })
  @Ok(OwnerView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<OwnerView> {
    return this.owners.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit an accountability owner (admin, account manager)' })
  @Ok(OwnerView)
  @ApiWrite()
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateOwnerDto): Promise<OwnerView> {
    return this.owners.update(actor, id, body);
  }
}
