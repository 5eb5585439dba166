import { localDate } from '../health/calendar';
import { addDays } from '../health/calendar';
import { derivePlan, planApplication, planViolations, type PlanPriority } from './playbook-plan';

const plan: PlanPriority[] = [
  {
    title: 'Pipeline',
    description: null,
    suggestedOwnerTitle: 'VP Sales',
    startOffsetDays: 0,
    targetOffsetDays: 90,
    milestones: [
      { title: 'Audit', offsetDays: 14, weight: 1 },
      { title: 'Hire AEs', offsetDays: 60, weight: 2 },
    ],
  },
  {
    title: 'Pricing',
    description: 'Packaging',
    suggestedOwnerTitle: 'CFO',
    startOffsetDays: 30,
    targetOffsetDays: 75,
    milestones: [{ title: 'New price list', offsetDays: 45, weight: 1 }],
  },
  {
    title: 'Forecast',
    description: null,
    suggestedOwnerTitle: null,
    startOffsetDays: 7,
    targetOffsetDays: 28,
    milestones: [],
  },
];

describe('addDays', () => {
  it('adds calendar days across month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is not moved by a daylight-saving change in the organization timezone', () => {
    // New York springs forward on 2026-03-08 (a 23-hour day); Auckland falls back on 2026-04-05 (25 hours).
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-04-04', 2)).toBe('2026-04-06');
  });

  it('starts from "today" in the organization timezone: the same instant is two different start days', () => {
    const instant = new Date('2026-03-08T06:30:00Z'); // 01:30 in New York, 19:30 in Auckland
    const newYork = localDate(instant, 'America/New_York');
    const auckland = localDate(instant, 'Pacific/Auckland');
    expect(newYork).toBe('2026-03-08');
    expect(auckland).toBe('2026-03-08');
    const late = new Date('2026-03-08T12:30:00Z'); // 08:30 in New York, 01:30 on the 9th in Auckland
    expect(localDate(late, 'America/New_York')).toBe('2026-03-08');
    expect(localDate(late, 'Pacific/Auckland')).toBe('2026-03-09');
    expect(addDays(localDate(late, 'Pacific/Auckland'), 14)).toBe('2026-03-23');
  });
});

describe('planViolations', () => {
  it('accepts a sound plan', () => {
    expect(planViolations(plan)).toEqual([]);
  });

  it('names a milestone due before its priority starts and a target before the start', () => {
    const broken: PlanPriority[] = [
      plan[0]!,
      { ...plan[1]!, targetOffsetDays: 20, milestones: [{ title: 'Too early', offsetDays: 29, weight: 1 }] },
    ];
    expect(planViolations(broken)).toEqual([
      expect.objectContaining({ code: 'PLAYBOOK.TARGET_BEFORE_START', priority: 2 }),
      expect.objectContaining({ code: 'PLAYBOOK.MILESTONE_BEFORE_PRIORITY_START', priority: 2, milestone: 1 }),
    ]);
  });
});

