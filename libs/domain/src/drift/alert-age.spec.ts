import { conditionSince } from './alert-age';

describe('conditionSince', () => {
  it('a milestone due 2026-05-06 has been overdue since 2026-05-07 (25 days on 2026-06-01)', () => {
    expect(conditionSince('milestone_overdue', { dueDate: '2026-05-06', daysOverdue: 26 })).toBe('2026-05-07');
  });

  it('a stalled priority: since its last check-in, or since it started when there was none', () => {
    expect(
      conditionSince('priority_stalled', {
        lastCheckInOn: '2026-04-20',
        startDate: '2026-01-05',
        daysWithoutCheckIn: 42,
      }),
    ).toBe('2026-04-20');
    expect(conditionSince('priority_stalled', { lastCheckInOn: null, startDate: '2026-01-05' })).toBe('2026-01-05');
  });

  it('falling confidence: since the check-in that showed it', () => {
    expect(conditionSince('confidence_falling', { latestCheckInOn: '2026-05-28', drop: 3 })).toBe('2026-05-28');
  });

  it('is null when the rule cannot tell, or the details are not dates', () => {
    expect(conditionSince('owner_overload', { activePriorities: 6 })).toBeNull();
    expect(conditionSince('milestone_overdue', { dueDate: 'soon' })).toBeNull();
    expect(conditionSince('milestone_overdue', {})).toBeNull();
  });
});
