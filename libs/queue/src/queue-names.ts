/** Every queue, job name and payload in one place: producers and the worker agree through this file only. */

export const QueueName = {
  Drift: 'drift',
  Notifications: 'notifications',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** Scheduled: fans out one ScanOrganization job per organization. */
  ScanAll: 'drift.scan-all',
  ScanOrganization: 'drift.scan-organization',
  /** Delayed until the end of a milestone's due date in the organization's timezone. */
  MilestoneDeadline: 'drift.milestone-deadline',
  DeliverNotification: 'notification.deliver',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.ScanAll]: Record<string, never>;
  [JobName.ScanOrganization]: { organizationId: string };
  [JobName.MilestoneDeadline]: { organizationId: string; milestoneId: string; dueDate: string };
  [JobName.DeliverNotification]: { outboxId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ScanAll]: QueueName.Drift,
  [JobName.ScanOrganization]: QueueName.Drift,
  [JobName.MilestoneDeadline]: QueueName.Drift,
  [JobName.DeliverNotification]: QueueName.Notifications,
};

/** Deterministic job ids: a re-plan replaces the deadline job, a delivery is enqueued once per outbox row. */
export const JobId = {
  milestoneDeadline: (milestoneId: string) => `milestone-deadline-${milestoneId}`,
  delivery: (outboxId: string) => `deliver-${outboxId}`,
  scanOrganization: (organizationId: string, slot: string) => `scan-${organizationId}-${slot}`,
};

export const SCAN_SCHEDULER_ID = 'drift-scan-all';
