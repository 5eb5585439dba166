import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
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
import { AlertOptOutQueryDto, AlertOptOutService, AlertOptOutView, OneClickUnsubscribeDto } from '@app/domain';
import { Public } from '@app/auth';
import { ErrorResponse } from '../http/error-response';
import { alertOptOutPage } from './alert-opt-out-page';
import { HTML, wantsHtml } from '../http/html-answer';

/** The one-click opt-out link of every alert email (issue 14), like the digests' unsubscribe link. */
@ApiTags('notifications')
@Controller('notifications/unsubscribe')
export class AlertOptOutController {
  constructor(private readonly optOuts: AlertOptOutService) {}

  @Get()
  @Public()
  @ApiExtraModels(AlertOptOutView)
  @ApiOperation({
    summary: 'The page behind an alert email’s opt-out link (no login; changes nothing): HTML for browsers, else JSON',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AlertOptOutView) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Tampered, malformed or expired token' })
  async info(
    @Query() query: AlertOptOutQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AlertOptOutView | string> {
    const view = await this.optOuts.info(query.token);
    if (!wantsHtml(accept)) return view;
    reply.header('content-type', HTML);
    return alertOptOutPage(view, query.token, false);
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiExtraModels(AlertOptOutView, OneClickUnsubscribeDto)
  @ApiOperation({
    summary: 'Stop alert emails to the address of the signed token (no login; RFC 8058 one-click, form or JSON)',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: OneClickUnsubscribeDto, required: false })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AlertOptOutView) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Tampered, malformed or expired token' })
  async optOut(
    @Query() query: AlertOptOutQueryDto,
    @Body() _body: OneClickUnsubscribeDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AlertOptOutView | string> {
    const view = await this.optOuts.optOut(query.token);
    if (!wantsHtml(accept)) return view;
    reply.header('content-type', HTML);
    return alertOptOutPage(view, query.token, true);
  }
}
