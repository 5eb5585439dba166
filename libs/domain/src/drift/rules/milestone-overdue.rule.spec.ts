import { milestoneOverdueRule } from './milestone-overdue.rule';
import { milestoneFacts, scanFacts } from './scan-facts.fixture';

// today is 2026-03-20; defaults: warning from 3 days overdue, critical from 14.
function overdueOn(dueDate: string, thresholds = {}) {
  const facts = scanFacts({ milestones: [milestoneFacts({ dueDate })] });
  return milestoneOverdueRule({ ...facts, thresholds: { ...facts.thresholds, ...thresholds } });
}

describe('milestoneOverdueRule', () => {
  it('is silent for a milestone due today or later', () => {
    expect(overdueOn('2026-03-20')).toEqual([]);
    expect(overdueOn('2026-04-30')).toEqual([]);
  });

  it('reports one day overdue as info, naming the milestone and its due date', () => {
    expect(overdueOn('2026-03-19')).toEqual([
      {
        rule: 'milestone_overdue',
        subjectType: 'milestone',
        subjectId: 'm-1',
        engagementId: 'e-1',
        severity: 'info',
        message: '‘Hire two AEs’ is 1 day overdue (due 2026-03-19)',
        details: { daysOverdue: 1, dueDate: '2026-03-19', overdueWarningDays: 3, overdueCriticalDays: 14 },
      },
    ]);
  });

  it('turns warning at exactly overdueWarningDays (2 days → info, 3 → warning)', () => {
    expect(overdueOn('2026-03-18')[0].severity).toBe('info');
    expect(overdueOn('2026-03-17')[0].severity).toBe('warning');
    expect(overdueOn('2026-03-17')[0].message).toBe('‘Hire two AEs’ is 3 days overdue (due 2026-03-17)');
  });

  it('turns critical at exactly overdueCriticalDays (13 days → warning, 14 → critical)', () => {
    expect(overdueOn('2026-03-07')[0].severity).toBe('warning');
    expect(overdueOn('2026-03-06')[0].severity).toBe('critical');
    expect(overdueOn('2026-03-06')[0].details.daysOverdue).toBe(14);
  });

  it('follows the organization thresholds', () => {
    expect(overdueOn('2026-03-19', { overdueWarningDays: 1 })[0].severity).toBe('warning');
    expect(overdueOn('2026-03-18', { overdueWarningDays: 1, overdueCriticalDays: 2 })[0].severity).toBe('critical');
  });

  it('counts days across month ends (2026-02-27 → 2026-03-20 is 21 days)', () => {
    expect(overdueOn('2026-02-27')[0].details.daysOverdue).toBe(21);
  });
});
