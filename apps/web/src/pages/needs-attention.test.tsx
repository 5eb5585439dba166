import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../api/client';
import { groupAlerts } from './AlertsPage';
import { attentionCounts, NeedsAttention, needsAttention } from './needs-attention';

type Item = Schemas['PortfolioItemView'];
type Alert = Schemas['AlertView'];
const NOW = DateTime.fromISO('2026-12-07T09:00:00Z');

const item = (name: string, over: Partial<Item> = {}): Item => ({
  engagementId: name,
  clientId: 'c',
  clientName: name,
  executiveId: 'x',
  executiveName: 'X',
  function: 'CRO',
  status: 'active',
  termEndDate: null,
  executiveChangedOn: null,
  renewalDate: null,
  noticeDeadline: null,
  priorityCounts: { active: 1, draft: 0, achieved: 0, dropped: 0 },
  progress: 0.5,
  expectedProgress: 0.5,
  health: 'on_track',
  reportedRag: null,
  ragDisagrees: false,
  headline: 'on_track',
  healthNote: null,
  overdueMilestones: 0,
  nextMilestone: null,
  lastCheckInAt: '2026-12-04T09:00:00Z',
  driftScore: 10,
  driftTrend: [],
  openAlerts: { critical: 0, warning: 0, info: 0 },
  landingForecast: null,
  ...over,
});

describe('needs attention', () => {
  const items = [
    item('calm'),
    item('burning', { headline: 'overdue', openAlerts: { critical: 2, warning: 0, info: 0 }, overdueMilestones: 3 }),
    item('wobbly', { headline: 'at_risk', lastCheckInAt: '2026-11-20T09:00:00Z' }),
    item('silent', { lastCheckInAt: null }),
    item('no priorities', { priorityCounts: { active: 0, draft: 1, achieved: 0, dropped: 0 }, lastCheckInAt: null }),
  ];

  it('counts each engagement under every reason that applies (overdue reads as off track)', () => {
    expect(attentionCounts(items, NOW)).toEqual({ critical: 1, off_track: 1, at_risk: 1, overdue: 1, no_check_in: 2 });
    expect(needsAttention(items[2], 'no_check_in', NOW)).toBe(true); // 17 days
    expect(needsAttention(items[0], 'no_check_in', NOW)).toBe(false); // 3 days
    expect(needsAttention(items[4], 'no_check_in', NOW)).toBe(false); // nothing to check in on
  });

  it('shows a button per reason; a click filters, a second click (or "Show all") clears', async () => {
    const onChange = vi.fn();
    const { rerender } = render(<NeedsAttention items={items} value="" onChange={onChange} />);
    expect(screen.getByRole('heading', { name: 'Needs attention' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '1 with critical alerts' }));
    expect(onChange).toHaveBeenLastCalledWith('critical');
    rerender(<NeedsAttention items={items} value="critical" onChange={onChange} />);
    const pressed = screen.getByRole('button', { name: '1 with critical alerts' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(pressed);
    expect(onChange).toHaveBeenLastCalledWith('');
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('says plainly when nothing needs attention', () => {
    render(<NeedsAttention items={[item('calm')]} value="" onChange={() => {}} />);
    expect(screen.getByText(/Nothing needs attention/)).toBeTruthy();
  });
});

const alert = (id: string, engagementId: string | null, severity: Alert['severity'], clientName = 'Acme'): Alert => ({
  id,
  rule: 'milestone_overdue',
  subjectType: 'milestone',
  subjectId: id,
  engagementId,
  clientId: engagementId ? 'c' : null,
  clientName: engagementId ? clientName : null,
  engagementFunction: engagementId ? 'CRO' : null,
  severity,
  status: 'open',
  message: `Alert ${id}`,
  details: {},
  conditionSince: null,
  firstSeenAt: '2026-12-01T09:00:00Z',
  lastSeenAt: '2026-12-07T09:00:00Z',
  acknowledgedAt: null,
  resolvedAt: null,
  resolutionNote: null,
});

describe('the grouped alerts inbox', () => {
  it('groups by engagement, the group with the worst alerts first, the most severe first inside', () => {
    const groups = groupAlerts([
      alert('a1', 'e1', 'info'),
      alert('b1', 'e2', 'warning', 'Brightleaf'),
      alert('a2', 'e1', 'critical'),
      alert('o1', null, 'warning'),
      alert('b2', 'e2', 'warning', 'Brightleaf'),
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Acme · CRO', 'Brightleaf · CRO', 'Across engagements']);
    expect(groups[0].alerts.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(groups[0].bySeverity).toEqual({ critical: 1, warning: 0, info: 1 });
    expect(groups[1].alerts).toHaveLength(2);
  });
});
