import type { PriorityAggregate } from '../portfolio/portfolio.repository';
import { engagementHealthSentence } from './alert-health';

const THRESHOLDS = { healthAtRiskBelow: 0.8, healthOffTrackBelow: 0.5, overdueAtRiskDays: 14 };
const TODAY = '2026-12-07';

const priority = (over: Partial<PriorityAggregate>): PriorityAggregate => ({
  id: 'p1',
  title: 'Hire two AEs',
  status: 'active',
  start_date: '2026-10-01',
  target_date: '2027-03-31',
  total_weight: 4,
  done_weight: 2,
  open_due: [],
  latest_rag: null,
  latest_check_in_at: null,
  next_id: null,
  next_title: null,
  next_due: null,
  ...over,
});

describe('the health sentence of an alert email', () => {
  it('is the headline word when reported and computed agree', () => {
    expect(engagementHealthSentence([priority({ latest_rag: 'on_track' })], TODAY, THRESHOLDS)).toBe('On track');
  });

  it('says both and why when a cheerful report meets a milestone 25 days overdue', () => {
    const late = priority({ latest_rag: 'on_track', open_due: ['2026-11-12'], next_due: '2026-11-12' });
    expect(engagementHealthSentence([late], TODAY, THRESHOLDS)).toBe(
      'At risk — reported on track; computed at risk: 1 milestone 25 days overdue',
    );
  });

  it('takes the worst active priority, and a worried report wins over the numbers', () => {
    const fine = priority({ id: 'p1', latest_rag: 'on_track' });
    const worried = priority({ id: 'p2', title: 'Pricing page', latest_rag: 'off_track' });
    expect(engagementHealthSentence([fine, worried], TODAY, THRESHOLDS)).toMatch(/^Off track — reported off track;/);
  });

  it('is null without an active priority (achieved and dropped ones have no headline to give)', () => {
    expect(engagementHealthSentence([], TODAY, THRESHOLDS)).toBeNull();
    expect(engagementHealthSentence([priority({ status: 'achieved' })], TODAY, THRESHOLDS)).toBeNull();
  });
});
