import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  DigestHistoryPage,
  DigestHistoryQueryDto,
  DigestPreferencesDto,
  DigestPreferencesView,
  DigestPreviewQueryDto,
  DigestPreviewView,
  DigestsService,
  OneClickUnsubscribeDto,
  SendDigestsNowDto,
  SendDigestsNowView,
  UnsubscribeQueryDto,
  UnsubscribeView,
  type Actor,
} from '@app/domain';
import { CurrentActor, Public } from '@app/auth';
import { ApiAuthenticated, Ok } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';
import { unsubscribePage } from './unsubscribe-page';
import { HTML, wantsHtml } from '../http/html-answer';

@ApiTags('digests')
@Controller()
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Get('me/digest-preferences')
  @ApiAuthenticated()
  @ApiOperation({
    summary: 'Your weekly digest settings (with what follows the organization’s defaults) and when the next one is due',
  })
  @Ok(DigestPreferencesView)
  preferences(@CurrentActor() actor: Actor): Promise<DigestPreferencesView> {
    return this.digests.preferences(actor);
  }

  @Put('me/digest-preferences')
  @ApiAuthenticated()
  @ApiOperation({
    summary: 'Set your weekly digest: weekday, hour, timezone, opt-out, skip-when-empty (admins: which digest)',
  })
  @Ok(DigestPreferencesView)
  setPreferences(@CurrentActor() actor: Actor, @Body() body: DigestPreferencesDto): Promise<DigestPreferencesView> {
    return this.digests.setPreferences(actor, body);
  }

  @Get('digests/preview')
  @ApiAuthenticated()
  @ApiExtraModels(DigestPreviewView)
  @ApiOperation({
    summary:
      'A weekly digest exactly as it would be emailed (yours; admins: anyone’s). format=html answers the HTML body itself',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(DigestPreviewView) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  async preview(
    @CurrentActor() actor: Actor,
    @Query() query: DigestPreviewQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DigestPreviewView | string> {
    const preview = await this.digests.preview(actor, query);
    if (query.format !== 'html') return preview;
    reply.header('content-type', HTML);
    return preview.html;
  }

  @Post('digests/send-now')
  @HttpCode(202)
  @ApiAuthenticated()
  @ApiOperation({
    summary: 'Queue this week’s digest for one user or everyone subscribed (admin); still one per week unless force',
  })
  @ApiAcceptedResponse({ type: SendDigestsNowView })
  sendNow(@CurrentActor() actor: Actor, @Body() body: SendDigestsNowDto): Promise<SendDigestsNowView> {
    return this.digests.sendNow(actor, body);
  }

  @Get('digests')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Digests sent: recipient, week, status (admins: the organization’s; others: their own)' })
  @Ok(DigestHistoryPage)
  history(@CurrentActor() actor: Actor, @Query() query: DigestHistoryQueryDto): Promise<DigestHistoryPage> {
    return this.digests.history(actor, query);
  }

  @Get('digests/unsubscribe')
  @Public()
  @ApiExtraModels(UnsubscribeView)
  @ApiOperation({
    summary: 'The page behind a digest’s unsubscribe link (no login; changes nothing): HTML for browsers, else JSON',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(UnsubscribeView) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Tampered, malformed or expired token' })
  async unsubscribeInfo(
    @Query() query: UnsubscribeQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnsubscribeView | string> {
    const view = await this.digests.unsubscribeInfo(query.token);
    if (!wantsHtml(accept)) return view;
    reply.header('content-type', HTML);
    return unsubscribePage(view, query.token, false);
  }

  @Post('digests/unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiExtraModels(UnsubscribeView, OneClickUnsubscribeDto)
  @ApiOperation({
    summary:
      'Unsubscribe from weekly digests with the signed token (no login; RFC 8058 one-click, form-encoded or JSON)',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: OneClickUnsubscribeDto, required: false })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(UnsubscribeView) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Tampered, malformed or expired token' })
  async unsubscribe(
    @Query() query: UnsubscribeQueryDto,
    @Body() _body: OneClickUnsubscribeDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnsubscribeView | string> {
    const view = await this.digests.unsubscribe(query.token);
    if (!wantsHtml(accept)) return view;
    reply.header('content-type', HTML);
    return unsubscribePage(view, query.token, true);
  }
}
