import { driftScore, engagementDriftScore, type PriorityDriftInput } from './drift-score';

const calm: PriorityDriftInput = {
  milestones: [{ slipDays: 0, weight: 1, overdue: false }],
  replanDaysLast30Days: [],
  daysSinceCheckIn: 3,
  recentConfidences: [7, 7, 6],
};

describe('driftScore', () => {
  it('is 0 for a priority with nothing drifting', () => {
    expect(driftScore(calm)).toBe(0);
    expect(driftScore({ milestones: [], replanDaysLast30Days: [], daysSinceCheckIn: 0, recentConfidences: [] })).toBe(
      0,
    );
  });

  it('gives a week of grace for check-ins and ignores rising confidence', () => {
    expect(driftScore({ ...calm, daysSinceCheckIn: 7, recentConfidences: [8, 6, 4] })).toBe(0);
  });

  it('is 100 when every component is at its cap', () => {
    // slip 90 d → 40, 6 re-plans → 20, 4 overdue → 20, 60 d silent → 10, 9-point fall → 10
    const worst: PriorityDriftInput = {
      milestones: Array.from({ length: 4 }, () => ({ slipDays: 90, weight: 1, overdue: true })),
      replanDaysLast30Days: [10, 10, 10, 10, 10, 10],
      daysSinceCheckIn: 60,
      recentConfidences: [1, 10],
    };
    expect(driftScore(worst)).toBe(100);
    expect(
      driftScore({ ...worst, daysSinceCheckIn: 600, milestones: [...worst.milestones, ...worst.milestones] }),
    ).toBe(100);
  });

  it('caps each component on its own', () => {
    expect(driftScore({ ...calm, milestones: [{ slipDays: 365, weight: 1, overdue: false }] })).toBe(40);
    expect(driftScore({ ...calm, replanDaysLast30Days: [1, 1, 1, 1, 1, 1, 1] })).toBe(20); // 28 + 1.75 → 20
    expect(driftScore({ ...calm, replanDaysLast30Days: [200] })).toBe(20); // 4 + 50 → 20
    const overdue = { slipDays: 0, weight: 1, overdue: true };
    expect(driftScore({ ...calm, milestones: [overdue, overdue, overdue, overdue, overdue] })).toBe(20);
    expect(driftScore({ ...calm, daysSinceCheckIn: 27 })).toBe(10); // 0.5 × 20
    expect(driftScore({ ...calm, daysSinceCheckIn: 365 })).toBe(10);
    expect(driftScore({ ...calm, recentConfidences: [6, 10] })).toBe(10); // 2.5 × 4
  });

  it('adds up a mixed case by hand', () => {
    // slip:       (1·10 + 2·0 + 1·20) / (1 + 2 + 1) = 30 / 4           = 7.5
    // re-plans:   3 changes → 4·3 = 12; forward 10 + 4 = 14 → 0.25·14  = 15.5   (the −3 move counts, adds no size)
    // overdue:    1 milestone → 5·1                                     = 5
    // staleness:  12 days → 0.5·(12 − 7)                                = 2.5
    // confidence: max 8, newest 6 → fall 2 → 2.5·2                      = 5
    // total 7.5 + 15.5 + 5 + 2.5 + 5 = 35.5 → rounds to 36
    expect(
      driftScore({
        milestones: [
          { slipDays: 10, weight: 1, overdue: true },
          { slipDays: 0, weight: 2, overdue: false },
          { slipDays: 20, weight: 1, overdue: false },
        ],
        replanDaysLast30Days: [10, -3, 4],
        daysSinceCheckIn: 12,
        recentConfidences: [6, 8, 7],
      }),
    ).toBe(36);
  });

  it('weights slip by milestone weight and ignores weightless milestones', () => {
    // (3·10 + 1·30) / 4 = 15; the weight-0 milestone's 400 days do not count
    expect(
      driftScore({
        ...calm,
        milestones: [
          { slipDays: 10, weight: 3, overdue: false },
          { slipDays: 30, weight: 1, overdue: false },
          { slipDays: 400, weight: 0, overdue: false },
        ],
      }),
    ).toBe(15);
  });

  it('still counts a weightless milestone as overdue (callers may pass a pre-aggregated slip plus overdue markers)', () => {
    // slip 12 on weight 1 → 12; two weight-0 overdue markers → 5·2 = 10; total 22
    expect(
      driftScore({
        ...calm,
        milestones: [
          { slipDays: 12, weight: 1, overdue: false },
          { slipDays: 0, weight: 0, overdue: true },
          { slipDays: 0, weight: 0, overdue: true },
        ],
      }),
    ).toBe(22);
  });

  it('never goes down when any one thing gets worse', () => {
    const steps: Array<(n: number) => PriorityDriftInput> = [
      (n) => ({
        ...calm,
        milestones: [
          { slipDays: n, weight: 1, overdue: false },
          { slipDays: 5, weight: 2, overdue: false },
        ],
      }),
      (n) => ({ ...calm, replanDaysLast30Days: Array.from({ length: n }, () => 3) }), // more re-plans
      (n) => ({ ...calm, replanDaysLast30Days: [n, 2] }), // bigger re-plans
      (n) => ({
        ...calm,
        milestones: Array.from({ length: 6 }, (_, i) => ({ slipDays: 2, weight: 1, overdue: i < n })),
      }),
      (n) => ({ ...calm, daysSinceCheckIn: n }),
      (n) => ({ ...calm, recentConfidences: [Math.max(0, 10 - n), 10] }),
    ];
    for (const step of steps) {
      let previous = -1;
      for (let n = 0; n <= 60; n++) {
        const score = driftScore(step(n));
        expect(score).toBeGreaterThanOrEqual(previous);
        expect(score).toBeLessThanOrEqual(100);
        previous = score;
      }
    }
  });
});

describe('engagementDriftScore', () => {
  const focused = { activePriorities: 3, focusCap: 5 };

  it('is 0 with no priorities and no overload', () => {
    expect(engagementDriftScore([], focused)).toBe(0);
    expect(engagementDriftScore([0, 0, 0], focused)).toBe(0);
  });

  it('blends the worst priority with the mean', () => {
    // max 80, mean (80 + 20 + 20) / 3 = 40 → 0.6·80 + 0.4·40 = 48 + 16 = 64
    expect(engagementDriftScore([80, 20, 20], focused)).toBe(64);
    // one priority: 0.6·x + 0.4·x = x
    expect(engagementDriftScore([37], focused)).toBe(37);
  });

  it('rounds a half up exactly', () => {
    // max 35, mean 8.75 → 21 + 3.5 = 24.5 → 25
    expect(engagementDriftScore([35, 0, 0, 0], focused)).toBe(25);
  });

  it('adds 5 per priority over the focus cap, at most 10, and never passes 100', () => {
    expect(engagementDriftScore([80, 20, 20], { activePriorities: 6, focusCap: 5 })).toBe(69);
    expect(engagementDriftScore([80, 20, 20], { activePriorities: 9, focusCap: 5 })).toBe(74);
    expect(engagementDriftScore([], { activePriorities: 7, focusCap: 5 })).toBe(10);
    expect(engagementDriftScore([100, 100], { activePriorities: 9, focusCap: 5 })).toBe(100);
  });

  it('never goes down when one priority gets worse', () => {
    let previous = -1;
    for (let s = 0; s <= 100; s++) {
      const score = engagementDriftScore([s, 30, 10], focused);
      expect(score).toBeGreaterThanOrEqual(previous);
      previous = score;
    }
  });
});
