import {
  DEFAULT_DRIFT_THRESHOLDS,
  type EngagementFacts,
  type EngagementTermFacts,
  type MilestoneFacts,
  type OwnerFacts,
  type PriorityFacts,
  type ScanFacts,
} from '../drift-types';

/** Test builders for the rule specs: every fact healthy unless a test says otherwise. Not used by app code. */

export const TODAY = '2026-03-20';

export function milestoneFacts(overrides: Partial<MilestoneFacts> = {}): MilestoneFacts {
  return {
    id: 'm-1',
    priorityId: 'p-1',
    engagementId: 'e-1',
    title: 'Hire two AEs',
    baselineDueDate: '2026-04-30',
    dueDate: '2026-04-30',
    forecastDate: null,
    replanCount: 0,
    replanTotalDays: 0,
    ...overrides,
  };
}

export function priorityFacts(overrides: Partial<PriorityFacts> = {}): PriorityFacts {
  return {
    id: 'p-1',
    engagementId: 'e-1',
    title: 'Build the sales team',
    ownerId: 'o-1',
    ownerReachable: true,
    startDate: '2026-01-01',
    targetDate: '2026-12-31',
    progress: 0.5,
    oldestOpenDueDate: null,
    engagementEndDate: null,
    forecastP80: null,
    recentCheckIns: [{ createdOn: '2026-03-16', confidence: 7, rag: 'on_track' }],
    ...overrides,
  };
}

export function engagementFacts(overrides: Partial<EngagementFacts> = {}): EngagementFacts {
  return { id: 'e-1', clientId: 'c-1', daysPerWeek: 2, activePriorities: 3, openMilestonesNext30Days: 4, ...overrides };
}

export function termFacts(overrides: Partial<EngagementTermFacts> = {}): EngagementTermFacts {
  return {
    id: 'e-1',
    status: 'active',
    startDate: '2025-10-01',
    termEndDate: null,
    renewalDate: null,
    noticePeriodDays: 0,
    autoRenew: false,
    driftScore: 10,
    lastCheckInOn: '2026-03-16',
    ackMedianDays: 1,
    ...overrides,
  };
}

export function ownerFacts(overrides: Partial<OwnerFacts> = {}): OwnerFacts {
  return { id: 'o-1', name: 'Dana Reyes', activePriorities: 2, ...overrides };
}

export function scanFacts(overrides: Partial<ScanFacts> = {}): ScanFacts {
  return {
    today: TODAY,
    focusCap: 5,
    health: { healthAtRiskBelow: 0.15, healthOffTrackBelow: 0.3, overdueAtRiskDays: 7 },
    thresholds: { ...DEFAULT_DRIFT_THRESHOLDS },
    milestones: [],
    priorities: [],
    engagements: [],
    owners: [],
    terms: [],
    dueCheckIns: [],
    checkInMissedAfterDays: 2,
    ...overrides,
  };
}
