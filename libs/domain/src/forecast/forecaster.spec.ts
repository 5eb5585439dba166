import { localDate } from '../health/calendar';
import {
  ForecastModel,
  GLOBAL_PRIOR_RATIOS,
  basisText,
  forecastMilestone,
  forecastMilestones,
  forecastMoved,
  latestP80By,
  nextMoveState,
  mixtureQuantile,
  quantile,
  shrinkageWeights,
  sortedNumbers,
  sortedQuantile,
  toHistorySample,
  toOpenMilestone,
  weightedQuantile,
  type HistorySample,
  type MilestoneHistoryRow,
  type OpenMilestone,
} from './forecaster';
import { addDays } from '../health/calendar';

const TODAY = '2026-05-01';

function samples(n: number, overrides: Partial<HistorySample> & { ratio: number }): HistorySample[] {
  const durationDays = overrides.durationDays ?? 40;
  return Array.from({ length: n }, () => ({
    function: 'CRO',
    executiveId: 'x-1',
    replanCount: 0,
    ...overrides,
    durationDays,
    slipDays: Math.round(overrides.ratio * (durationDays ?? 40)),
  }));
}

function open(overrides: Partial<OpenMilestone> = {}): OpenMilestone {
  // Planned over 40 days (a 30–60 day milestone), due a month from today.
  return {
    id: 'm-1',
    function: 'CRO',
    executiveId: 'x-1',
    baselineDueDate: '2026-06-01',
    durationDays: 40,
    replanCount: 0,
    ...overrides,
  };
}

describe('forecastMoved', () => {
  it('is a P80 more than a week from where it was, either way', () => {
    expect(forecastMoved('2026-05-12', '2026-05-19')).toBe(false); // 7 days: not more than a week
    expect(forecastMoved('2026-05-12', '2026-05-20')).toBe(true); // 8 days later
    expect(forecastMoved('2026-05-20', '2026-05-12')).toBe(true); // 8 days earlier
    expect(forecastMoved('2026-05-31', '2026-06-08')).toBe(true); // across a month end
    expect(forecastMoved('2026-05-12', '2026-05-12')).toBe(false);
  });
});

describe('nextMoveState', () => {
  const at = (day: string) => `${day}T09:00:00.000Z`;

  it('starts from the first P80, with no move', () => {
    expect(nextMoveState(null, '2026-05-04', at('2026-03-02'))).toEqual({
      referenceP80: '2026-05-04',
      previousP80: null,
      movedAt: null,
    });
  });

  it('records a move of more than a week from the reference, not from the last scan', () => {
    let state = nextMoveState(null, '2026-05-04', at('2026-03-02'));
    // Creeping 3 days a scan: 7 and then 6 days from the reference are no move …
    state = nextMoveState(state, '2026-05-07', at('2026-03-03'));
    state = nextMoveState(state, '2026-05-11', at('2026-03-04'));
    expect(state).toEqual({ referenceP80: '2026-05-04', previousP80: null, movedAt: null });
    // … 10 days is.
    state = nextMoveState(state, '2026-05-14', at('2026-03-05'));
    expect(state).toEqual({ referenceP80: '2026-05-14', previousP80: '2026-05-04', movedAt: at('2026-03-05') });
  });

  it('keeps where a run of moves started while each comes less than a week after the one before', () => {
    let state = nextMoveState(null, '2026-05-04', at('2026-03-02'));
    state = nextMoveState(state, '2026-04-18', at('2026-03-09')); // 16 days earlier
    state = nextMoveState(state, '2026-04-10', at('2026-03-09')); // 8 more, the same day: still "was 05-04"
    expect(state).toEqual({ referenceP80: '2026-04-10', previousP80: '2026-05-04', movedAt: at('2026-03-09') });
    // Ten days later another move starts a new run, from 04-10.
    state = nextMoveState(state, '2026-04-30', at('2026-03-19'));
    expect(state).toEqual({ referenceP80: '2026-04-30', previousP80: '2026-04-10', movedAt: at('2026-03-19') });
  });
});

