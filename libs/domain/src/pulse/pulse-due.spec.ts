import { pulseDue, pulseTrend } from './pulse-due';

describe('pulseDue', () => {
  const answered = (on: string, time = '10:00:00') => ({ on, at: `${on}T${time}.000Z` });
  it('never answered: asked (monthly)', () => {
    expect(pulseDue({ today: '2026-12-06', lastAnswer: null, achievedAt: [] })).toBe('monthly');
  });
  it('answered this month: not asked', () => {
    expect(pulseDue({ today: '2026-12-06', lastAnswer: answered('2026-12-01'), achievedAt: [] })).toBeNull();
  });
  it('answered last month: asked again in the new month', () => {
    expect(pulseDue({ today: '2026-12-01', lastAnswer: answered('2026-11-30'), achievedAt: [] })).toBe('monthly');
  });
  it('a priority achieved after the last answer, even the same day: asked at once', () => {
    expect(
      pulseDue({
        today: '2026-12-06',
        lastAnswer: answered('2026-12-06', '09:00:00'),
        achievedAt: ['2026-12-06T09:30:00.000Z'],
      }),
    ).toBe('priority_achieved');
  });
  it('a priority achieved before the last answer: already answered for it', () => {
    expect(
      pulseDue({ today: '2026-12-06', lastAnswer: answered('2026-12-02'), achievedAt: ['2026-12-01T08:00:00.000Z'] }),
    ).toBeNull();
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
