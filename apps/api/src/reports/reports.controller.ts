import { Body, Controller, Delete, Get, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CreatedShareLinkView,
  CreateReportDto,
  CreateShareLinkDto,
  ReportList,
  ReportsService,
  ReportView,
  ShareLinkList,
  ShareLinkView,
  type Actor,
} from '@app/domain';
import { CurrentActor, Public } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';
import { ShareLinkThrottle } from './share-link-throttle';

const PDF_CONTENT = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly throttle: ShareLinkThrottle,
  ) {}

  @Post('engagements/:id/reports')
  @ApiAuthenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Freeze a period report (QBR) of an engagement (admin, account manager)' })
  @Created(ReportView)
  @ApiWrite()
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('id') engagementId: string,
    @Body() body: CreateReportDto,
  ): Promise<ReportView> {
    return this.reports.create(actor, engagementId, body);
  }

  @Get('engagements/:id/reports')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'An engagement’s period reports, newest first' })
  @Ok(ReportList)
  list(@CurrentActor() actor: Actor, @UuidParam('id') engagementId: string): Promise<ReportList> {
    return this.reports.list(actor, engagementId);
  }

  @Get('reports/:id')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'A period report’s frozen content' })
  @Ok(ReportView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ReportView> {
    return this.reports.get(actor, id);
  }

  @Get('reports/:id/pdf')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'A period report as a PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ content: PDF_CONTENT })
  async pdf(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { filename, body } = await this.reports.pdf(actor, id);
    return sendPdf(reply, filename, body);
  }

  @Post('reports/:id/share-links')
  @ApiAuthenticated()
  @ApiOperation({
    summary:
      'A link that opens the read-only report without login, until it expires or is revoked (admin, account manager)',
  })
  @Created(CreatedShareLinkView)
  @ApiWrite()
  share(
    @CurrentActor() actor: Actor,
    @UuidParam('id') reportId: string,
    @Body() body: CreateShareLinkDto,
  ): Promise<CreatedShareLinkView> {
    return this.reports.createShareLink(actor, reportId, body);
  }

  @Get('reports/:id/share-links')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'A report’s share links with their views (admin, account manager)' })
  @Ok(ShareLinkList)
  shareLinks(@CurrentActor() actor: Actor, @UuidParam('id') reportId: string): Promise<ShareLinkList> {
    return this.reports.shareLinks(actor, reportId);
  }

  @Delete('report-share-links/:id')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Revoke a share link: it stops working at once (admin, account manager)' })
  @Ok(ShareLinkView)
  @ApiWrite()
  revoke(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ShareLinkView> {
    return this.reports.revokeShareLink(actor, id);
  }

  @Get('shared-reports/:token')
  @Public()
  @ApiOperation({ summary: 'The report behind a share link (no login; the token is the only key; each view audited)' })
  @Ok(ReportView)
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such link' })
  @ApiGoneResponse({ type: ErrorResponse, description: 'The link expired or was revoked' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many views from this address' })
  async shared(@Param('token') token: string, @Req() request: FastifyRequest): Promise<ReportView> {
    await this.throttle.count(request.ip);
    return this.reports.viewShared(token);
  }

  @Get('shared-reports/:token/pdf')
  @Public()
  @ApiOperation({ summary: 'The report behind a share link as a PDF (no login; each view audited)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ content: PDF_CONTENT })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such link' })
  @ApiGoneResponse({ type: ErrorResponse, description: 'The link expired or was revoked' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many views from this address' })
  async sharedPdf(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    await this.throttle.count(request.ip);
    const { filename, body } = await this.reports.sharedPdf(token);
    return sendPdf(reply, filename, body);
  }
}

function sendPdf(reply: FastifyReply, filename: string, body: Buffer): Buffer {
  reply.header('content-type', 'application/pdf');
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  reply.header('cache-control', 'private, no-store');
  return body;
}