describe('quantiles', () => {
  it('take the smallest value whose cumulative share reaches q', () => {
    // 1..10: half the weight is reached at 5, four fifths at 8.
    const values = [3, 1, 2, 10, 4, 5, 6, 7, 9, 8];
    expect(quantile(values, 0.5)).toBe(5);
    expect(quantile(values, 0.8)).toBe(8);
    expect(quantile([7], 0.8)).toBe(7);
  });

  it('weigh each point', () => {
    // 0 carries 0.6 of the weight: it is the median; 0.8 of it is reached only at 1.
    const points = [
      { ratio: 1, weight: 0.3 },
      { ratio: 0, weight: 0.6 },
      { ratio: 2, weight: 0.1 },
    ];
    expect(weightedQuantile(points, 0.5)).toBe(0);
    expect(weightedQuantile(points, 0.8)).toBe(1);
    expect(weightedQuantile(points, 0.95)).toBe(2);
  });

  it('of a mixture of groups, conditioned on a floor, agree with the weighted quantile of its points', () => {
    const groups = [[0.1, 0.5], [-0.2, 0, 0.3, 0.9], [], [0.05, 0.2, 0.2, 1.5]];
    const weights = [0.4, 0.3, 0.2, 0.1];
    for (const from of [-1, 0, 0.2, 0.6, 2]) {
      const points = groups.flatMap((g, i) =>
        g.filter((r) => r >= from).map((ratio) => ({ ratio, weight: weights[i]! / g.length })),
      );
      for (const q of [0.1, 0.5, 0.8, 1]) {
        expect(mixtureQuantile(groups, weights, from, q)).toBe(points.length ? weightedQuantile(points, q) : null);
      }
    }
    // A worked one: above 0.2, 0.5 (0.2), 0.3 (0.075), 0.9 (0.075), 0.2 ×2 (0.05), 1.5 (0.025): 0.5 is the median.
    expect(mixtureQuantile(groups, weights, 0.2, 0.5)).toBe(0.5);
  });

  it('of values already sorted are read off without sorting, and agree with quantile', () => {
    // 1..10: the 5th value at q = 0.5, the 8th at 0.8, the 1st at 0 and 0.05, the last at 1.
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(sortedQuantile(values, 0.5)).toBe(5);
    expect(sortedQuantile(values, 0.8)).toBe(8);
    expect(sortedQuantile(values, 0.05)).toBe(1);
    expect(sortedQuantile(values, 0)).toBe(1);
    expect(sortedQuantile(values, 1)).toBe(10);
    // Three values: q·n = 1.5 at the median, the 2nd; 2.4 at P80, the 3rd.
    expect(sortedQuantile([-0.1, 0.2, 0.4], 0.5)).toBe(0.2);
    expect(sortedQuantile([-0.1, 0.2, 0.4], 0.8)).toBe(0.4);
    expect(() => sortedQuantile([], 0.5)).toThrow();
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 1; n <= 40; n++) {
      const sample = sortedNumbers(Array.from({ length: n }, () => Math.round(next() * 40 - 10) / 10));
      for (const q of [0, 0.1, 0.25, 0.5, 0.6, 0.8, 0.95, 1])
        expect(sortedQuantile(sample, q)).toBe(quantile(sample, q));
    }
  });

  it('sort numbers ascending as numbers, not as text, into a new array', () => {
    const values = [10, -0.5, 2, 1.25, 2];
    expect(sortedNumbers(values)).toEqual([-0.5, 1.25, 2, 2, 10]);
    expect(values).toEqual([10, -0.5, 2, 1.25, 2]);
  });

  it('of the model are mixtureQuantile at 0.5 and 0.8, remembered by what the floor leaves out', () => {
    const model = new ForecastModel([]);
    const groups = [[0.1, 0.5], [-0.2, 0, 0.3, 0.9], [], [0.05, 0.2, 0.2, 1.5]];
    const weights = [0.4, 0.3, 0.2, 0.1];
    for (const from of [-1, 0, 0.2, 0.6, 2])
      expect(model.quantiles('g', groups, weights, from)).toEqual([
        mixtureQuantile(groups, weights, from, 0.5),
        mixtureQuantile(groups, weights, from, 0.8),
      ]);
    // Floors of -0.5 and -0.3 leave out nothing, as -1 did: one answer, computed once.
    expect(model.quantiles('g', groups, weights, -0.5)).toBe(model.quantiles('g', groups, weights, -0.3));
    // A floor of 0.05 leaves out 0.05 of the fourth group and 0.2 does not: not the same answer.
    expect(model.quantiles('g', groups, weights, 0.05)).not.toBe(model.quantiles('g', groups, weights, 0.06));
  });

  it('of the global prior: 20% late at the median, 60% late at P80', () => {
    expect(GLOBAL_PRIOR_RATIOS).toHaveLength(20);
    expect(quantile(GLOBAL_PRIOR_RATIOS, 0.5)).toBe(0.2);
    expect(quantile(GLOBAL_PRIOR_RATIOS, 0.8)).toBe(0.6);
  });
});

