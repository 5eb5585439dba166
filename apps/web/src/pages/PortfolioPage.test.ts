import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { sortItems } from './PortfolioPage';

type Item = Schemas['PortfolioItemView'];
const item = (name: string, driftScore: number | null, health: Item['health'], nextDue: string | null): Item => ({
  engagementId: name,
  clientId: 'c',
  clientName: name,
  executiveId: 'x',
  executiveName: 'X',
  function: 'CRO',
  status: 'active',
  termEndDate: null,
  renewalDate: null,
  noticeDeadline: null,
  executiveChangedOn: null,
  priorityCounts: { active: 1, draft: 0, achieved: 0, dropped: 0 },
  progress: 0.5,
  expectedProgress: 0.5,
  health,
  reportedRag: null,
  ragDisagrees: false,
  headline: health,
  healthNote: null,
  overdueMilestones: 0,
  nextMilestone: nextDue ? { id: 'm', title: 'M', dueDate: nextDue } : null,
  lastCheckInAt: null,
  driftScore,
  driftTrend: [],
  openAlerts: { critical: 0, warning: 0, info: 0 },
  landingForecast: null,
});

describe('portfolio ordering', () => {
  const items = [
    item('calm', 10, 'on_track', '2026-05-01'),
    item('new', null, null, null),
    item('worst', 70, 'at_risk', '2026-06-01'),
    item('late', 40, 'overdue', '2026-04-01'),
  ];
  const names = (list: Item[]) => list.map((i) => i.clientName);

  it('puts the worst-drifting first by default, unscored last', () => {
    expect(names(sortItems(items, 'drift'))).toEqual(['worst', 'late', 'calm', 'new']);
  });
  it('health: overdue, off track, at risk, on track, then none', () => {
    expect(names(sortItems(items, 'health'))).toEqual(['late', 'worst', 'calm', 'new']);
  });
  it('next due: soonest first, nothing due last', () => {
    expect(names(sortItems(items, 'nextDue'))).toEqual(['late', 'calm', 'worst', 'new']);
  });
});
