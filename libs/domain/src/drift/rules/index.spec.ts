import { DEFAULT_DRIFT_THRESHOLDS, DRIFT_RULES, type DriftThresholds } from '../drift-types';
import { evaluateAggregateRules, evaluateDriftRules, evaluateMilestoneRules, resolveDriftThresholds } from './index';
import { engagementFacts, milestoneFacts, ownerFacts, priorityFacts, scanFacts, termFacts } from './scan-facts.fixture';

describe('evaluateDriftRules', () => {
  it('finds nothing in a healthy organization', () => {
    const facts = scanFacts({
      milestones: [milestoneFacts()],
      priorities: [priorityFacts()],
      engagements: [engagementFacts()],
      owners: [ownerFacts()],
    });
    expect(evaluateDriftRules(facts)).toEqual([]);
  });

  it('runs every rule, in DRIFT_RULES order, without reporting an overdue milestone as a forecast slip too', () => {
    const facts = scanFacts({
      milestones: [
        milestoneFacts({ id: 'late', dueDate: '2026-03-10', forecastDate: '2026-04-10' }),
        milestoneFacts({ id: 'slipping', forecastDate: '2026-05-10' }),
        milestoneFacts({ id: 'moved', replanCount: 3 }),
      ],
      priorities: [
        priorityFacts({
          id: 'behind',
          startDate: '2026-01-19',
          targetDate: '2026-04-29',
          progress: 0,
          recentCheckIns: [],
          forecastP80: '2026-05-20',
        }), // also stalled, and forecast beyond its target
        priorityFacts({
          id: 'wobbly',
          ownerId: null,
          ownerReachable: false,
          recentCheckIns: [
            { createdOn: '2026-03-16', confidence: 5, rag: 'on_track' },
            { createdOn: '2026-03-09', confidence: 6, rag: 'on_track' },
            { createdOn: '2026-03-02', confidence: 7, rag: 'on_track' },
          ],
        }),
      ],
      engagements: [engagementFacts({ activePriorities: 6, openMilestonesNext30Days: 13 })],
      owners: [ownerFacts({ activePriorities: 5 })],
      terms: [
        termFacts({ termEndDate: '2026-04-10', noticePeriodDays: 14, renewalDate: '2026-04-11', driftScore: 60 }),
      ],
      dueCheckIns: [
        {
          priorityId: 'quiet',
          engagementId: 'e-1',
          title: 'Quiet',
          weekStart: '2026-03-16',
          dueOn: '2026-03-16',
          lastCheckInOn: null,
        },
      ],
    });
    const found = evaluateDriftRules(facts).map((d) => `${d.rule}:${d.subjectId}`);
    expect(found).toEqual([
      'milestone_overdue:late',
      'milestone_forecast_slip:slipping',
      'milestone_replanned:moved',
      'priority_behind_plan:behind',
      'priority_stalled:behind',
      'confidence_falling:wobbly',
      'focus_overload:e-1',
      'owner_overload:o-1',
      'owner_missing:wobbly',
      'allocation_mismatch:e-1',
      'engagement_term_ending:e-1',
      'renewal_at_risk:e-1',
      'forecast_beyond_target:behind',
      'check_in_missed:quiet',
    ]);
    expect(new Set(found.map((f) => f.split(':')[0]))).toEqual(new Set(DRIFT_RULES));

    // A scan evaluates milestones in batches and the other rules once: together they must be the same detections.
    const split = [...evaluateMilestoneRules(facts), ...evaluateAggregateRules(facts)].map(
      (d) => `${d.rule}:${d.subjectId}`,
    );
    expect(split).toEqual(found);
    expect(evaluateAggregateRules({ ...facts, milestones: [] })).toEqual(evaluateAggregateRules(facts));
    expect(
      evaluateMilestoneRules({ ...facts, priorities: [], engagements: [], owners: [], terms: [], dueCheckIns: [] }),
    ).toEqual(evaluateMilestoneRules(facts));
  });
});

describe('resolveDriftThresholds', () => {
  it('is the defaults when nothing is stored', () => {
    expect(resolveDriftThresholds(undefined)).toEqual(DEFAULT_DRIFT_THRESHOLDS);
    expect(resolveDriftThresholds(null)).toEqual(DEFAULT_DRIFT_THRESHOLDS);
    expect(resolveDriftThresholds({})).toEqual(DEFAULT_DRIFT_THRESHOLDS);
  });

  it('lays stored values over the defaults', () => {
    expect(resolveDriftThresholds({ stalledAfterDays: 7, forecastSlipMinDays: 0 })).toEqual({
      ...DEFAULT_DRIFT_THRESHOLDS,
      stalledAfterDays: 7,
      forecastSlipMinDays: 0,
    });
  });

  it('ignores values that are not finite non-negative numbers, and unknown keys', () => {
    const stored = {
      stalledAfterDays: '7',
      overdueWarningDays: -1,
      replanMaxCount: null,
      ownerMaxActivePriorities: Number.NaN,
      extra: 1,
    };
    expect(resolveDriftThresholds(stored as unknown as Partial<DriftThresholds>)).toEqual(DEFAULT_DRIFT_THRESHOLDS);
  });

  it('never hands out the shared defaults object', () => {
    const resolved = resolveDriftThresholds(null);
    resolved.stalledAfterDays = 99;
    expect(DEFAULT_DRIFT_THRESHOLDS.stalledAfterDays).toBe(14);
  });
});
