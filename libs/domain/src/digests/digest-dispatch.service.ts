import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { Clock } from '../shared/clock';
import type { ComposeDigestRequest } from './digest-jobs.port';
import { DigestRecipientsRepository } from './digest-recipients.repository';

/** The scheduled side: which organizations to look at, and whose digest is due in one (one query each). */
@Injectable()
export class DigestDispatchService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly recipients: DigestRecipientsRepository,
  ) {}

  organizationIds(): Promise<string[]> {
    return this.db.asSystem('digest-dispatch-fan-out', () => this.recipients.organizationIds(this.db.reader));
  }

  async dueRequests(organizationId: string, batch: string): Promise<ComposeDigestRequest[]> {
    const due = await this.db.forOrganization(organizationId, () =>
      this.recipients.due(this.db.reader, organizationId, this.clock.now()),
    );
    return due.map((d) => ({
      organizationId,
      userId: d.userId,
      isoWeek: d.isoWeek,
      trigger: 'schedule',
      force: false,
      batch,
    }));
  }
}
