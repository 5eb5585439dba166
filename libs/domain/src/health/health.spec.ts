import { computedHealth, expectedProgress, isOverdue, priorityProgress, slipDays } from './health';
import { addDays, daysBetween, localDate } from './calendar';

const thresholds = { healthAtRiskBelow: 0.15, healthOffTrackBelow: 0.3, overdueAtRiskDays: 7 };

describe('priorityProgress', () => {
  it('is the weighted share of done milestones', () => {
    // weights 1 (done) + 2 (open) + 1 (done) → 2 of 4 = 0.5
    expect(
      priorityProgress([
        { status: 'done', weight: 1 },
        { status: 'planned', weight: 2 },
        { status: 'done', weight: 1 },
      ]),
    ).toBe(0.5);
  });

  it('leaves cancelled milestones out of both sides', () => {
    // done 3 of (3 + 1) = 0.75; the cancelled weight 4 does not count
    expect(
      priorityProgress([
        { status: 'done', weight: 3 },
        { status: 'in_progress', weight: 1 },
        { status: 'cancelled', weight: 4 },
      ]),
    ).toBe(0.75);
  });

  it('is 0 with no milestones or only cancelled ones', () => {
    expect(priorityProgress([])).toBe(0);
    expect(priorityProgress([{ status: 'cancelled', weight: 1 }])).toBe(0);
  });
});

describe('expectedProgress', () => {
  it('is the elapsed fraction of the window', () => {
    // 2026-01-01 → 2026-04-11 is 100 days; 2026-02-10 is day 40
    expect(expectedProgress('2026-01-01', '2026-04-11', '2026-02-10')).toBeCloseTo(0.4, 10);
  });

  it('clamps before the start and after the target', () => {
    expect(expectedProgress('2026-01-01', '2026-04-11', '2025-12-01')).toBe(0);
    expect(expectedProgress('2026-01-01', '2026-04-11', '2026-06-01')).toBe(1);
  });

  it('handles a one-day window', () => {
    expect(expectedProgress('2026-03-01', '2026-03-01', '2026-02-28')).toBe(0);
    expect(expectedProgress('2026-03-01', '2026-03-01', '2026-03-01')).toBe(1);
  });
});

describe('computedHealth', () => {
  const base = { targetDate: '2026-12-31', today: '2026-06-01', status: 'active' as const, oldestOpenDueDate: null };

  it('is on_track within 0.15 of expected (boundary included)', () => {
    expect(computedHealth({ ...base, progress: 0.35, expected: 0.5 }, thresholds)).toBe('on_track');
    expect(computedHealth({ ...base, progress: 0.9, expected: 0.5 }, thresholds)).toBe('on_track');
  });

  it('is at_risk between 0.15 and 0.30 behind', () => {
    expect(computedHealth({ ...base, progress: 0.3, expected: 0.5 }, thresholds)).toBe('at_risk');
    expect(computedHealth({ ...base, progress: 0.2, expected: 0.5 }, thresholds)).toBe('at_risk');
  });

  it('is off_track more than 0.30 behind', () => {
    expect(computedHealth({ ...base, progress: 0.19, expected: 0.5 }, thresholds)).toBe('off_track');
  });

  it('is overdue past the target date unless achieved', () => {
    expect(computedHealth({ ...base, today: '2027-01-01', progress: 1, expected: 1 }, thresholds)).toBe('overdue');
    expect(
      computedHealth({ ...base, today: '2027-01-01', status: 'achieved', progress: 1, expected: 1 }, thresholds),
    ).toBe('achieved');
  });

  it('follows the organization thresholds', () => {
    const strict = { healthAtRiskBelow: 0.05, healthOffTrackBelow: 0.1, overdueAtRiskDays: 7 };
    expect(computedHealth({ ...base, progress: 0.42, expected: 0.5 }, strict)).toBe('at_risk');
    expect(computedHealth({ ...base, progress: 0.42, expected: 0.5 }, thresholds)).toBe('on_track');
  });
});

