import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AuthService,
  AuthSessionView,
  ChangePasswordDto,
  CurrentActor,
  PasswordResetAcceptedView,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  PasswordResetService,
  CurrentSessionId,
  LoginDto,
  LogoutDto,
  MeView,
  Public,
  RefreshDto,
  SignupAcceptedView,
  SignupDto,
  SignupService,
  SignupVerifyDto,
  TokenPairView,
} from '@app/auth';
import { UpdateProfileDto, UsersService, type Actor } from '@app/domain';
import { ApiAuthenticated, ApiSessionAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly resets: PasswordResetService,
    private readonly signups: SignupService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password' })
  @Ok(AuthSessionView)
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'Invalid email or password (same answer for unknown emails)',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'Too many failed attempts for this account or from this address (Retry-After says when to retry)',
  })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<AuthSessionView> {
    return this.auth.login(body, request.ip);
  }

  @Public()
  @Post('auth/signup')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Start creating an organization with its first admin (SIGNUP_ENABLED): emails a confirmation link, or says the address already has an account (same answer either way)',
  })
  @ApiAcceptedResponse({ type: SignupAcceptedView })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'Too many requests for this email or from this address (Retry-After)',
  })
  async signup(@Body() body: SignupDto, @Req() request: FastifyRequest): Promise<SignupAcceptedView> {
    await this.signups.request(body, request.ip);
    return { status: 'accepted' };
  }

  @Public()
  @Post('auth/signup/verify')
  @ApiOperation({ summary: 'Follow the emailed sign-up link: creates the organization and its first admin, signed in' })
  @Created(AuthSessionView)
  @ApiWrite()
  verifySignup(@Body() body: SignupVerifyDto): Promise<AuthSessionView> {
    return this.signups.verify(body.token);
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a single-use password reset link (same answer whether or not the account exists)' })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedView })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'Too many requests for this email or from this address (Retry-After)',
  })
  async requestPasswordReset(
    @Body() body: PasswordResetRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<PasswordResetAcceptedView> {
    await this.resets.request(body.email, request.ip);
    return { status: 'accepted' };
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the emailed token; the token is used up and every session ends' })
  @ApiNoContentResponse()
  @ApiWrite()
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.resets.confirm(body.token, body.newPassword);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (rotation; reuse revokes the family)' })
  @Ok(TokenPairView)
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  refresh(@Body() body: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiSessionAuthenticated()
  @ApiOperation({ summary: 'End this session (or, without a refresh token, every session)' })
  @ApiNoContentResponse()
  async logout(
    @CurrentActor() actor: Actor,
    @CurrentSessionId() sessionId: string,
    @Body() body: LogoutDto,
  ): Promise<void> {
    await this.auth.logout(actor, sessionId, body.refreshToken);
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiSessionAuthenticated()
  @ApiOperation({ summary: 'Change your own password (every role); every session ends, so log in again' })
  @ApiNoContentResponse()
  @ApiWrite()
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'Too many wrong current passwords (throttled like login)',
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.changePassword(actor, body, request.ip);
  }

  @Get('me')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'The calling user, their organization and reach' })
  @Ok(MeView)
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.me(actor);
  }

  @Patch('me')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Change your own name or timezone (every role; role, email and grants stay with admins)' })
  @Ok(MeView)
  async updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateProfileDto): Promise<MeView> {
    await this.users.updateProfile(actor, body);
    return this.auth.me(actor);
  }
}
