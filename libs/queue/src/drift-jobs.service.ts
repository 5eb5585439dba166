import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { Clock, DriftJobs, NotificationJobs } from '@app/domain';
import { JobId, JobName, QueueName, type JobPayloads } from './queue-names';

const SCAN_COALESCE_MS = 2000;
const KEEP = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } };

/** The producer side: services call these after their transaction commits; the worker does the work. */
@Injectable()
export class BullDriftJobs extends DriftJobs {
  private readonly logger = new Logger('DriftJobs');

  constructor(
    @InjectQueue(QueueName.Drift) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** (Re)schedules the check at the end of the due date in the organization's timezone; replaces an earlier one. */
  async milestoneDueDateSet(
    organizationId: string,
    milestoneId: string,
    dueDate: string,
    timezone: string,
  ): Promise<void> {
    const deadline = DateTime.fromISO(dueDate, { zone: timezone }).plus({ days: 1 }).startOf('day');
    const delay = Math.max(0, deadline.toMillis() - this.clock.now().getTime());
    const jobId = JobId.milestoneDeadline(milestoneId);
    await this.queue.remove(jobId);
    const payload: JobPayloads[typeof JobName.MilestoneDeadline] = { organizationId, milestoneId, dueDate };
    await this.queue.add(JobName.MilestoneDeadline, payload, {
      jobId,
      delay,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      ...KEEP,
    });
    this.logger.debug(`deadline check for milestone ${milestoneId} in ${Math.round(delay / 1000)} s`);
  }

  /** As milestoneDueDateSet, for milestones that have no job yet (just created): one addBulk, nothing to remove. */
  async newMilestonesDue(
    organizationId: string,
    milestones: ReadonlyArray<{ id: string; dueDate: string }>,
    timezone: string,
  ): Promise<void> {
    if (milestones.length === 0) return;
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      milestones.map((m) => {
        const deadline = DateTime.fromISO(m.dueDate, { zone: timezone }).plus({ days: 1 }).startOf('day');
        const data: JobPayloads[typeof JobName.MilestoneDeadline] = {
          organizationId,
          milestoneId: m.id,
          dueDate: m.dueDate,
        };
        return {
          name: JobName.MilestoneDeadline,
          data,
          opts: {
            jobId: JobId.milestoneDeadline(m.id),
            delay: Math.max(0, deadline.toMillis() - now),
            attempts: 3,
            backoff: { type: 'exponential', delay: 2000 },
            ...KEEP,
          },
        };
      }),
    );
    this.logger.debug(`deadline checks for ${milestones.length} new milestones`);
  }

  async milestoneClosed(milestoneId: string): Promise<void> {
    await this.queue.remove(JobId.milestoneDeadline(milestoneId));
  }

  /**
   * Writes within one short window share one scan that runs when the window closes (after their commits):
   * a burst of edits costs one scan, not one each. Queue delays are wall-clock time, whatever the Clock says.
   */
  async scanOrganization(organizationId: string): Promise<void> {
    const now = Date.now();
    const slot = Math.ceil((now + 1) / SCAN_COALESCE_MS);
    const payload: JobPayloads[typeof JobName.ScanOrganization] = { organizationId };
    await this.queue.add(JobName.ScanOrganization, payload, {
      jobId: JobId.scanOrganization(organizationId, String(slot)),
      delay: slot * SCAN_COALESCE_MS - now,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      ...KEEP,
    });
  }
}

@Injectable()
export class BullNotificationJobs extends NotificationJobs {
  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly attempts: number,
  ) {
    super();
  }

  async redeliver(outboxIds: readonly string[]): Promise<void> {
    // remove() skips a job that is running (it returns 0): that one is delivering the row right now.
    for (const outboxId of outboxIds) await this.queue.remove(JobId.delivery(outboxId));
    await this.deliver(outboxIds);
  }

  /** In chunks, so a scan that raises thousands of alerts does not build one huge bulk request. */
  async deliver(outboxIds: readonly string[], options: { delayMs?: number } = {}): Promise<void> {
    for (let i = 0; i < outboxIds.length; i += 1000)
      await this.deliverChunk(outboxIds.slice(i, i + 1000), options.delayMs);
  }

  private async deliverChunk(outboxIds: readonly string[], delayMs?: number): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.queue.addBulk(
      outboxIds.map((outboxId) => ({
        name: JobName.DeliverNotification,
        data: { outboxId } satisfies JobPayloads[typeof JobName.DeliverNotification],
        opts: {
          jobId: JobId.delivery(outboxId),
          attempts: this.attempts,
          backoff: { type: 'exponential', delay: 1000 },
          ...(delayMs ? { delay: delayMs } : {}),
          ...KEEP,
        },
      })),
    );
  }
}
