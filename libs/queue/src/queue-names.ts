import type { ComposeDigestRequest } from '@app/domain';

/** Every queue, job name and payload in one place: producers and the worker agree through this file only. */

export const QueueName = {
  Drift: 'drift',
  Notifications: 'notifications',
  Digests: 'digests',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** Scheduled: fans out one ScanOrganization job per organization. */
  ScanAll: 'drift.scan-all',
  ScanOrganization: 'drift.scan-organization',
  /** Delayed until the end of a milestone's due date in the organization's timezone. */
  MilestoneDeadline: 'drift.milestone-deadline',
  DeliverNotification: 'notification.deliver',
  /** Scheduled: fans out one DigestDispatchOrganization job per organization. */
  DigestDispatchAll: 'digest.dispatch-all',
  /** One query for the organization's recipients whose slot has come, then one DigestCompose job each. */
  DigestDispatchOrganization: 'digest.dispatch-organization',
  DigestCompose: 'digest.compose',
  /** Up to DIGEST_COMPOSE_BATCH recipients of one organization in one job (a dispatch, a send-now to everyone). */
  DigestComposeBatch: 'digest.compose-batch',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.ScanAll]: Record<string, never>;
  [JobName.ScanOrganization]: { organizationId: string };
  [JobName.MilestoneDeadline]: { organizationId: string; milestoneId: string; dueDate: string };
  [JobName.DeliverNotification]: { outboxId: string };
  [JobName.DigestDispatchAll]: Record<string, never>;
  [JobName.DigestDispatchOrganization]: { organizationId: string };
  [JobName.DigestCompose]: ComposeDigestRequest;
  [JobName.DigestComposeBatch]: { requests: ComposeDigestRequest[] };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ScanAll]: QueueName.Drift,
  [JobName.ScanOrganization]: QueueName.Drift,
  [JobName.MilestoneDeadline]: QueueName.Drift,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.DigestDispatchAll]: QueueName.Digests,
  [JobName.DigestDispatchOrganization]: QueueName.Digests,
  [JobName.DigestCompose]: QueueName.Digests,
  [JobName.DigestComposeBatch]: QueueName.Digests,
};

/** Deterministic job ids: a re-plan replaces the deadline job, a delivery is enqueued once per outbox row. */
export const JobId = {
  milestoneDeadline: (milestoneId: string) => `milestone-deadline-${milestoneId}`,
  delivery: (outboxId: string) => `deliver-${outboxId}`,
  scanOrganization: (organizationId: string, slot: string) => `scan-${organizationId}-${slot}`,
  digestDispatch: (organizationId: string, slot: string) => `digest-dispatch-${organizationId}-${slot}`,
  /** One job per recipient and ISO week; a forced re-send gets an id of its own. */
  composeDigest: (userId: string, isoWeek: string, forcedAt?: number) =>
    `digest-${userId}-${isoWeek}${forcedAt === undefined ? '' : `-forced-${forcedAt}`}`,
  /** The same recipients and weeks give the same id (a second dispatch of a batch still waiting adds nothing). */
  composeDigestBatch: (organizationId: string, key: string, forcedAt?: number) =>
    `digest-batch-${organizationId}-${key}${forcedAt === undefined ? '' : `-forced-${forcedAt}`}`,
};

export const SCAN_SCHEDULER_ID = 'drift-scan-all';
export const DIGEST_SCHEDULER_ID = 'digest-dispatch-all';
