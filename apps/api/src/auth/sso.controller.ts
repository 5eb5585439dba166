import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { AuthService, AuthSessionView, CurrentActor, Public } from '@app/auth';
import {
  SsoCallbackDto,
  SsoDiscoverQueryDto,
  SsoDiscoveryView,
  SsoService,
  SsoSettingsDto,
  SsoSettingsView,
  SsoStartDto,
  SsoStartView,
  type Actor,
} from '@app/domain';
import { ApiAuthenticated, ApiWrite, Ok } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';

/** The cookie that binds a started sign-in to the browser that started it (login CSRF). */
const BINDING_COOKIE = 'throughline_sso';
const COOKIE_PATH = '/api/v1/auth/sso';

function bindingCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === BINDING_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * OpenID Connect single sign-on per organization. The login page asks `discover` whether an email's domain signs
 * in with an IdP, `start` answers the IdP's URL (and sets the browser binding cookie), the IdP sends the browser
 * back to the dashboard's /sso/callback, which posts the query to `callback` and gets a session like a login's.
 */
@ApiTags('auth')
@Controller()
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Get('auth/sso/discover')
  @ApiOperation({ summary: "Whether an email's domain signs in with its organization's identity provider" })
  @Ok(SsoDiscoveryView)
  discover(@Query() query: SsoDiscoverQueryDto): Promise<SsoDiscoveryView> {
    return this.sso.discover(query.email);
  }

  @Public()
  @Post('auth/sso/start')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Start a single sign-on: answers the identity provider's URL (state, nonce, PKCE) and binds it to this browser",
  })
  @Ok(SsoStartView)
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'SSO.NOT_AVAILABLE for this email address' })
  async start(
    @Body() body: SsoStartDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SsoStartView> {
    const binding = randomBytes(32).toString('base64url');
    const url = await this.sso.begin(body.email, binding);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${BINDING_COOKIE}=${binding}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
    );
    return { authorizationUrl: url.href };
  }

  @Public()
  @Post('auth/sso/callback')
  @HttpCode(200)
  @ApiOperation({
    summary: "Finish a single sign-on with the identity provider's answer: a session like a login's, or 401 and none",
  })
  @Ok(AuthSessionView)
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description:
      'SSO.STATE_INVALID, SSO.IDP_ERROR (nonce, PKCE, signature…), SSO.DOMAIN_NOT_ALLOWED, SSO.USER_DISABLED…',
  })
  async callback(
    @Body() body: SsoCallbackDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSessionView> {
    // Used once, whatever happens next.
    reply.header('set-cookie', `${BINDING_COOKIE}=; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`);
    return this.auth.signInWithSso(body.callbackQuery, bindingCookie(request));
  }

  @Get('organization/sso')
  @ApiAuthenticated()
  @ApiOperation({ summary: "The organization's single sign-on settings, without the client secret (admin)" })
  @Ok(SsoSettingsView)
  settings(@CurrentActor() actor: Actor): Promise<SsoSettingsView> {
    return this.sso.settings(actor);
  }

  @Put('organization/sso')
  @ApiAuthenticated()
  @ApiOperation({
    summary:
      'Set single sign-on: issuer, client id and secret (stored encrypted), allowed email domains, default role (admin)',
  })
  @Ok(SsoSettingsView)
  @ApiWrite()
  updateSettings(@CurrentActor() actor: Actor, @Body() body: SsoSettingsDto): Promise<SsoSettingsView> {
    return this.sso.updateSettings(actor, body);
  }
}
