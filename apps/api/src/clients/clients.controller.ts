import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ClientPage,
  ClientsService,
  ClientView,
  CreateClientDto,
  ListClientsQueryDto,
  UpdateClientDto,
  type Actor,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('clients')
@ApiAuthenticated()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a client (admin, account manager)' })
  @Created(ClientView)
  @ApiWrite()
  create(@CurrentActor() actor: Actor, @Body() body: CreateClientDto): Promise<ClientView> {
    return this.clients.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Clients you may see' })
  @Ok(ClientPage)
  list(@CurrentActor() actor: Actor, @Query() query: ListClientsQueryDto): Promise<Page<ClientView>> {
    return this.clients.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One client you may see' })
  @Ok(ClientView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ClientView> {
    return this.clients.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a client (admin, account manager)' })
  @Ok(ClientView)
  @ApiWrite()
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateClientDto,
  ): Promise<ClientView> {
    return this.clients.update(actor, id, body);
  }
}
