import {
  ForecastModel,
  STATE_CHECKPOINTS,
  checkpointIndex,
  forecastMilestone,
  stateBasisText,
  statesOf,
  toHistorySample,
  toOpenMilestone,
  type HistorySample,
  type OpenMilestone,
} from './forecaster';

/**
 * The state-matched forecast: an open milestone is compared with the organization's completed milestones as they were
 * at the same point of their plan (still open, as many re-plans by then), and its landing is counted from its current
 * due date by their residuals, (landing − due date then) / planned duration.
 */
const TODAY = '2026-05-01';

function sample(slipDays: number, replanLog: HistorySample['replanLog'], overrides: Partial<HistorySample> = {}) {
  return {
    function: 'CRO',
    executiveId: 'x-1',
    durationDays: 40,
    slipDays,
    replanCount: replanLog?.length ?? 0,
    replanLog,
    ...overrides,
  };
}
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

function open(overrides: Partial<OpenMilestone> = {}): OpenMilestone {
  // Planned over 40 days from 2026-04-01, due 2026-05-11: today (2026-05-01) is 75% of the way through its plan.
  return {
    id: 'm-1',
    function: 'CRO',
    executiveId: 'x-1',
    baselineDueDate: '2026-05-11',
    durationDays: 40,
    replanCount: 0,
    currentDueDate: '2026-05-11',
    ...overrides,
  };
}

describe('checkpoints', () => {
  it('are the latest at or before the elapsed share of the plan', () => {
    expect(STATE_CHECKPOINTS[checkpointIndex(0)]).toBe(0);
    expect(STATE_CHECKPOINTS[checkpointIndex(0.5)]).toBe(0.5);
    expect(STATE_CHECKPOINTS[checkpointIndex(0.75)]).toBe(0.7);
    expect(STATE_CHECKPOINTS[checkpointIndex(1.3)]).toBe(1.2);
    expect(STATE_CHECKPOINTS[checkpointIndex(5)]).toBe(3);
    expect(STATE_CHECKPOINTS[checkpointIndex(-0.2)]).toBe(0); // not started yet
  });
});

describe('statesOf', () => {
  it('a 40-day milestone re-planned on day 30 (+10 days) and day 50 (+15), landed 20 days late', () => {
    const states = statesOf(
      sample(20, [
        { atDays: 30, dueShiftDays: 10 },
        { atDays: 50, dueShiftDays: 15 },
      ]),
    );
    const at = (c: number) => states.find((s) => STATE_CHECKPOINTS[s.checkpoint] === c);
    // Up to 70% of its plan (day 28): no re-plan yet, it will land 20/40 = 0.5 of its plan after its due date.
    expect(at(0)).toEqual({ checkpoint: 0, replans: 0, residual: 0.5 });
    expect(at(0.7)).toMatchObject({ replans: 0, residual: 0.5 });
    // From 80% (day 32) to 120% (day 48): re-planned once, due 10 days late; it lands (20 − 10)/40 = 0.25 after that.
    expect(at(0.8)).toMatchObject({ replans: 1, residual: 0.25 });
    expect(at(1.2)).toMatchObject({ replans: 1, residual: 0.25 });
    // At 135% (day 54): twice, due 15 days late: (20 − 15)/40 = 0.125.
    expect(at(1.35)).toMatchObject({ replans: 2, residual: 0.125 });
    // It landed at 150% of its plan: not open there, so no state from then on.
    expect(at(1.5)).toBeUndefined();
    expect(states).toHaveLength(14);
  });

  it('nothing without a re-plan log or a planned duration', () => {
    expect(statesOf(sample(5, undefined))).toEqual([]);
    expect(statesOf(sample(5, [], { durationDays: null }))).toEqual([]);
  });
});

