import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Db } from '@app/database/transaction';
import { AuditService } from '../audit/audit.service';
import { checkInPeriodOf } from '../check-ins/check-in-schedule';
import { DIGEST_OPTIONS, type DigestOptions } from '../digests/digest-composer.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { NotFound } from '../shared/errors';
import { calendarFeed, checkInsDue, type CalendarCheckInDue } from './calendar-feed';
import { CalendarRepository, type CalendarMilestoneRow } from './calendar.repository';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Private calendar feeds (issue 19): each user may have one URL carrying a random token; only its SHA-256 is
 * stored, so the URL is shown once, and regenerating replaces the hash, which revokes the old URL. A disabled user's
 * feed answers 404 like an unknown token.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarRepository,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
    // Links use the same PUBLIC_URL as the links in emails.
    @Inject(DIGEST_OPTIONS) private readonly links: DigestOptions,
  ) {}

  async regenerate(actor: Actor): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (tx) => {
      await this.calendars.setTokenHash(tx, actor.organizationId, actor.userId, hashOf(token));
      await this.audit.record(tx, actor, 'user.calendar_feed_regenerated', 'user', actor.userId, null, null);
    });
    return { url: `${this.links.publicUrl}/api/v1/calendar/${token}.ics` };
  }

  async feed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFound('Calendar');
    const owner = await this.db.asSystem('calendar-feed', () =>
      this.db.transaction((tx) => this.calendars.ownerOfToken(tx, hashOf(token))),
    );
    if (!owner || owner.disabled_at) throw new NotFound('Calendar');
    const now = this.clock.now();
    const [milestones, checkIns] = await this.db.forOrganization(owner.organization_id, () =>
      this.db.transaction(async (tx): Promise<[CalendarMilestoneRow[], CalendarCheckInDue[]]> => {
        const { timezone, settings } = await this.organizations.context(tx, owner.organization_id);
        const current = checkInPeriodOf(now, timezone, settings.checkInWeekday);
        const priorities = await this.calendars.checkInsFor(
          tx,
          owner.organization_id,
          owner.id,
          settings.ownersMayCheckIn,
        );
        return [
          await this.calendars.milestonesFor(tx, owner.organization_id, owner.id),
          priorities.flatMap((priority) =>
            checkInsDue(
              priority.recorded,
              current,
              settings.checkInWeekday,
              priority.start_date,
              priority.last_check_in_on,
            ).map((period) => ({ priority, period })),
          ),
        ];
      }),
    );
    return calendarFeed(owner.name, milestones, new URL(this.links.publicUrl).hostname, checkIns);
  }
}
