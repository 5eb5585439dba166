import { expectedProgress } from '../../health';
import { priorityBehindPlanRule } from './priority-behind-plan.rule';
import { priorityFacts, scanFacts } from './scan-facts.fixture';

// 2026-01-19 → 2026-04-29 is 100 days; today 2026-03-20 is day 60, so expected progress is 0.60.
// Health thresholds 0.15 / 0.30: on_track from 0.45, at_risk down to 0.30, off_track below.
const window = { startDate: '2026-01-19', targetDate: '2026-04-29' };

function behind(progress: number, overrides = {}) {
  return priorityBehindPlanRule(scanFacts({ priorities: [priorityFacts({ ...window, progress, ...overrides })] }));
}

describe('priorityBehindPlanRule', () => {
  it('works from expected progress 0.60 on the example dates', () => {
    expect(expectedProgress(window.startDate, window.targetDate, '2026-03-20')).toBeCloseTo(0.6, 10);
  });

  it('is silent while on track or only at risk (0.30 behind is still at_risk)', () => {
    expect(behind(0.45)).toEqual([]);
    expect(behind(0.3)).toEqual([]);
  });

  it('warns when off track (0.29 is 0.31 behind)', () => {
    expect(behind(0.29)).toEqual([
      {
        rule: 'priority_behind_plan',
        subjectType: 'priority',
        subjectId: 'p-1',
        engagementId: 'e-1',
        severity: 'warning',
        message: '‘Build the sales team’ is behind plan: 29% done against 60% expected by now',
        details: { computedHealth: 'off_track', progress: 0.29, expectedProgress: 0.6, ...window },
      },
    ]);
  });

  it('is critical once past the target date, however far along', () => {
    const [d] = behind(0.9, { targetDate: '2026-03-19' });
    expect(d.severity).toBe('critical');
    expect(d.message).toBe('‘Build the sales team’ is past its target date (2026-03-19) at 90% done');
    expect(d.details.computedHealth).toBe('overdue');
  });

  it('warns when a milestone is overdue beyond 4× the threshold (28 days), though the ratio is on plan', () => {
    expect(behind(0.9, { oldestOpenDueDate: '2026-02-20' })).toEqual([]); // 28 days: only at_risk
    const [d] = behind(0.9, { oldestOpenDueDate: '2023-06-01' });
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      '‘Build the sales team’ has a milestone 1023 days overdue (90% done against 60% expected by now)',
    );
    expect(d.details).toMatchObject({ computedHealth: 'off_track', milestoneDaysOverdue: 1023 });
  });

  it('is not overdue on the target date itself', () => {
    expect(behind(0.9, { targetDate: '2026-03-20' })).toEqual([]);
  });

  it('follows the organization health thresholds', () => {
    const facts = scanFacts({
      priorities: [priorityFacts({ ...window, progress: 0.45 })],
      health: { healthAtRiskBelow: 0.05, healthOffTrackBelow: 0.1, overdueAtRiskDays: 7 },
    });
    expect(priorityBehindPlanRule(facts)[0].severity).toBe('warning');
  });
});
