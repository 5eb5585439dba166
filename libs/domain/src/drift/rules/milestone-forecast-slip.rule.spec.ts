import { milestoneForecastSlipRule } from './milestone-forecast-slip.rule';
import { milestoneOverdueRule } from './milestone-overdue.rule';
import { milestoneFacts, scanFacts } from './scan-facts.fixture';

// today is 2026-03-20; the milestone is due 2026-04-30 unless a test says otherwise.
function slip(forecastDate: string | null, dueDate = '2026-04-30', forecastSlipMinDays = 1) {
  const facts = scanFacts({ milestones: [milestoneFacts({ dueDate, forecastDate })] });
  return milestoneForecastSlipRule({ ...facts, thresholds: { ...facts.thresholds, forecastSlipMinDays } });
}

describe('milestoneForecastSlipRule', () => {
  it('is silent without a forecast, or with a forecast on or before the due date', () => {
    expect(slip(null)).toEqual([]);
    expect(slip('2026-04-30')).toEqual([]);
    expect(slip('2026-04-20')).toEqual([]);
  });

  it('reports a forecast one day late as info (default minimum 1 day)', () => {
    expect(slip('2026-05-01')).toEqual([
      {
        rule: 'milestone_forecast_slip',
        subjectType: 'milestone',
        subjectId: 'm-1',
        engagementId: 'e-1',
        severity: 'info',
        message: '‘Hire two AEs’ is forecast 1 day late (forecast 2026-05-01, due 2026-04-30)',
        details: { daysLate: 1, dueDate: '2026-04-30', forecastDate: '2026-05-01', forecastSlipMinDays: 1 },
      },
    ]);
  });

  it('needs at least forecastSlipMinDays (min 3: 2 days late → nothing, 3 → info)', () => {
    expect(slip('2026-05-02', '2026-04-30', 3)).toEqual([]);
    expect(slip('2026-05-03', '2026-04-30', 3)[0].severity).toBe('info');
  });

  it('steps up: ≤ 7 days info, 8–21 warning, 22+ critical', () => {
    expect(slip('2026-05-07')[0].severity).toBe('info'); // 7
    expect(slip('2026-05-08')[0].severity).toBe('warning'); // 8
    expect(slip('2026-05-21')[0].severity).toBe('warning'); // 21
    expect(slip('2026-05-22')[0].severity).toBe('critical'); // 22
  });

  it('still reports a milestone due today (not overdue yet)', () => {
    expect(slip('2026-03-25', '2026-03-20')[0].details.daysLate).toBe(5);
  });

  it('leaves an overdue milestone to milestone_overdue so one slip is not reported twice', () => {
    const facts = scanFacts({ milestones: [milestoneFacts({ dueDate: '2026-03-19', forecastDate: '2026-04-30' })] });
    expect(milestoneForecastSlipRule(facts)).toEqual([]);
    expect(milestoneOverdueRule(facts)).toHaveLength(1);
  });
});