describe('computedHealth with overdue milestones (threshold 7 days, off track beyond 28)', () => {
  // On plan by the ratio: 50% done, 50% expected.
  const onPlan = {
    targetDate: '2026-12-31',
    today: '2026-06-01',
    status: 'active' as const,
    progress: 0.5,
    expected: 0.5,
  };

  it('leaves health unchanged for a milestone 3 days overdue (under the threshold)', () => {
    expect(computedHealth({ ...onPlan, oldestOpenDueDate: '2026-05-29' }, thresholds)).toBe('on_track');
  });

  it('is at_risk for a milestone 10 days overdue', () => {
    expect(computedHealth({ ...onPlan, oldestOpenDueDate: '2026-05-22' }, thresholds)).toBe('at_risk');
  });

  it('is at_risk at 28 days overdue and off_track at 29 (4× the threshold)', () => {
    expect(computedHealth({ ...onPlan, oldestOpenDueDate: '2026-05-04' }, thresholds)).toBe('at_risk');
    expect(computedHealth({ ...onPlan, oldestOpenDueDate: '2026-05-03' }, thresholds)).toBe('off_track');
  });

  it('is off_track for a milestone overdue by years', () => {
    expect(computedHealth({ ...onPlan, oldestOpenDueDate: '2023-01-15' }, thresholds)).toBe('off_track');
  });

  it('never improves a worse ratio verdict', () => {
    expect(
      computedHealth({ ...onPlan, progress: 0.1, expected: 0.5, oldestOpenDueDate: '2026-05-22' }, thresholds),
    ).toBe('off_track');
  });

  it('follows the organization threshold', () => {
    const lenient = { ...thresholds, overdueAtRiskDays: 30 };
    expect(computedHealth({ ...onPlan, oldestOpenDueDate: '2026-05-22' }, lenient)).toBe('on_track');
  });
});

describe('computedHealth of finished priorities', () => {
  const base = { targetDate: '2026-12-31', today: '2026-06-01', oldestOpenDueDate: '2020-01-01' };

  it('is achieved for an achieved priority, whatever the ratio or overdue milestones', () => {
    expect(computedHealth({ ...base, status: 'achieved', progress: 0, expected: 1 }, thresholds)).toBe('achieved');
    expect(
      computedHealth({ ...base, today: '2027-06-01', status: 'achieved', progress: 0.2, expected: 1 }, thresholds),
    ).toBe('achieved');
  });

  it('is dropped for a dropped priority', () => {
    expect(computedHealth({ ...base, status: 'dropped', progress: 0, expected: 1 }, thresholds)).toBe('dropped');
  });
});

describe('slipDays', () => {
  const today = '2026-03-20';
  const m = { baselineDueDate: '2026-03-01', dueDate: '2026-03-01', forecastDate: null, completedOn: null };

  it('counts the completion date for done milestones', () => {
    expect(slipDays({ ...m, status: 'done', completedOn: '2026-03-04' }, today)).toBe(3);
  });

  it('is 0 when done early', () => {
    expect(slipDays({ ...m, status: 'done', completedOn: '2026-02-20' }, today)).toBe(0);
  });

  it('counts today for an open milestone past its due date', () => {
    expect(slipDays({ ...m, status: 'in_progress' }, today)).toBe(19);
  });

  it('counts a re-planned due date or a later forecast for an open milestone not yet due', () => {
    expect(slipDays({ ...m, status: 'planned', dueDate: '2026-04-10' }, today)).toBe(40);
    expect(slipDays({ ...m, status: 'planned', dueDate: '2026-04-10', forecastDate: '2026-04-15' }, today)).toBe(45);
  });

  it('uses today when a re-planned milestone is past even its new date', () => {
    expect(slipDays({ ...m, status: 'planned', dueDate: '2026-03-10' }, today)).toBe(19);
  });
});

describe('isOverdue', () => {
  it('is true only for open milestones past due', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'planned', dueDate: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});

describe('calendar', () => {
  it('takes the local date in the organization timezone', () => {
    const instant = new Date('2026-03-01T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-01');
    expect(localDate(instant, 'Pacific/Auckland')).toBe('2026-03-02');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-03-01');
  });

  it('counts whole days across a DST change', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(-2);
  });

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-11', -56)).toBe('2026-01-14');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
