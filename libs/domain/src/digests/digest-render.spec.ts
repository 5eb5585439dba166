import { buildDigest, disciplineSummary, type DigestEngagementFacts } from './digest-content';
import { renderDigest } from './digest-render';

const links = {
  dashboard: 'https://app.example.com/portfolio',
  preferences: 'https://app.example.com/settings/digest',
  unsubscribe: 'https://app.example.com/api/v1/digests/unsubscribe?token=abc.def',
};

const facts = (clientName: string, score: number): DigestEngagementFacts => ({
  engagementId: `e-${clientName}`,
  clientName,
  function: 'CRO',
  executiveName: 'Elena <b>Vasquez</b>',
  priorities: [
    {
      id: 'p',
      title: 'Build the team',
      startDate: '2026-09-01',
      targetDate: '2027-01-15',
      progress: 0.1,
      latestRag: 'on_track',
      oldestOpenDueDate: null,
    },
  ],
  driftSnapshots: [
    { date: '2026-11-16', score: score - 5 },
    { date: '2026-11-23', score },
  ],
  completed: [
    {
      title: 'Hire <script>alert(1)</script>',
      priorityTitle: 'Build the team',
      dueDate: '2026-11-10',
      completedOn: '2026-11-18',
    },
  ],
  replanned: [
    {
      title: 'Pricing',
      priorityTitle: 'Build the team',
      oldDueDate: '2026-11-20',
      newDueDate: '2026-12-04',
      reason: 'Legal review',
      category: 'client',
      changedOn: '2026-11-19',
    },
  ],
  open: [{ title: 'Pipeline review', priorityTitle: 'Build the team', dueDate: '2026-11-30' }],
  forecastMoves: [
    {
      title: 'Board <pack>',
      priorityTitle: 'Build the team',
      previousP80: '2026-12-01',
      p80: '2026-12-15',
      movedOn: '2026-11-20',
    },
  ],
  openAlerts: { info: 0, warning: 1, critical: 0 },
  latestCheckIn: {
    priorityTitle: 'Build the team',
    createdOn: '2026-11-20',
    rag: 'on_track',
    confidence: 5,
    previousConfidence: 7,
  },
});

const digest = (role: 'account_manager' | 'client_viewer' | 'executive', engagements: DigestEngagementFacts[]) =>
  buildDigest({
    recipient: { name: 'Robin', role, adminKind: null },
    isoWeek: '2026-W48',
    today: '2026-11-23',
    thresholds: { healthAtRiskBelow: 0.15, healthOffTrackBelow: 0.3, overdueAtRiskDays: 7 },
    engagements,
    publicUrl: 'https://app.example.com',
  });