describe('shrinkage', () => {
  it('gives everything to the prior without history', () => {
    expect(shrinkageWeights(0, 0, 0)).toEqual([0, 0, 0, 1]);
  });

  it('gives a group of K = 20 samples half of what the narrower groups leave', () => {
    // executive 20 → 1/2; function 20 → 1/2 of the remaining 1/2; organization 20 → 1/2 of the remaining 1/4.
    expect(shrinkageWeights(20, 20, 20)).toEqual([0.5, 0.25, 0.125, 0.125]);
  });

  it('lets 3 executive samples move the forecast only a little', () => {
    const [we, wf, wo, wp] = shrinkageWeights(3, 60, 180);
    expect(we).toBeCloseTo(3 / 23, 10);
    expect(wf).toBeCloseTo((20 / 23) * (60 / 80), 10);
    expect(wo).toBeCloseTo((20 / 23) * (20 / 80) * (180 / 200), 10);
    expect(we + wf + wo + wp).toBeCloseTo(1, 12);
  });

  it('moves the median from the executive towards the function as executive samples get fewer', () => {
    // The function's other executives land on time; this executive lands 50% late.
    const history = [...samples(100, { ratio: 0, executiveId: 'x-2' })];
    const few = new ForecastModel([...history, ...samples(5, { ratio: 0.5 })]);
    const many = new ForecastModel([...history, ...samples(200, { ratio: 0.5 })]);
    // 5 samples: weight 0.2 → the median stays on time (baseline); 200 samples: weight 0.91 → 50% late (+20 days).
    expect(forecastMilestone(few, open(), TODAY).p50).toBe('2026-06-01');
    expect(forecastMilestone(many, open(), TODAY).p50).toBe('2026-06-21');
  });
});

