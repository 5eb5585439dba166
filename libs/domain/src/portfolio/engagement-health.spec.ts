import { countBefore, mean, ragDisagrees, worstHealth, worstRag } from './engagement-health';

describe('engagement roll-ups', () => {
  it('takes the worst health and RAG', () => {
    expect(worstHealth(['on_track', 'off_track', 'at_risk'])).toBe('off_track');
    expect(worstHealth(['on_track', 'overdue'])).toBe('overdue');
    expect(worstHealth([])).toBeNull();
    expect(worstRag(['on_track', 'at_risk'])).toBe('at_risk');
  });

  it('flags reported better than computed, not the reverse', () => {
    expect(ragDisagrees('on_track', 'off_track')).toBe(true);
    expect(ragDisagrees('on_track', 'overdue')).toBe(true);
    expect(ragDisagrees('at_risk', 'off_track')).toBe(true);
    expect(ragDisagrees('off_track', 'overdue')).toBe(false);
    expect(ragDisagrees('off_track', 'on_track')).toBe(false);
    expect(ragDisagrees('on_track', 'on_track')).toBe(false);
    expect(ragDisagrees(null, 'off_track')).toBe(false);
  });

  it('averages, with 0 for nothing', () => {
    expect(mean([0.5, 1])).toBe(0.75);
    expect(mean([])).toBe(0);
  });
});

describe('overdue milestones from the open due dates a rollup stores', () => {
  it('counts the dates strictly before today', () => {
    const openDue = ['2026-03-01', '2026-03-10', '2026-03-10', '2026-03-11', '2026-04-01'];
    expect(countBefore(openDue, '2026-03-11')).toBe(3); // due today is not overdue yet
    expect(countBefore(openDue, '2026-03-01')).toBe(0);
    expect(countBefore(openDue, '2027-01-01')).toBe(5);
    expect(countBefore([], '2026-03-11')).toBe(0);
  });
});
