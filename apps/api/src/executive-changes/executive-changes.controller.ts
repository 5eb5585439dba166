import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CreateExecutiveChangeDto,
  ExecutiveChangeDetailView,
  ExecutiveChangeList,
  ExecutiveChangesService,
  type Actor,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { UuidParam } from '../http/uuid-param';

@ApiTags('executive changes')
@ApiAuthenticated()
@Controller()
export class ExecutiveChangesController {
  constructor(private readonly changes: ExecutiveChangesService) {}

  @Post('engagements/:id/executive-changes')
  @ApiOperation({
    summary:
      'Replace the placed executive from an effective date, with a reason (admin, account manager); freezes a handover pack and notifies everyone concerned',
  })
  @Created(ExecutiveChangeDetailView)
  @ApiWrite()
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('id') engagementId: string,
    @Body() body: CreateExecutiveChangeDto,
  ): Promise<ExecutiveChangeDetailView> {
    return this.changes.create(actor, engagementId, body);
  }

  @Get('engagements/:id/executive-changes')
  @ApiOperation({ summary: 'The history of executive changes of an engagement, oldest first' })
  @Ok(ExecutiveChangeList)
  list(@CurrentActor() actor: Actor, @UuidParam('id') engagementId: string): Promise<ExecutiveChangeList> {
    return this.changes.list(actor, engagementId);
  }

  @Get('executive-changes/:id')
  @ApiOperation({ summary: 'An executive change with its handover pack (no allocation for client viewers)' })
  @Ok(ExecutiveChangeDetailView)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ExecutiveChangeDetailView> {
    return this.changes.get(actor, id);
  }

  @Get('executive-changes/:id/pdf')
  @ApiOperation({ summary: 'The handover pack of an executive change as a PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pdf(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { filename, body } = await this.changes.pdf(actor, id);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    reply.header('cache-control', 'private, no-store');
    return body;
  }
}
