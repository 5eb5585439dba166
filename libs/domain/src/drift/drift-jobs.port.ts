/**
 * What the domain asks of the job queue, implemented with BullMQ in libs/queue. Called only after the
 * transaction that caused it has committed (never inside it).
 */
export abstract class DriftJobs {
  abstract milestoneDueDateSet(
    organizationId: string,
    milestoneId: string,
    dueDate: string,
    timezone: string,
  ): Promise<void>;
  /** The deadline jobs of milestones just created (none has a job yet), added in one bulk request. */
  abstract newMilestonesDue(
    organizationId: string,
    milestones: ReadonlyArray<{ id: string; dueDate: string }>,
    timezone: string,
  ): Promise<void>;
  abstract milestoneClosed(milestoneId: string): Promise<void>;
  abstract scanOrganization(organizationId: string): Promise<void>;
}

export abstract class NotificationJobs {
  /** `delayMs`: the first attempt waits (a row whose first send just failed). */
  abstract deliver(outboxIds: readonly string[], options?: { delayMs?: number }): Promise<void>;
  /** Enqueues again rows still pending, replacing a finished or failed job of the same id. */
  abstract redeliver(outboxIds: readonly string[]): Promise<void>;
}
