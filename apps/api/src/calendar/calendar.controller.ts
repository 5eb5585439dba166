import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CalendarFeedView, CalendarService, NotFound, type Actor } from '@app/domain';
import { CurrentActor, Public } from '@app/auth';
import { ApiAuthenticated, Ok, OkText } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Post('me/calendar-feed')
  @HttpCode(200)
  @ApiAuthenticated()
  @ApiOperation({
    summary: 'A new private calendar feed URL for yourself (shown once); the previous URL stops working',
  })
  @Ok(CalendarFeedView)
  regenerate(@CurrentActor() actor: Actor): Promise<CalendarFeedView> {
    return this.calendars.regenerate(actor);
  }

  @Get('calendar/:file')
  @Public()
  @ApiOperation({
    summary:
      "A user's milestones and check-ins due, as an iCalendar feed of all-day events (no login: the URL's token is the key)",
  })
  @ApiParam({ name: 'file', description: '<token>.ics, as POST /me/calendar-feed answered it' })
  @OkText('text/calendar', 'iCalendar (RFC 5545)')
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Unknown or regenerated token, or a disabled user' })
  async feed(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!file.endsWith('.ics')) throw new NotFound('Calendar');
    const ics = await this.calendars.feed(file.slice(0, -'.ics'.length));
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('cache-control', 'private, max-age=300');
    return ics;
  }
}
