import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '@app/database/transaction';
import { DIGEST_OPTIONS, type DigestOptions } from '../digests/digest-composer.service';
import { NotificationJobs } from '../drift/drift-jobs.port';
import { OrganizationsService } from '../organizations/organizations.service';
import { Clock } from '../shared/clock';
import { pulseEmail } from './pulse-email';
import { PulseRepository } from './pulse.repository';
import { monthlyPulseMonth } from './pulse-schedule';

export interface PulseDispatch {
  organizationId: string;
  emails: number;
}

/**
 * The monthly pulse email (issue 18, item 5), run with the digest dispatcher's per-organization job (every minute):
 * one transaction per organization selects the client viewers × active engagements not yet asked this month (one
 * query), keeps those whose 09:00 window is open and whose monthly question is due (monthlyPulseMonth), and writes
 * each one's request row and outbox email in one statement. The unique request row per month is the guarantee that
 * it never goes out twice; the deliveries are enqueued after the commit.
 */
@Injectable()
export class PulseDispatchService {
  private readonly logger = new Logger('PulseDispatch');

  constructor(
    @Inject(DIGEST_OPTIONS) private readonly options: Pick<DigestOptions, 'publicUrl'>,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly pulses: PulseRepository,
    private readonly notifications: NotificationJobs,
  ) {}

  dispatch(organizationId: string): Promise<PulseDispatch> {
    return this.db.forOrganization(organizationId, async () => {
      const now = this.clock.now();
      const outboxIds = await this.db.transaction(async (tx) => {
        await this.pulses.lockMonthlyDispatch(tx, organizationId);
        const { today } = await this.organizations.context(tx, organizationId);
        const due = (await this.pulses.monthlyCandidates(tx, organizationId, now)).flatMap((c) => {
          const month = monthlyPulseMonth({ now, timezone: c.timezone, today, lastAnswer: c.lastAnswer });
          return month ? [{ ...c, month }] : [];
        });
        if (!due.length) return [];
        return this.pulses.queueMonthly(
          tx,
          organizationId,
          due.map((c) => ({
            userId: c.userId,
            engagementId: c.engagementId,
            month: c.month,
            outboxId: randomUUID(),
            email: c.email,
            name: c.name,
            message: pulseEmail({
              name: c.name,
              clientName: c.clientName,
              function: c.function,
              reason: 'monthly',
              priorityTitle: null,
              publicUrl: this.options.publicUrl,
              engagementId: c.engagementId,
            }),
          })),
        );
      });
      if (outboxIds.length) {
        await this.notifications.deliver(outboxIds);
        this.logger.log(`org ${organizationId}: ${outboxIds.length} monthly pulse emails`);
      }
      return { organizationId, emails: outboxIds.length };
    });
  }
}
