import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/auth';
import { ApiTokensService, ApiTokenView, CreateApiTokenDto, CreatedApiTokenView, type Actor } from '@app/domain';
import { ApiSessionAuthenticated, Created, Ok } from '../http/api-docs';
import { UuidParam } from '../http/uuid-param';

/**
 * The caller's own personal API tokens (every role). Managed from a signed-in session only: a token cannot mint or
 * list tokens. Creation is deliberately not idempotent: a replayed answer would have to store the token itself.
 */
@ApiTags('api-tokens')
@ApiSessionAuthenticated()
@Controller('me/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({
    summary:
      'Create a personal API token (read or write scope, with an expiry); the token is shown only in this answer',
  })
  @Created(CreatedApiTokenView)
  create(@CurrentActor() actor: Actor, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenView> {
    return this.tokens.create(actor, body);
  }

  @Get()
  @ApiOperation({
    summary: 'Your personal API tokens, newest first, with their last use (never the tokens themselves)',
  })
  @Ok([ApiTokenView])
  list(@CurrentActor() actor: Actor): Promise<ApiTokenView[]> {
    return this.tokens.list(actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Revoke one of your API tokens: it answers 401 from now on; it stays listed as revoked (revoking twice is fine)',
  })
  @ApiNoContentResponse()
  async revoke(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    await this.tokens.revoke(actor, id);
  }
}
