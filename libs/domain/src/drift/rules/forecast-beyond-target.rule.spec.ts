import { forecastBeyondTargetRule } from './forecast-beyond-target.rule';
import { priorityFacts, scanFacts } from './scan-facts.fixture';

const run = (overrides: Parameters<typeof priorityFacts>[0]) =>
  forecastBeyondTargetRule(scanFacts({ priorities: [priorityFacts({ targetDate: '2026-06-30', ...overrides })] }));

describe('forecastBeyondTargetRule', () => {
  it('is quiet without a forecast, or with a P80 on or before the target', () => {
    expect(run({ forecastP80: null })).toEqual([]);
    expect(run({ forecastP80: '2026-06-30' })).toEqual([]);
    expect(run({ forecastP80: '2026-05-01' })).toEqual([]);
  });

  it('warns when the P80 lands after the target date (critical beyond two weeks)', () => {
    expect(run({ forecastP80: '2026-07-03' })).toEqual([
      {
        rule: 'forecast_beyond_target',
        subjectType: 'priority',
        subjectId: 'p-1',
        engagementId: 'e-1',
        severity: 'warning',
        message:
          '‘Build the sales team’ is likely to land by 2026-07-03 (P80), 3 days after its target date (2026-06-30)',
        details: { forecastP80: '2026-07-03', targetDate: '2026-06-30', engagementEndDate: null, daysBeyond: 3 },
      },
    ]);
    expect(run({ forecastP80: '2026-07-14' })[0]!.severity).toBe('warning');
    expect(run({ forecastP80: '2026-07-15' })[0]!.severity).toBe('critical');
  });

  it('measures against the engagement’s term end when it comes first', () => {
    const [d] = run({ forecastP80: '2026-06-20', engagementEndDate: '2026-06-15' });
    expect(d!.message).toBe(
      "‘Build the sales team’ is likely to land by 2026-06-20 (P80), 5 days after the engagement's term end (2026-06-15)",
    );
    expect(run({ forecastP80: '2026-06-20', engagementEndDate: '2026-12-31' })).toEqual([]);
  });
});
