import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AcceptInvitationDto,
  AuthSessionView,
  CreateInvitationDto,
  CurrentActor,
  InvitationLinkView,
  InvitationPage,
  InvitationsService,
  InvitationTokenDto,
  InvitationView,
  ListInvitationsQueryDto,
  Public,
} from '@app/auth';
import type { Actor, Page } from '@app/domain';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

const LINK_ERRORS = () => (target: object, key: string, descriptor: PropertyDescriptor) => {
  ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'INVITATION.INVALID_TOKEN: the link matches no invitation',
  })(target, key, descriptor);
  ApiGoneResponse({
    type: ErrorResponse,
    description: 'INVITATION.EXPIRED, INVITATION.USED or INVITATION.REVOKED: the link can no longer be followed',
  })(target, key, descriptor);
  ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid input; `errors` names each field' })(
    target,
    key,
    descriptor,
  );
};

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Idempotent()
  @ApiAuthenticated()
  @ApiOperation({
    summary:
      'Invite someone by email (admin; account manager: client viewers of their clients and placed executives). Answers the same whether or not the address has an account in another organization',
  })
  @Created(InvitationView)
  @ApiWrite()
  invite(@CurrentActor() actor: Actor, @Body() body: CreateInvitationDto): Promise<InvitationView> {
    return this.invitations.invite(actor, body);
  }

  @Get()
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Open invitations, newest first (admin: all; account manager: the ones they sent)' })
  @Ok(InvitationPage)
  list(@CurrentActor() actor: Actor, @Query() query: ListInvitationsQueryDto): Promise<Page<InvitationView>> {
    return this.invitations.list(actor, query);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Email a new link, valid 7 days from now; the previous link stops working' })
  @Ok(InvitationView)
  @ApiWrite()
  resend(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<InvitationView> {
    return this.invitations.resend(actor, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Withdraw an invitation: its link stops working' })
  @Ok(InvitationView)
  @ApiWrite()
  revoke(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<InvitationView> {
    return this.invitations.revoke(actor, id);
  }

  @Public()
  @Post('inspect')
  @HttpCode(200)
  @ApiOperation({ summary: "The emailed link's invitation, as the accept page shows it (no login)" })
  @Ok(InvitationLinkView)
  @LINK_ERRORS()
  inspect(@Body() body: InvitationTokenDto): Promise<InvitationLinkView> {
    return this.invitations.inspect(body.token);
  }

  @Public()
  @Post('accept')
  @ApiOperation({ summary: 'Follow the emailed link: choose a password, become a user, signed in (no login)' })
  @Created(AuthSessionView)
  @ApiConflictResponse({ type: ErrorResponse, description: 'USER.EMAIL_TAKEN: the address already has an account' })
  @LINK_ERRORS()
  accept(@Body() body: AcceptInvitationDto): Promise<AuthSessionView> {
    return this.invitations.accept(body);
  }
}
