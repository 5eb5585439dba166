import { checkInMissedRule } from './check-in-missed.rule';
import { scanFacts, TODAY } from './scan-facts.fixture';

describe('checkInMissedRule', () => {
  // TODAY is 2026-03-20 (a Friday).
  const due = (overrides: Record<string, unknown> = {}) => ({
    priorityId: 'p-1',
    engagementId: 'e-1',
    title: 'Build the sales team',
    weekStart: '2026-03-16',
    dueOn: '2026-03-18',
    lastCheckInOn: null as string | null,
    ...overrides,
  });

  it('raises a warning N days after the due date with no check-in since the week began', () => {
    expect(TODAY).toBe('2026-03-20');
    expect(checkInMissedRule(scanFacts({ dueCheckIns: [due()] }))).toEqual([
      {
        rule: 'check_in_missed',
        subjectType: 'priority',
        subjectId: 'p-1',
        engagementId: 'e-1',
        severity: 'warning',
        message: 'The check-in on ‘Build the sales team’ due 2026-03-18 is 2 days late',
        details: {
          dueOn: '2026-03-18',
          weekStart: '2026-03-16',
          daysLate: 2,
          lastCheckInOn: null,
          checkInMissedAfterDays: 2,
        },
      },
    ]);
  });

  it('not before N days, and never once someone checked in this period', () => {
    expect(checkInMissedRule(scanFacts({ dueCheckIns: [due({ dueOn: '2026-03-19' })] }))).toEqual([]);
    expect(checkInMissedRule(scanFacts({ dueCheckIns: [due({ lastCheckInOn: '2026-03-16' })] }))).toEqual([]);
    expect(checkInMissedRule(scanFacts({ dueCheckIns: [due({ lastCheckInOn: '2026-03-20' })] }))).toEqual([]);
    expect(checkInMissedRule(scanFacts({ dueCheckIns: [due({ lastCheckInOn: '2026-03-13' })] }))).toHaveLength(1);
  });

  it('follows the organization setting, and is critical a week after the due date', () => {
    expect(checkInMissedRule(scanFacts({ dueCheckIns: [due()], checkInMissedAfterDays: 3 }))).toEqual([]);
    const [old] = checkInMissedRule(
      scanFacts({ dueCheckIns: [due({ weekStart: '2026-03-09', dueOn: '2026-03-13' })] }),
    );
    expect(old).toMatchObject({ severity: 'critical', details: { daysLate: 7 } });
  });
});
