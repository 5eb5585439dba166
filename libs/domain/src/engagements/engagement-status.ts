import type { EngagementStatus } from './engagement.entity';

/**
 * The engagement lifecycle: proposed → active → paused or renewing → active again, or ended. `ended`,
 * `completed` (ran its term) and `cancelled` (stopped early) are the three ways an engagement is over; a proposal
 * that never starts may be cancelled or ended too. Nothing leaves an ended engagement.
 */
const ENDINGS: readonly EngagementStatus[] = ['ended', 'completed', 'cancelled'];

export const STATUS_TRANSITIONS: Readonly<Record<EngagementStatus, readonly EngagementStatus[]>> = {
  proposed: ['active', ...ENDINGS],
  active: ['paused', 'renewing', ...ENDINGS],
  paused: ['active', ...ENDINGS],
  renewing: ['active', ...ENDINGS],
  ended: [],
  completed: [],
  cancelled: [],
};

export function isEndedStatus(status: EngagementStatus): boolean {
  return ENDINGS.includes(status);
}

/** Whether an engagement may move from `from` to `to`; staying where it is is always allowed (a no-op). */
export function canTransition(from: EngagementStatus, to: EngagementStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** The statuses `from` may move to, for the message of a refused transition and for the dashboard's select. */
export function allowedTransitions(from: EngagementStatus): readonly EngagementStatus[] {
  return STATUS_TRANSITIONS[from];
}
