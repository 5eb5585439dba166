import type { HealthThresholds } from '../health/health';
/**
 * The contract between the scan (which loads rows with set-based SQL) and the drift rules (pure functions).
 * Dates are YYYY-MM-DD strings in the organization's timezone; `today` is that timezone's date.
 */

export const DRIFT_RULES = [
  'milestone_overdue',
  'milestone_forecast_slip',
  'milestone_replanned',
  'priority_behind_plan',
  'priority_stalled',
  'confidence_falling',
  'focus_overload',
  'owner_overload',
  'owner_missing',
  'allocation_mismatch',
  'engagement_term_ending',
  'renewal_at_risk',
  'forecast_beyond_target',
  'check_in_missed',
] as const;
export type DriftRule = (typeof DRIFT_RULES)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export type SubjectType = 'milestone' | 'priority' | 'engagement' | 'owner';

/** Organization thresholds (stored sparse in organizations.settings, defaults in DEFAULT_DRIFT_THRESHOLDS). */
export interface DriftThresholds {
  /** milestone_overdue: warning after this many days overdue, critical after `overdueCriticalDays`. */
  overdueWarningDays: number;
  overdueCriticalDays: number;
  /** milestone_forecast_slip: forecast later than the due date by at least this many days. */
  forecastSlipMinDays: number;
  /** milestone_replanned: pushed more than this many times… */
  replanMaxCount: number;
  /** …or more than this many days in total (sum of forward moves). */
  replanMaxTotalDays: number;
  /** priority_stalled: no check-in for this many days (an active priority younger than that is not stalled). */
  stalledAfterDays: number;
  /** confidence_falling: this many consecutive drops (so N+1 check-ins) with the latest RAG still on_track. */
  confidenceFallingDrops: number;
  /** owner_overload: one owner carrying more than this many active priorities across the organization. */
  ownerMaxActivePriorities: number;
  /** allocation_mismatch: open milestones due in the next 30 days per allocated day/week, the organization's norm… */
  allocationNormMilestonesPerDay: number;
  /** …and how far above the norm counts as a mismatch (factor). */
  allocationMismatchFactor: number;
  /**
   * engagement_term_ending: the notice deadline (term end − notice period) is this many days away or less. The
   * organization's `termNoticeWarningDays` setting; the scan lays it over this default.
   */
  termEndingWithinDays: number;
  /** renewal_at_risk: a renewal this many days away or less… */
  renewalWindowDays: number;
  /** …while the engagement's drift score is above this, */
  renewalRiskDriftScore: number;
  /** …or its latest check-in is more than this many days old (two weekly check-ins missed), */
  renewalMissedCheckInDays: number;
  /** …or the client's median time to acknowledge check-ins over the last 4 weeks is more than this many days. */
  renewalAckMedianDays: number;
}

export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = {
  overdueWarningDays: 3,
  overdueCriticalDays: 14,
  forecastSlipMinDays: 1,
  replanMaxCount: 2,
  replanMaxTotalDays: 30,
  stalledAfterDays: 14,
  confidenceFallingDrops: 2,
  ownerMaxActivePriorities: 4,
  allocationNormMilestonesPerDay: 3,
  allocationMismatchFactor: 2,
  termEndingWithinDays: 30,
  renewalWindowDays: 60,
  renewalRiskDriftScore: 40,
  renewalMissedCheckInDays: 14,
  renewalAckMedianDays: 7,
};

/** Open (planned/in_progress) milestones of active priorities of active engagements, pre-filtered in SQL. */
export interface MilestoneFacts {
  id: string;
  priorityId: string;
  engagementId: string;
  title: string;
  baselineDueDate: string;
  dueDate: string;
  forecastDate: string | null;
  /** How many times the due date was changed. */
  replanCount: number;
  /** Sum of forward moves in days (moves earlier do not reduce it). */
  replanTotalDays: number;
}