describe('planApplication', () => {
  const base = { plan, startDate: '2026-04-01', ownerIds: ['o1', 'o2', 'o3'], maxRank: 0 };

  it('dates milestones at start + offset and activates all when the cap has room', () => {
    const out = planApplication({ ...base, activeCount: 0, focusCap: 5 });
    expect(out.map((p) => [p.position, p.status, p.rank, p.ownerId, p.startDate, p.targetDate])).toEqual([
      [1, 'active', 1, 'o1', '2026-04-01', '2026-06-30'],
      [2, 'active', 2, 'o2', '2026-05-01', '2026-06-15'],
      [3, 'active', 3, 'o3', '2026-04-08', '2026-04-29'],
    ]);
    expect(out[0]!.milestones).toEqual([
      { title: 'Audit', dueDate: '2026-04-15', weight: 1 },
      { title: 'Hire AEs', dueDate: '2026-05-31', weight: 2 },
    ]);
    expect(out[1]!.milestones[0]!.dueDate).toBe('2026-05-16');
  });

  it('ranks after the existing priorities and drafts what the focus cap leaves no room for', () => {
    // 2 active (ranks 1, 2) and a draft at rank 4; cap 3: one more can be active.
    const out = planApplication({ ...base, activeCount: 2, maxRank: 4, focusCap: 3 });
    expect(out.map((p) => [p.status, p.rank])).toEqual([
      ['active', 3],
      ['draft', 5],
      ['draft', 6],
    ]);
  });

  it('ranks after the highest active rank when existing ranks have a gap', () => {
    // 2 active at ranks 1 and 4 (an older gap), cap 5: new active ranks 5, 6, 7 never collide with rank 4.
    const out = planApplication({ ...base, activeCount: 2, maxActiveRank: 4, maxRank: 4, focusCap: 5 });
    expect(out.map((p) => [p.status, p.rank])).toEqual([
      ['active', 5],
      ['active', 6],
      ['active', 7],
    ]);
  });

  it('creates everything as draft when the cap is already reached (or exceeded)', () => {
    const out = planApplication({ ...base, activeCount: 4, maxRank: 4, focusCap: 3 });
    expect(out.map((p) => [p.status, p.rank])).toEqual([
      ['draft', 5],
      ['draft', 6],
      ['draft', 7],
    ]);
  });
});

describe('derivePlan', () => {
  it('turns an engagement’s dates into offsets from its earliest start, milestones in date order', () => {
    const derived = derivePlan('2026-01-05', [
      {
        title: 'Pipeline',
        description: null,
        ownerTitle: 'VP Sales',
        startDate: '2026-01-05',
        targetDate: '2026-04-05',
        milestones: [
          { title: 'Hire AEs', dueDate: '2026-03-06', weight: 2 },
          { title: 'Audit', dueDate: '2026-01-19', weight: 1 },
        ],
      },
      {
        title: 'Pricing',
        description: 'Packaging',
        ownerTitle: null,
        startDate: '2026-02-04',
        targetDate: '2026-03-21',
        // re-planned to before its priority's start: kept at the start, so the plan applies again
        milestones: [{ title: 'Price list', dueDate: '2026-02-01', weight: 1 }],
      },
    ]);
    expect(derived).toEqual([
      {
        title: 'Pipeline',
        description: null,
        suggestedOwnerTitle: 'VP Sales',
        startOffsetDays: 0,
        targetOffsetDays: 90,
        milestones: [
          { title: 'Audit', offsetDays: 14, weight: 1 },
          { title: 'Hire AEs', offsetDays: 60, weight: 2 },
        ],
      },
      {
        title: 'Pricing',
        description: 'Packaging',
        suggestedOwnerTitle: null,
        startOffsetDays: 30,
        targetOffsetDays: 75,
        milestones: [{ title: 'Price list', offsetDays: 30, weight: 1 }],
      },
    ]);
    expect(planViolations(derived)).toEqual([]);
  });

  it('anchors on a priority that started before the engagement, and round-trips through planApplication', () => {
    const derived = derivePlan('2026-03-10', [
      {
        title: 'Early',
        description: null,
        ownerTitle: null,
        startDate: '2026-03-01',
        targetDate: '2026-03-31',
        milestones: [{ title: 'M', dueDate: '2026-03-29', weight: 1 }], // spans the New York DST change
      },
    ]);
    expect(derived[0]).toMatchObject({ startOffsetDays: 0, targetOffsetDays: 30, milestones: [{ offsetDays: 28 }] });
    const again = planApplication({
      plan: derived,
      startDate: '2026-03-01',
      ownerIds: ['o'],
      activeCount: 0,
      maxRank: 0,
      focusCap: 3,
    });
    expect(again[0]).toMatchObject({ startDate: '2026-03-01', targetDate: '2026-03-31' });
    expect(again[0]!.milestones[0]!.dueDate).toBe('2026-03-29');
  });
});
