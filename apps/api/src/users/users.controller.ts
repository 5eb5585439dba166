import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeRoleDto,
  ClientGrantsDto,
  ListUsersQueryDto,
  UserPage,
  UsersService,
  UserView,
  type Actor,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Ok } from '../http/api-docs';
import { UuidParam } from '../http/uuid-param';

@ApiTags('users')
@ApiAuthenticated()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users (admin)' })
  @Ok(UserPage)
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (admin, or yourself)' })
  @Ok(UserView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserView> {
    return this.users.get(actor, id);
  }

  @Patch(':id/role')
  @ApiOperation({ summary: "Change a user's role (admin); their tokens stop working" })
  @Ok(UserView)
  @ApiWrite()
  changeRole(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ChangeRoleDto,
  ): Promise<UserView> {
    return this.users.changeRole(actor, id, body.role);
  }

  @Put(':id/client-grants')
  @ApiOperation({ summary: 'Replace the clients a client viewer may see (admin)' })
  @Ok(UserView)
  @ApiWrite()
  setGrants(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ClientGrantsDto,
  ): Promise<UserView> {
    return this.users.setClientGrants(actor, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user (admin); their sessions end' })
  @Ok(UserView)
  @ApiWrite()
  disable(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserView> {
    return this.users.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-enable a disabled user (admin)' })
  @Ok(UserView)
  @ApiWrite()
  enable(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserView> {
    return this.users.setDisabled(actor, id, false);
  }
}