describe('forecastMilestone', () => {
  it('without any history: the prior’s wide range (20% and 60% of the planned 40 days late)', () => {
    const f = forecastMilestone(new ForecastModel([]), open(), TODAY);
    expect(f).toEqual({
      milestoneId: 'm-1',
      p50: '2026-06-09', // 1 June + 0.2 × 40
      p80: '2026-06-25', // 1 June + 0.6 × 40
      sampleSize: 0,
      basis:
        'no comparable completed milestones yet: a wide default range (typical milestones land 20% late at the median)',
    });
  });

  it('from a rich history: the organization’s own slip, with the issue’s sentence', () => {
    // 214 completed 30–60 day milestones: 100 CRO ones landed 18% late, 114 CMO ones 40% late. A new CRO executive:
    // the function's 100 samples carry 100/120 of the weight, so the median is the CRO one.
    const history = [
      ...samples(100, { ratio: 0.18, durationDays: 50, executiveId: 'x-9' }),
      ...samples(114, { ratio: 0.4, durationDays: 50, function: 'CMO', executiveId: 'x-8' }),
    ];
    const f = forecastMilestone(new ForecastModel(history), open({ durationDays: 50 }), TODAY);
    expect(f.basis).toBe('from 214 similar milestones; CRO milestones of 30–60 days landed 18% late at the median');
    expect(f.sampleSize).toBe(214);
    expect(f.p50).toBe('2026-06-10'); // 1 June + round(0.18 × 50) = 9 days
    expect(f.p80).toBe('2026-06-10'); // at 18%: 0.833 (CRO) + 0.152 × 100/214 (the organization's CRO ones) > 0.8
  });

  it('names the executive’s own milestones when they carry the most weight', () => {
    const f = forecastMilestone(new ForecastModel(samples(60, { ratio: 0.25 })), open(), TODAY);
    expect(f.basis).toBe(
      "from 60 similar milestones; this executive's CRO milestones of 30–60 days landed 25% late at the median",
    );
  });

  it('says when the samples are too few to stand alone', () => {
    const f = forecastMilestone(new ForecastModel(samples(1, { ratio: 0.1, function: 'CPO' })), open(), TODAY);
    expect(f.basis).toBe(
      'from 1 similar milestone, too few to stand alone: mostly a wide default range (typical milestones land 20% late at the median)',
    );
  });

  it('compares only within the planned-duration bucket', () => {
    // 7-day milestones slip 200%; they say nothing about a 40-day one: the prior answers.
    const f = forecastMilestone(new ForecastModel(samples(500, { ratio: 2, durationDays: 7 })), open(), TODAY);
    expect(f.sampleSize).toBe(0);
    expect(f.p50).toBe('2026-06-09');
  });

  it('completed-early history forecasts before the baseline, but never before today', () => {
    const early = new ForecastModel(samples(2000, { ratio: -0.25 }));
    // 40 days × −25% = 10 days early.
    expect(forecastMilestone(early, open(), TODAY).p50).toBe('2026-05-22');
    // Due tomorrow and the history lands 10 days early: today is the earliest answer, and still open today.
    const f = forecastMilestone(early, open({ baselineDueDate: '2026-05-02' }), TODAY);
    expect(f.p50 >= TODAY).toBe(true);
  });

  it('conditions on still being open today (overdue work)', () => {
    // History: half on time, half 100% late. Due 20 days ago (elapsed 0.5 of 40 days): only the late half remains.
    const model = new ForecastModel([...samples(1000, { ratio: 0 }), ...samples(1000, { ratio: 1 })]);
    const f = forecastMilestone(model, open({ baselineDueDate: '2026-04-11' }), TODAY);
    expect(f.p50).toBe('2026-05-21'); // 11 April + 40
    expect(f.p80).toBe('2026-05-21');
  });

  it('overdue beyond every comparable: from today, the prior’s spread', () => {
    // Due 100 days ago on a 40-day plan (elapsed 2.5, beyond the prior's 1.8 and every sample).
    const model = new ForecastModel(samples(50, { ratio: 0.3 }));
    const f = forecastMilestone(model, open({ baselineDueDate: addDays(TODAY, -100) }), TODAY);
    expect(f.p50).toBe('2026-05-03'); // today + (0.25 − 0.2) × 40
    expect(f.p80).toBe('2026-05-17'); // today + (0.6 − 0.2) × 40
    expect(f.basis).toContain('already later than every comparable milestone landed');
  });

  it('a milestone re-planned 20 times is compared with those re-planned 3 times or more', () => {
    const history = [...samples(500, { ratio: 0 }), ...samples(500, { ratio: 1, replanCount: 3 })];
    const f = forecastMilestone(new ForecastModel(history), open({ replanCount: 20 }), TODAY);
    expect(f.p50).toBe('2026-07-11'); // 1 June + 40
    expect(f.basis).toContain('compared with milestones re-planned 3 or more times');
    // Never re-planned yet: every milestone counts (one may still be re-planned).
    expect(forecastMilestone(new ForecastModel(history), open(), TODAY).sampleSize).toBe(1000);
  });

  it('without a planned duration: 30 days assumed, and said', () => {
    const f = forecastMilestone(new ForecastModel([]), open({ durationDays: null }), TODAY);
    expect(f.p50).toBe('2026-06-07'); // 1 June + 0.2 × 30
    expect(f.p80).toBe('2026-06-19'); // 1 June + 0.6 × 30
    expect(f.basis).toContain('no planned duration: taken as 30 days');
  });

  it('never answers a date before today for open work, whatever the input', () => {
    const model = new ForecastModel(samples(30, { ratio: -0.9 }));
    for (const baseline of ['2020-01-01', '2026-04-30', '2026-05-01', '2026-05-02', '2030-01-01']) {
      for (const durationDays of [null, 0, 1, 40, 400]) {
        for (const replanCount of [0, 1, 20]) {
          const f = forecastMilestone(model, open({ baselineDueDate: baseline, durationDays, replanCount }), TODAY);
          expect(f.p50 >= TODAY).toBe(true);
          expect(f.p80 >= f.p50).toBe(true);
        }
      }
    }
  });

  it('takes today in the organization’s timezone (day boundaries)', () => {
    // 23:30 UTC on 30 April: still 30 April in New York, already 1 May in Paris.
    const instant = new Date('2026-04-30T23:30:00Z');
    const model = new ForecastModel(samples(2000, { ratio: -1 }));
    const overdue = open({ baselineDueDate: '2026-04-01' });
    const paris = forecastMilestone(model, overdue, localDate(instant, 'Europe/Paris'));
    const newYork = forecastMilestone(model, overdue, localDate(instant, 'America/New_York'));
    expect(paris.p50 >= '2026-05-01').toBe(true);
    expect(newYork.p50 >= '2026-04-30').toBe(true);
  });
});

