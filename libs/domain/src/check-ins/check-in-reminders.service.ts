import { Inject, Injectable, Logger } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { NotificationJobs } from '../drift/drift-jobs.port';
import { DIGEST_OPTIONS, type DigestOptions } from '../digests/digest-composer.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { Clock } from '../shared/clock';
import { CHECK_IN_LINK_VALID_DAYS, checkInLinkExpiry, newCheckInToken } from './check-in-link';
import { CheckInLoopRepository, type ReminderRow } from './check-in-loop.repository';
import { checkInReminderEmail } from './check-in-reminder-email';
import { checkInPeriodOf } from './check-in-schedule';

export interface ReminderDispatch {
  organizationId: string;
  isoWeek: string;
  duesCreated: number;
  reminders: number;
  emails: number;
}

/**
 * The reminder dispatcher, run with the digest dispatcher's per-organization job (every minute): one transaction per
 * organization writes the period's due check-ins, selects the reminders due at everyone's own 09:00 (one query), and
 * writes their single-use links and one outbox email per recipient (two set-based statements). The deliveries are
 * enqueued after the commit.
 */
@Injectable()
export class CheckInRemindersService {
  private readonly logger = new Logger('CheckInReminders');

  constructor(
    @Inject(DIGEST_OPTIONS) private readonly options: DigestOptions,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly loop: CheckInLoopRepository,
    private readonly notifications: NotificationJobs,
  ) {}

  dispatch(organizationId: string): Promise<ReminderDispatch> {
    return this.db.forOrganization(organizationId, () => this.dispatchInScope(organizationId));
  }

  private async dispatchInScope(organizationId: string): Promise<ReminderDispatch> {
    const now = this.clock.now();
    const { result, outboxIds } = await this.db.transaction(async (tx) => {
      await this.loop.lockDispatch(tx, organizationId);
      const { timezone, settings } = await this.organizations.context(tx, organizationId);
      const period = checkInPeriodOf(now, timezone, settings.checkInWeekday);
      const duesCreated = await this.loop.ensureDues(tx, organizationId, period);
      const due = await this.loop.dueReminders(tx, organizationId, period.isoWeek, now, settings.ownersMayCheckIn);
      const result: ReminderDispatch = {
        organizationId,
        isoWeek: period.isoWeek,
        duesCreated,
        reminders: due.length,
        emails: 0,
      };
      if (due.length === 0) return { result, outboxIds: [] as string[] };

      const byUser = new Map<string, Array<ReminderRow & { token: string; hash: string }>>();
      for (const row of due) {
        const list = byUser.get(row.user_id) ?? [];
        list.push({ ...row, ...newCheckInToken() });
        byUser.set(row.user_id, list);
      }
      const emails = [...byUser.values()].map((rows) => ({
        userId: rows[0]!.user_id,
        email: rows[0]!.email,
        name: rows[0]!.name,
        message: checkInReminderEmail({
          name: rows[0]!.name,
          publicUrl: this.options.publicUrl,
          validDays: CHECK_IN_LINK_VALID_DAYS,
          items: rows.map((r) => ({
            priorityTitle: r.priority_title,
            clientName: r.client_name,
            dueOn: r.due_on,
            token: r.token,
          })),
        }),
      }));
      const outboxByUser = await this.loop.queueReminderEmails(tx, organizationId, emails);
      const expiresAt = checkInLinkExpiry(now);
      await this.loop.insertLinks(
        tx,
        organizationId,
        [...byUser.values()].flat().map((r) => ({
          dueId: r.due_id,
          userId: r.user_id,
          tokenHash: r.hash,
          expiresAt,
          outboxId: outboxByUser.get(r.user_id)!,
        })),
      );
      result.emails = emails.length;
      return { result, outboxIds: [...outboxByUser.values()] };
    });
    if (outboxIds.length) {
      await this.notifications.deliver(outboxIds);
      this.logger.log(`org ${organizationId}: ${result.reminders} check-in reminders in ${result.emails} emails`);
    }
    return result;
  }
}