describe('forecastMilestone, state-matched', () => {
  // 20 milestones re-planned halfway (day 20, +10 days) that landed 12 days late, and 20 never re-planned, on time.
  const history = [...times(20, sample(12, [{ atDays: 20, dueShiftDays: 10 }])), ...times(20, sample(0, []))];
  const model = new ForecastModel(history);

  it('a milestone re-planned once by now is compared with those re-planned once by then, from its current due date', () => {
    const f = forecastMilestone(model, open({ replanCount: 1, currentDueDate: '2026-05-21' }), TODAY);
    // Weights 1/2 (executive, 20), 1/4 (function), 1/8 (organization), 1/8 (prior): P50 and P80 both at the 20
    // residuals of 2/40 = 0.05 → 2026-05-21 + 2 days.
    expect(f).toEqual({
      milestoneId: 'm-1',
      p50: '2026-05-23',
      p80: '2026-05-23',
      sampleSize: 20,
      basis:
        "from 20 similar milestones at the same point of their plan; this executive's CRO milestones of 30–60 days landed 5% of their planned duration after the due date they had then, at the median; counted from the current due date 2026-05-21 (re-planned once)",
    });
  });

  it('a milestone not re-planned by now is compared with those not re-planned by then: they landed on time', () => {
    const f = forecastMilestone(model, open(), TODAY);
    expect(f).toMatchObject({ p50: '2026-05-11', p80: '2026-05-11', sampleSize: 20 });
    expect(f.basis).toBe(
      "from 20 similar milestones at the same point of their plan; this executive's CRO milestones of 30–60 days landed on the due date they had then, at the median; counted from the due date 2026-05-11",
    );
  });

  it('without a current due date, or without comparable states, the ratio model answers as before', () => {
    const withoutDue = forecastMilestone(model, open({ currentDueDate: undefined }), TODAY);
    const noLogs = new ForecastModel(history.map((s) => ({ ...s, replanLog: undefined })));
    expect(forecastMilestone(noLogs, open(), TODAY)).toEqual(withoutDue);
    expect(withoutDue.basis).toMatch(/^from 40 similar milestones; /);
  });

  it('overdue work: conditioned on landing no earlier than today, never a date before today', () => {
    // Due 2026-04-01 on a 40-day plan: today is 175% of the way. Comparables still open then landed 32 days late.
    const late = new ForecastModel([...times(20, sample(32, [])), ...times(20, sample(0, []))]);
    const f = forecastMilestone(late, open({ baselineDueDate: '2026-04-01', currentDueDate: '2026-04-01' }), TODAY);
    expect(f).toMatchObject({ p50: '2026-05-03', p80: '2026-05-03', sampleSize: 20 });
    const lateBeyond = forecastMilestone(
      late,
      open({ baselineDueDate: '2026-04-01', currentDueDate: '2026-03-01' }),
      TODAY,
    );
    expect(lateBeyond.p50 >= TODAY).toBe(true);
    expect(lateBeyond.p80 >= lateBeyond.p50).toBe(true);
  });

  it('a milestone re-planned 20 times is compared with those re-planned 3 times or more by then', () => {
    // Five re-plans in the first 10 days, each 8 days later, landing on the last due date (40 days late).
    const log = [2, 4, 6, 8, 10].map((d, i) => ({ atDays: d, dueShiftDays: 8 * (i + 1) }));
    const replanned = new ForecastModel(times(20, sample(40, log)));
    const f = forecastMilestone(replanned, open({ replanCount: 20, currentDueDate: '2026-06-20' }), TODAY);
    expect(f).toMatchObject({ p50: '2026-06-20', p80: '2026-06-20', sampleSize: 20 });
    expect(f.basis).toMatch(/counted from the current due date 2026-06-20 \(re-planned 3 or more times\)$/);
  });

  it('with few comparables, says the default range carries it', () => {
    const few = new ForecastModel(times(2, sample(4, [])));
    const f = forecastMilestone(few, open({ executiveId: 'x-2', function: 'CMO' }), TODAY);
    expect(f.basis).toBe(
      'from 2 similar milestones at the same point of their plan, too few to stand alone: mostly a wide default range (typical milestones land 20% late at the median); counted from the due date 2026-05-11',
    );
  });
});

describe('stateBasisText', () => {
  it('names the group carrying the most weight and the due date counted from', () => {
    expect(
      stateBasisText({
        sampleSize: 214,
        function: 'CRO',
        bucketLabel: '30–60 days',
        strongest: [[], [0.1, 0.18, 0.3], [0.2]],
        weights: [0, 0.9, 0.05, 0.05],
        replans: 2,
        currentDueDate: '2026-05-12',
        baselineDueDate: '2026-04-30',
        overdueBeyondHistory: false,
      }),
    ).toBe(
      'from 214 similar milestones at the same point of their plan; CRO milestones of 30–60 days landed 18% of their planned duration after the due date they had then, at the median; counted from the current due date 2026-05-12 (re-planned 2 times)',
    );
  });
});

describe('rows with their re-plans', () => {
  const row = {
    id: 'm-9',
    function: 'CRO',
    executiveId: 'x-1',
    plannedStart: '2026-01-01',
    baselineDueDate: '2026-02-10',
    replanCount: 1,
    replans: [{ on: '2026-01-31', newDueDate: '2026-02-15' }],
    currentDueDate: '2026-02-15',
  };

  it('a done milestone carries its re-plan log: day 30 of its plan, 5 days later', () => {
    expect(toHistorySample({ ...row, status: 'done', completedOn: '2026-02-20' })).toEqual({
      function: 'CRO',
      executiveId: 'x-1',
      durationDays: 40,
      slipDays: 10,
      replanCount: 1,
      replanLog: [{ atDays: 30, dueShiftDays: 5 }],
    });
  });

  it('an open milestone carries its current due date', () => {
    expect(toOpenMilestone({ ...row, status: 'in_progress', completedOn: null })).toMatchObject({
      currentDueDate: '2026-02-15',
      replanCount: 1,
    });
  });
});