describe('rows to samples', () => {
  const row = (overrides: Partial<MilestoneHistoryRow>): MilestoneHistoryRow => ({
    id: 'm-1',
    status: 'done',
    function: 'CRO',
    executiveId: 'x-1',
    plannedStart: '2026-03-01',
    baselineDueDate: '2026-04-10',
    completedOn: '2026-04-20',
    replanCount: 1,
    ...overrides,
  });

  it('a done milestone is a sample: 10 days late on a 40-day plan', () => {
    expect(toHistorySample(row({}))).toEqual({
      function: 'CRO',
      executiveId: 'x-1',
      durationDays: 40,
      slipDays: 10,
      replanCount: 1,
    });
    expect(toHistorySample(row({ completedOn: '2026-04-05' }))?.slipDays).toBe(-5); // completed early
  });

  it('cancelled and open milestones are not samples; done and cancelled ones get no forecast', () => {
    expect(toHistorySample(row({ status: 'cancelled', completedOn: null }))).toBeNull();
    expect(toHistorySample(row({ status: 'planned', completedOn: null }))).toBeNull();
    expect(toOpenMilestone(row({ status: 'cancelled' }))).toBeNull();
    expect(toOpenMilestone(row({ status: 'done' }))).toBeNull();
    expect(toOpenMilestone(row({ status: 'in_progress' }))?.durationDays).toBe(40);
  });

  it('no planned start, or one on or after the baseline: no planned duration (not a sample to scale)', () => {
    expect(toHistorySample(row({ plannedStart: null }))?.durationDays).toBeNull();
    expect(toHistorySample(row({ plannedStart: '2026-04-10' }))?.durationDays).toBeNull();
    // Such a sample is left out of the model: only the prior answers.
    const model = new ForecastModel([toHistorySample(row({ plannedStart: null }))!]);
    expect(forecastMilestone(model, open(), TODAY).sampleSize).toBe(0);
  });
});

describe('forecastMilestones and latestP80By', () => {
  it('forecasts many from one history and rolls up the latest P80', () => {
    const forecasts = forecastMilestones(
      [],
      [open({ id: 'a' }), open({ id: 'b', baselineDueDate: '2026-07-01' })],
      TODAY,
    );
    expect(forecasts.map((f) => f.milestoneId)).toEqual(['a', 'b']);
    const byPriority = latestP80By(forecasts.map((f) => ({ ...f, key: 'p-1' })));
    expect(byPriority.get('p-1')).toBe('2026-07-25'); // 1 July + 0.6 × 40
  });
});

describe('basisText', () => {
  it('joins its parts', () => {
    expect(
      basisText({
        sampleSize: 0,
        function: 'CMO',
        bucketLabel: '14–30 days',
        strongest: [[], [], []],
        weights: [0, 0, 0, 1],
        durationKnown: false,
        replans: 1,
        overdueBeyondHistory: false,
      }),
    ).toBe(
      'no comparable completed milestones yet: a wide default range (typical milestones land 20% late at the median); compared with milestones re-planned at least once; no planned duration: taken as 30 days',
    );
  });
});
