import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CheckInByLinkDto,
  CheckInLinksService,
  CheckInLinkTokenDto,
  CheckInLinkView,
  CheckInView,
  DisciplineReportView,
  type Actor,
} from '@app/domain';
import { CurrentActor, Public } from '@app/auth';
import { ApiAuthenticated, Created, Ok } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';

const LINK_ERRORS = () => (target: object, key: string, descriptor: PropertyDescriptor) => {
  ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'CHECK_IN_LINK.INVALID_TOKEN: the link matches no reminder',
  })(target, key, descriptor);
  ApiGoneResponse({
    type: ErrorResponse,
    description:
      'CHECK_IN_LINK.USED, CHECK_IN_LINK.EXPIRED or CHECK_IN_LINK.CLOSED: the link can no longer be followed',
  })(target, key, descriptor);
};

/** The weekly check-in loop (issue 18, item 3): the reminder link's form without login, and the discipline report. */
@ApiTags('check-ins')
@Controller()
export class CheckInLinksController {
  constructor(private readonly links: CheckInLinksService) {}

  @Public()
  @Post('check-in-links/inspect')
  @HttpCode(200)
  @ApiOperation({
    summary: "The emailed reminder link's priority and person, as the check-in form shows it (no login)",
  })
  @Ok(CheckInLinkView)
  @LINK_ERRORS()
  inspect(@Body() body: CheckInLinkTokenDto): Promise<CheckInLinkView> {
    return this.links.inspect(body.token);
  }

  @Public()
  @Post('check-in-links/check-in')
  @ApiOperation({
    summary: 'Check in from the emailed reminder link, as the person it was sent to; the link works once (no login)',
  })
  @Created(CheckInView)
  @LINK_ERRORS()
  checkIn(@Body() body: CheckInByLinkDto): Promise<CheckInView> {
    const { token, ...input } = body;
    return this.links.submit(token, input);
  }

  @Get('check-ins/discipline')
  @ApiAuthenticated()
  @ApiOperation({
    summary:
      'Check-in discipline per executive and owner over the last 12 weeks: on time, late, missed (admin, account manager, executive)',
  })
  @Ok(DisciplineReportView)
  discipline(@CurrentActor() actor: Actor): Promise<DisciplineReportView> {
    return this.links.discipline(actor);
  }
}
