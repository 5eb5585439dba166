import type { ClientSummaryView } from '../client-summary/client-summary.dto';
import { buildDigest, digestClientSummary, type DigestEngagementFacts, type DigestInput } from './digest-content';
import { renderDigest } from './digest-render';
import { CLIENT_SUMMARY_LINES, clientSummaryBlockView, digestView } from './digest-view';

/**
 * The client viewer's digest starts with the client summary of each engagement (issue 18): the same content as the
 * summary screen (composeClientSummary's output), shown as lines. "Today" is Monday 2026-11-23 (ISO week 2026-W48).
 */
const TODAY = '2026-11-23';
const URL = 'https://app.example.com';
const links = {
  dashboard: `${URL}/`,
  preferences: `${URL}/settings/digest`,
  unsubscribe: `${URL}/api/v1/digests/unsubscribe?token=abc.def`,
};

function summary(overrides: Partial<ClientSummaryView> = {}): ClientSummaryView {
  return {
    asOf: TODAY,
    periodStart: '2026-11-16',
    engagement: {
      id: 'e-acme',
      clientId: 'c-acme',
      clientName: 'Acme Robotics',
      executiveName: 'Elena Vasquez',
      function: 'CRO',
      status: 'active',
    },
    headline: 'At risk: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team',
    health: 'at_risk',
    done: [
      {
        id: 'm1',
        title: 'Hire first AE',
        priorityTitle: 'Build the sales team',
        dueDate: '2026-11-18',
        doneOn: '2026-11-20',
        overdue: false,
        slipDays: 2,
      },
    ],
    dueSoon: [
      {
        id: 'm2',
        title: 'Partner contract',
        priorityTitle: 'Launch partner channel',
        dueDate: '2026-11-11',
        doneOn: null,
        overdue: true,
        slipDays: 12,
      },
      {
        id: 'm3',
        title: 'Pipeline review',
        priorityTitle: 'Build the sales team',
        dueDate: '2026-12-10',
        doneOn: null,
        overdue: false,
        slipDays: 0,
      },
    ],
    risks: [
      {
        alertId: 'a1',
        severity: 'warning',
        text: 'Milestone “Partner contract” is 12 days overdue',
        since: '2026-11-11',
      },
    ],
    asks: [
      {
        checkInId: 'ci1',
        priorityTitle: 'Launch partner channel',
        text: 'Sign off the new pricing tiers with your CFO',
        askedBy: 'Elena Vasquez',
        askedAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    progressTrend: [],
    driftTrend: [],
    latestCheckIn: null,
    pulseDue: null,
    ...overrides,
  };
}

/** The same engagement's weekly facts: a quiet week (nothing completed, slipped or due in 14 days, no alerts). */
const quietFacts: DigestEngagementFacts = {
  engagementId: 'e-acme',
  clientName: 'Acme Robotics',
  function: 'CRO',
  executiveName: 'Elena Vasquez',
  priorities: [],
  driftSnapshots: [],
  completed: [],
  replanned: [],
  open: [],
  openAlerts: { info: 0, warning: 0, critical: 0 },
  latestCheckIn: null,
  forecastMoves: [],
};

const input = (clientSummaries: ClientSummaryView[] | null): DigestInput => ({
  recipient: { name: 'Robin', role: 'client_viewer', adminKind: null },
  isoWeek: '2026-W48',
  today: TODAY,
  thresholds: { healthAtRiskBelow: 0.15, healthOffTrackBelow: 0.3, overdueAtRiskDays: 7 },
  engagements: [quietFacts],
  publicUrl: URL,
  clientSummaries,
});

describe('the client summary heading the client viewer’s digest', () => {
  it('carries the summary’s lists and a link to the engagement, nothing else', () => {
    const s = digestClientSummary(summary(), URL);
    expect(s).toEqual({
      engagementId: 'e-acme',
      label: 'Acme Robotics — CRO (Elena Vasquez)',
      link: 'https://app.example.com/engagements/e-acme',
      headline: 'At risk: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team',
      health: 'at_risk',
      periodStart: '2026-11-16',
      done: summary().done,
      dueSoon: summary().dueSoon,
      risks: summary().risks,
      asks: summary().asks,
    });
  });

  it('one engagement: its headline sentence is the digest’s headline and subject', () => {
    const digest = buildDigest(input([summary()]));
    expect(digest.kind).toBe('your_engagement');
    expect(digest.headline).toBe('At risk: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team');
    expect(digest.subject).toBe('At risk: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team — week 48');
    expect(digest.clientSummaries).toHaveLength(1);
  });

  it('several engagements: one summary each, by label; the digest keeps its own headline', () => {
    const other = summary({
      engagement: { ...summary().engagement, id: 'e-abc', clientName: 'ABC Foods', function: 'CMO' },
      headline: 'On track: 2 of 4 milestones done',
    });
    const digest = buildDigest(input([summary(), other]));
    expect(digest.clientSummaries.map((s) => s.label)).toEqual([
      'ABC Foods — CMO (Elena Vasquez)',
      'Acme Robotics — CRO (Elena Vasquez)',
    ]);
    expect(digest.headline).toBe('Acme Robotics: on track');
  });

  it('an open ask keeps a quiet week’s digest from being empty; without one it is empty as before', () => {
    expect(buildDigest(input([summary()])).empty).toBe(false);
    expect(buildDigest(input([summary({ asks: [] })])).empty).toBe(true);
    expect(buildDigest(input(null)).empty).toBe(true);
    expect(buildDigest(input(null)).clientSummaries).toEqual([]);
  });

  it('says each part in the summary screen’s words', () => {
    expect(clientSummaryBlockView(digestClientSummary(summary(), URL))).toEqual({
      label: 'Acme Robotics — CRO (Elena Vasquez)',
      link: 'https://app.example.com/engagements/e-acme',
      headline: 'At risk: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team',
      healthLabel: 'At risk',
      healthColour: '#b45309',
      asks: ['Sign off the new pricing tiers with your CFO (Launch partner channel, asked by Elena Vasquez)'],
      done: ['Hire first AE (Build the sales team) — done 2026-11-20'],
      due: [
        '2026-11-11 — Partner contract (Launch partner channel), overdue',
        '2026-12-10 — Pipeline review (Build the sales team)',
      ],
      risks: ['Warning: Milestone “Partner contract” is 12 days overdue (since 2026-11-11)'],
      doneTitle: 'Done since 2026-11-16',
    });
  });

  it('long lists are cut, the rest counted', () => {
    const many = Array.from({ length: CLIENT_SUMMARY_LINES + 3 }, (_, i) => ({
      ...summary().asks[0],
      text: `Ask ${i + 1}`,
    }));
    const view = clientSummaryBlockView(digestClientSummary(summary({ asks: many }), URL));
    expect(view.asks).toHaveLength(CLIENT_SUMMARY_LINES + 1);
    expect(view.asks.at(-1)).toBe('3 more on the dashboard');
  });

  it('heads the rendered email (HTML and text), before the week’s numbers, escaped', () => {
    const hostile = summary({
      asks: [{ ...summary().asks[0], text: 'Approve <script>alert(1)</script> budget' }],
    });
    const rendered = renderDigest(buildDigest(input([hostile])), links);
    const text = rendered.text;
    expect(text.indexOf('== Acme Robotics — CRO (Elena Vasquez) ==')).toBeLessThan(text.indexOf('1 engagement ·'));
    expect(text).toContain('What we need from you:\n  - Approve <script>alert(1)</script> budget');
    expect(text).toContain('Due in the next 30 days:\n  - 2026-11-11 — Partner contract');
    expect(text).toContain('Done since 2026-11-16:\n  - Hire first AE');
    expect(text).toContain('Risks:\n  - Warning: Milestone “Partner contract” is 12 days overdue');
    expect(rendered.html).toContain('What we need from you');
    expect(rendered.html).toContain('Approve &lt;script&gt;alert(1)&lt;/script&gt; budget');
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html.indexOf('What we need from you')).toBeLessThan(rendered.html.indexOf('due in 14 days</div>'));
  });

  it('other roles’ digests carry no summary block', () => {
    const digest = buildDigest({
      ...input(null),
      recipient: { name: 'Robin', role: 'account_manager', adminKind: null },
    });
    expect(digestView(digest, links).clientSummaries).toEqual([]);
    expect(renderDigest(digest, links).text).not.toContain('What we need from you');
  });
});
