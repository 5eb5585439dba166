import { pulseDue, pulseTrend } from './pulse-due';

describe('pulseDue', () => {
  it('never answered: asked (monthly)', () => {
    expect(pulseDue({ today: '2026-12-06', lastAnsweredOn: null, achievedOn: [] })).toBe('monthly');
  });
  it('answered this month: not asked', () => {
    expect(pulseDue({ today: '2026-12-06', lastAnsweredOn: '2026-12-01', achievedOn: [] })).toBeNull();
  });
  it('answered last month: asked again in the new month', () => {
    expect(pulseDue({ today: '2026-12-01', lastAnsweredOn: '2026-11-30', achievedOn: [] })).toBe('monthly');
  });
  it('a priority achieved after the last answer: asked at once, even within the month', () => {
    expect(pulseDue({ today: '2026-12-06', lastAnsweredOn: '2026-12-02', achievedOn: ['2026-12-05'] })).toBe(
      'priority_achieved',
    );
  });
  it('a priority achieved before the last answer: already answered for it', () => {
    expect(pulseDue({ today: '2026-12-06', lastAnsweredOn: '2026-12-02', achievedOn: ['2026-12-01'] })).toBeNull();
  });
});

describe('pulseTrend', () => {
  it('monthly means, oldest first, and the direction of the last two months', () => {
    expect(
      pulseTrend([
        { day: '2026-12-03', score: 2 },
        { day: '2026-10-10', score: 4 },
        { day: '2026-11-02', score: 5 },
        { day: '2026-11-20', score: 4 },
      ]),
    ).toEqual({
      months: [
        { month: '2026-10', mean: 4, answers: 1 },
        { month: '2026-11', mean: 4.5, answers: 2 },
        { month: '2026-12', mean: 2, answers: 1 },
      ],
      direction: 'down',
    });
  });
  it('one month: no direction yet', () => {
    expect(pulseTrend([{ day: '2026-12-03', score: 3 }]).direction).toBeNull();
  });
});