describe('renderDigest', () => {
  const rendered = renderDigest(digest('client_viewer', [facts('Acme', 40)]), links);

  it('is email-safe HTML: a 600 px table layout with inline styles, no script, no SVG, readable in dark mode', () => {
    expect(rendered.html).toMatch(/<table role="presentation" width="600"[^>]*style="width:600px;max-width:600px;/);
    expect(rendered.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(rendered.html).toContain('@media (prefers-color-scheme: dark)');
    expect(rendered.html).not.toMatch(/<script|<svg|javascript:/i);
    expect(rendered.html).not.toMatch(/display:\s*(flex|grid)/);
  });

  it('escapes every value from the data', () => {
    expect(rendered.html).toContain('Hire &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rendered.html).toContain('Elena &lt;b&gt;Vasquez&lt;/b&gt;');
    expect(rendered.text).toContain('Hire <script>alert(1)</script>');
  });

  it('draws eight drift bars as coloured table cells, tallest for the highest score', () => {
    const bars = [
      ...rendered.html.matchAll(/<td height="(\d+)" bgcolor="(#[0-9a-f]{6})" title="week ending ([0-9-]+): ([^"]+)"/g),
    ];
    expect(bars).toHaveLength(8);
    expect(bars[7].slice(1)).toEqual(['13', '#d97706', '2026-11-23', 'drift 40']);
    expect(bars[6].slice(1)).toEqual(['11', '#d97706', '2026-11-16', 'drift 35']);
    expect(bars[0].slice(1)).toEqual(['2', '#d1d5db', '2026-10-05', 'no score']);
  });

  it('has a subject with the headline, a plain-text part with the same facts, and dashboard links', () => {
    expect(rendered.subject).toBe('1 priority off track at Acme — week 48');
    for (const line of [
      '1 priority off track at Acme',
      'Drift 40/100, ▲ 5 worse than last week',
      'Pricing — moved 2026-11-20 → 2026-12-04 (caused by the client): Legal review',
      '2026-11-30 — Pipeline review (Build the team)',
      'Open alerts: 1 warning',
      'confidence 5/10 (↓ falling from 7)',
      'Open: https://app.example.com/engagements/e-Acme',
      'Drift, last 8 weeks (oldest first): – – – – – – 35 40',
    ]) {
      expect(rendered.text).toContain(line);
    }
    expect(rendered.html).toContain('href="https://app.example.com/engagements/e-Acme"');
    expect(rendered.html).toContain('Reported on track; computed off track: 10% done, 61% expected by today');
  });

  it('carries a one-click unsubscribe link in the body and in the List-Unsubscribe headers', () => {
    expect(rendered.headers).toEqual({
      'List-Unsubscribe': `<${links.unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    // Handlebars writes '=' as the entity &#x3D; inside attributes, which every client decodes.
    expect(rendered.html.replace(/&#x3D;/g, '=')).toContain(`href="${links.unsubscribe}"`);
    expect(rendered.text).toContain(`Unsubscribe: ${links.unsubscribe}`);
  });

  it('renders a portfolio as one line per engagement, worst first, capped with a count of the rest', () => {
    const many = Array.from({ length: 28 }, (_, i) => facts(`Client ${String(i).padStart(2, '0')}`, i + 10));
    const portfolio = renderDigest(digest('account_manager', many), links);
    expect(portfolio.text.indexOf('Client 27')).toBeLessThan(portfolio.text.indexOf('Client 26'));
    expect(portfolio.text).not.toContain('Client 02 ');
    expect(portfolio.text).toContain('3 more engagements in your portfolio on the dashboard.');
    expect(Buffer.byteLength(portfolio.html)).toBeLessThan(100_000);
  });

  it('shows the account manager the check-in discipline: totals and who needs a nudge, in HTML and text', () => {
    const content = {
      ...digest('account_manager', [facts('Acme', 40)]),
      discipline: disciplineSummary(12, [
        { kind: 'executive' as const, name: 'Elena <Vasquez>', onTime: 10, late: 2, missed: 0 },
        { kind: 'owner' as const, name: 'Olu Owner', onTime: 8, late: 1, missed: 3 },
      ]),
    };
    const withDiscipline = renderDigest(content, links);
    const line = 'Check-ins due in the last 12 weeks: 18 on time, 3 late, 3 missed (75% on time).';
    expect(withDiscipline.text).toContain(`== Check-in discipline ==\n${line}`);
    expect(withDiscipline.text).toContain(
      '  - Olu Owner (owner): 3 missed, 1 late, 8 on time\n  - Elena <Vasquez> (executive): 2 late, 10 on time',
    );
    expect(withDiscipline.html).toContain('Check-in discipline');
    expect(withDiscipline.html).toContain('Elena &lt;Vasquez&gt; (executive)');
    expect(renderDigest(digest('account_manager', [facts('Acme', 40)]), links).text).not.toContain(
      'Check-in discipline',
    );
  });

  it('mentions the forecasts that moved by more than a week: a list in an engagement, one line in a portfolio', () => {
    expect(rendered.text).toContain(
      'Forecast moved this week:\n  - Board <pack> (Build the team) — likely by 2026-12-15, was 2026-12-01: 14 days later\n',
    );
    expect(rendered.html).toContain('Forecast moved this week');
    expect(rendered.html).toContain(
      'Board &lt;pack&gt; (Build the team) — likely by 2026-12-15, was 2026-12-01: 14 days later',
    );
    const portfolio = renderDigest(digest('account_manager', [facts('Acme', 40)]), links);
    expect(portfolio.text).toContain('Forecasts moved by more than a week: 1 milestone (1 later)\n');
    expect(portfolio.html).toContain('Forecasts moved by more than a week: 1 milestone (1 later)');
  });

  it('refuses a non-http link', () => {
    expect(() => renderDigest(digest('executive', []), { ...links, dashboard: 'javascript:alert(1)' })).toThrow(/http/);
  });
});
