import { allocationOn, milestonesOverloadedBy, type WhatIfMilestone } from './allocation-what-if';

const TODAY = '2026-03-20';
const m = (id: string, dueDate: string): WhatIfMilestone => ({ id, priorityId: 'p-1', title: `M ${id}`, dueDate });

describe('allocationOn', () => {
  const history = [
    { effectiveDate: '2026-01-05', daysPerWeek: 2 },
    { effectiveDate: '2026-04-01', daysPerWeek: 1 },
    { effectiveDate: '2026-04-01', daysPerWeek: 1.5 },
  ];
  it('is the last change effective by the date, the later recorded winning on the same day', () => {
    expect(allocationOn(history, 3, '2026-03-31')).toBe(2);
    expect(allocationOn(history, 3, '2026-04-01')).toBe(1.5);
    expect(allocationOn(history, 3, '2026-01-04')).toBe(3);
  });
});

describe('milestonesOverloadedBy', () => {
  const history = [{ effectiveDate: '2026-01-05', daysPerWeek: 2 }];
  // limit 6 (norm 3 × factor 2). Eight milestones a few days apart in April.
  const april = ['04-02', '04-06', '04-09', '04-13', '04-16', '04-20', '04-23', '04-27'].map((d, i) =>
    m(`m${i + 1}`, `2026-${d}`),
  );

  it('a scale-down to 1 day/week from 2026-04-10 overloads the milestones whose month holds more than 6 per day', () => {
    // As booked (2 days/week): at most 8 / 2 = 4 in any window. After: m1–m3 weigh 0.5 each, m4–m8 weigh 1 each.
    // m7 (04-23): window 03-25…04-23 holds m1–m7 = 3 × 0.5 + 4 × 1 = 5.5 → fine; m8: 1.5 + 5 = 6.5 → overloaded.
    const result = milestonesOverloadedBy(april, history, { effectiveDate: '2026-04-10', daysPerWeek: 1 }, 2, 6, TODAY);
    expect(result).toEqual([{ ...april[7], loadBefore: 4, loadAfter: 6.5 }]);
  });

  it('a deeper cut overloads more, each with its loads before and after', () => {
    const result = milestonesOverloadedBy(
      april,
      history,
      { effectiveDate: '2026-04-10', daysPerWeek: 0.5 },
      2,
      6,
      TODAY,
    );
    // After: m4–m8 weigh 2 each. m5 (04-16): 1.5 + 2 × 2 = 5.5 fine; m6: 1.5 + 6 = 7.5; m7: 9.5; m8: 11.5.
    expect(result.map((r) => [r.id, r.loadBefore, r.loadAfter])).toEqual([
      ['m6', 3, 7.5],
      ['m7', 3.5, 9.5],
      ['m8', 4, 11.5],
    ]);
  });

  it('lists nothing for a scale-up, nor for a milestone already overloaded as booked', () => {
    expect(
      milestonesOverloadedBy(april, history, { effectiveDate: '2026-04-01', daysPerWeek: 3 }, 2, 6, TODAY),
    ).toEqual([]);
    expect(
      milestonesOverloadedBy(april, history, { effectiveDate: '2026-04-10', daysPerWeek: 1 }, 2, 1, TODAY),
    ).toEqual([]);
  });

  it('counts an overdue milestone against today’s allocation, and a cut to zero as unbounded', () => {
    const late = [m('late', '2026-03-10'), m('soon', '2026-03-25')];
    const result = milestonesOverloadedBy(late, history, { effectiveDate: '2026-03-20', daysPerWeek: 0 }, 2, 6, TODAY);
    expect(result.map((r) => [r.id, r.loadBefore, r.loadAfter])).toEqual([
      ['late', 0.5, null],
      ['soon', 1, null],
    ]);
  });
});