/** Active priorities of active engagements. */
export interface PriorityFacts {
  id: string;
  engagementId: string;
  title: string;
  ownerId: string | null;
  /** The owner row exists but is not linked to anyone reachable (no email and no user): counts as missing. */
  ownerReachable: boolean;
  startDate: string;
  targetDate: string;
  /** Weighted progress 0..1 (DESIGN.md §3). */
  progress: number;
  /** Due date of the earliest open milestone (computed health counts overdue milestones), null when none is open. */
  oldestOpenDueDate: string | null;
  /** The engagement's planned end (its term end), null when open-ended. */
  engagementEndDate: string | null;
  /** The latest P80 landing date of its open milestones (forecast by this scan), null when none is forecast. */
  forecastP80: string | null;
  /** Latest check-ins, newest first (at most confidenceFallingDrops + 1 needed). */
  recentCheckIns: Array<{ createdOn: string; confidence: number; rag: 'on_track' | 'at_risk' | 'off_track' }>;
}

export interface EngagementFacts {
  id: string;
  clientId: string;
  daysPerWeek: number;
  activePriorities: number;
  /** Open milestones due within the next 30 days. */
  openMilestonesNext30Days: number;
  /**
   * The allocation in force on the due date of each of those milestones (an overdue one: today's), so a booked
   * scale-down counts before it starts. Absent: today's allocation for all of them.
   */
  dueSoonAllocations?: number[];
}

/** Engagements that are running (active, paused or renewing) and have a term end or a renewal date. */
export interface EngagementTermFacts {
  id: string;
  status: 'active' | 'paused' | 'renewing';
  startDate: string;
  termEndDate: string | null;
  renewalDate: string | null;
  noticePeriodDays: number;
  autoRenew: boolean;
  /** Today's drift score when the scan computes one (active engagements), else the latest snapshot; null: none yet. */
  driftScore: number | null;
  /** Local date of the latest check-in on any of its priorities; null: none yet. */
  lastCheckInOn: string | null;
  /**
   * Median days from a check-in to the client's acknowledgement, over the check-ins of the last 28 days (one not
   * acknowledged yet counts with its age so far); null when there were none.
   */
  ackMedianDays: number | null;
  /** The client's latest pulse score (1–5) for the engagement; null or absent: never answered. */
  latestPulseScore?: number | null;
}

/**
 * The latest due check-in of each active priority of an active engagement with a weekly cadence (the reminder
 * dispatcher writes one per priority per ISO week), with the local date of the priority's latest check-in.
 */
export interface DueCheckInFacts {
  priorityId: string;
  engagementId: string;
  title: string;
  weekStart: string;
  dueOn: string;
  lastCheckInOn: string | null;
}

export interface OwnerFacts {
  id: string;
  name: string;
  activePriorities: number;
}

export interface ScanFacts {
  today: string;
  focusCap: number;
  health: HealthThresholds;
  thresholds: DriftThresholds;
  milestones: MilestoneFacts[];
  priorities: PriorityFacts[];
  engagements: EngagementFacts[];
  owners: OwnerFacts[];
  terms: EngagementTermFacts[];
  /** check_in_missed: the latest due check-in per priority, and after how many days missing it alerts. */
  dueCheckIns: DueCheckInFacts[];
  checkInMissedAfterDays: number;
}

/** One condition a rule found; the scan upserts it as an alert keyed by (rule, subjectType, subjectId). */
export interface Detection {
  rule: DriftRule;
  subjectType: SubjectType;
  subjectId: string;
  /** The engagement the alert is shown under (owner_overload: null, it spans engagements). */
  engagementId: string | null;
  severity: Severity;
  /** One human sentence, e.g. "‘Hire two AEs’ is 5 days overdue (due 2026-03-01)". */
  message: string;
  /** Numbers behind the verdict, for the UI and the digest. */
  details: Record<string, string | number | boolean | null>;
}
