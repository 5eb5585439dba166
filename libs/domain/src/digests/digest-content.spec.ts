import {
  buildDigest,
  disciplineSummary,
  driftOf,
  forecastMovesOf,
  trendOf,
  type DigestInput,
  type DigestEngagementFacts,
} from './digest-content';

/**
 * Worked scenarios for each role. "Today" is Monday 2026-11-23 (ISO week 2026-W48); "this week" is
 * 2026-11-16 … 2026-11-22. Health thresholds are the defaults (at risk below expected − 0.15, off track
 * below expected − 0.30).
 */
const TODAY = '2026-11-23';
const THRESHOLDS = { healthAtRiskBelow: 0.15, healthOffTrackBelow: 0.3, overdueAtRiskDays: 7 };

function engagement(
  overrides: Partial<DigestEngagementFacts> & Pick<DigestEngagementFacts, 'engagementId' | 'clientName'>,
): DigestEngagementFacts {
  return {
    function: 'CRO',
    executiveName: 'Elena Vasquez',
    priorities: [],
    driftSnapshots: [],
    completed: [],
    replanned: [],
    open: [],
    forecastMoves: [],
    openAlerts: { info: 0, warning: 0, critical: 0 },
    latestCheckIn: null,
    ...overrides,
  };
}

/** Acme: half-way through its priority window with 10% done (off track), reported green; drift 40, was 28. */
const acme = engagement({
  engagementId: 'e-acme',
  clientName: 'Acme Robotics',
  priorities: [
    {
      id: 'p1',
      title: 'Build the sales team',
      startDate: '2026-09-01',
      targetDate: '2027-01-15',
      progress: 0.1,
      latestRag: 'on_track',
      oldestOpenDueDate: null,
    },
    {
      id: 'p2',
      title: 'Launch partner channel',
      startDate: '2026-09-01',
      targetDate: '2027-01-15',
      progress: 0.55,
      latestRag: 'on_track',
      oldestOpenDueDate: null,
    },
  ],
  driftSnapshots: [
    { date: '2026-11-16', score: 28 },
    { date: '2026-11-23', score: 40 },
    { date: '2026-11-09', score: 20 },
  ],
  completed: [
    { title: 'Hire first AE', priorityTitle: 'Build the sales team', dueDate: '2026-11-10', completedOn: '2026-11-18' },
  ],
  replanned: [
    {
      title: 'Pricing page',
      priorityTitle: 'Launch partner channel',
      oldDueDate: '2026-11-20',
      newDueDate: '2026-12-04',
      reason: 'Legal review',
      category: 'client',
      changedOn: '2026-11-19',
    },
  ],
  open: [
    { title: 'Partner contract', priorityTitle: 'Launch partner channel', dueDate: '2026-11-20' },
    { title: 'Pipeline review', priorityTitle: 'Build the sales team', dueDate: '2026-11-30' },
    { title: 'Q1 plan', priorityTitle: 'Build the sales team', dueDate: '2026-12-10' },
    { title: 'Old slip', priorityTitle: 'Build the sales team', dueDate: '2026-10-01' },
  ],
  openAlerts: { info: 1, warning: 2, critical: 1 },
  latestCheckIn: {
    priorityTitle: 'Build the sales team',
    createdOn: '2026-11-20',
    rag: 'on_track',
    confidence: 5,
    previousConfidence: 7,
  },
});

/** Brightleaf: on track (60% done at 61% elapsed), drift 12 flat, nothing due. */
const brightleaf = engagement({
  engagementId: 'e-bright',
  clientName: 'Brightleaf Health',
  function: 'CMO',
  executiveName: 'Sam Osei',
  priorities: [
    {
      id: 'p3',
      title: 'Brand relaunch',
      startDate: '2026-09-01',
      targetDate: '2027-01-15',
      progress: 0.6,
      latestRag: 'on_track',
      oldestOpenDueDate: null,
    },
  ],
  driftSnapshots: [
    { date: '2026-11-16', score: 12 },
    { date: '2026-11-22', score: 12 },
  ],
  latestCheckIn: {
    priorityTitle: 'Brand relaunch',
    createdOn: '2026-11-17',
    rag: 'on_track',
    confidence: 8,
    previousConfidence: 8,
  },
});

/** Corvid: at risk (35% done at 61% elapsed → gap 0.26), drift 55 (+5). */
const corvid = engagement({
  engagementId: 'e-corvid',
  clientName: 'Corvid Logistics',
  function: 'CPO',
  executiveName: 'Priya Raman',
  priorities: [
    {
      id: 'p4',
      title: 'Platform v2',
      startDate: '2026-09-01',
      targetDate: '2027-01-15',
      progress: 0.35,
      latestRag: 'at_risk',
      oldestOpenDueDate: null,
    },
  ],
  driftSnapshots: [
    { date: '2026-11-15', score: 50 },
    { date: '2026-11-23', score: 55 },
  ],
});

const input = (
  role: DigestInput['recipient']['role'],
  engagements: DigestEngagementFacts[],
  adminKind: 'portfolio' | 'due_and_slipped' | null = null,
): DigestInput => ({
  recipient: { name: 'Robin', role, adminKind },
  isoWeek: '2026-W48',
  today: TODAY,
  thresholds: THRESHOLDS,
  engagements,
  publicUrl: 'https://app.example.com',
});

describe('buildDigest: account manager (portfolio)', () => {
  const digest = buildDigest(input('account_manager', [brightleaf, acme, corvid]));

  it('lists the worst-drifting engagements first, one section each', () => {
    expect(digest.kind).toBe('portfolio');
    expect(digest.sections.map((s) => s.clientName)).toEqual([
      'Corvid Logistics',
      'Acme Robotics',
      'Brightleaf Health',
    ]);
    expect(digest.sections.map((s) => s.drift.score)).toEqual([55, 40, 12]);
  });

  it('counts across the portfolio', () => {
    expect(digest.totals).toEqual({
      engagements: 3,
      prioritiesOffTrack: 1,
      prioritiesAtRisk: 1,
      completed: 1,
      slipped: 1,
      replanned: 1,
      replannedByClientOrAllocation: 1,
      dueNext14Days: 1,
      forecastMoves: 0,
      overdue: 2,
      openAlerts: { info: 1, warning: 2, critical: 1, total: 4 },
      drifting: 2,
    });
  });

  it('says the headline in the subject, with the week number', () => {
    expect(digest.headline).toBe('1 priority off track at Acme Robotics');
    expect(digest.subject).toBe('1 priority off track at Acme Robotics — week 48');
    expect(digest.empty).toBe(false);
  });

  it('computes health, the reported RAG and their disagreement per engagement', () => {
    const a = digest.sections.find((s) => s.clientName === 'Acme Robotics')!;
    // 2026-09-01 → 2027-01-15 is 136 days; 83 elapsed on 11-23 → expected 0.61: 0.10 is off track, 0.55 on track.
    expect(a.health).toBe('off_track');
    expect(a.reportedRag).toBe('on_track');
    expect(a.ragDisagrees).toBe(true);
    expect(a.prioritiesOffTrack).toBe(1);
    expect(a.drift).toMatchObject({ score: 40, change: 12 });
    expect(a.completed.map((m) => m.title)).toEqual(['Hire first AE']);
    expect(a.slipped).toEqual([
      { title: 'Partner contract', priorityTitle: 'Launch partner channel', dueDate: '2026-11-20', daysOverdue: 3 },
    ]);
    expect(a.replanned.map((r) => r.reason)).toEqual(['Legal review']);
    expect(a.dueNext14Days.map((m) => m.title)).toEqual(['Pipeline review']);
    expect(a.overdue).toBe(2);
    expect(a.openAlerts).toEqual({ info: 1, warning: 2, critical: 1, total: 4 });
    expect(a.latestCheckIn).toMatchObject({ confidence: 5, previousConfidence: 7, trend: 'falling' });
    expect(a.link).toBe('https://app.example.com/engagements/e-acme');
  });
});

describe('buildDigest: client viewer (your engagement)', () => {
  it('covers only the engagements it was given, and names the client in the headline', () => {
    const digest = buildDigest(input('client_viewer', [brightleaf]));
    expect(digest.kind).toBe('your_engagement');
    expect(digest.sections.map((s) => s.clientName)).toEqual(['Brightleaf Health']);
    expect(digest.headline).toBe('Brightleaf Health: on track');
    expect(digest.subject).toBe('Brightleaf Health: on track — week 48');
    // A check-in this week is news: not empty.
    expect(digest.empty).toBe(false);
  });

  it('leads with off-track priorities at their client', () => {
    expect(buildDigest(input('client_viewer', [acme])).subject).toBe('1 priority off track at Acme Robotics — week 48');
  });
});

describe('buildDigest: executive (what is due and what slipped)', () => {
  const digest = buildDigest(input('executive', [brightleaf, acme]));

  it('puts the engagement with slips first and counts due, slipped and overdue in the headline', () => {
    expect(digest.kind).toBe('due_and_slipped');
    expect(digest.sections[0].clientName).toBe('Acme Robotics');
    expect(digest.headline).toBe('1 milestone due, 2 slipped, 2 overdue');
  });

  it('says so when nothing is due and nothing slipped', () => {
    expect(buildDigest(input('executive', [brightleaf])).headline).toBe('Nothing due and nothing slipped');
  });
});

describe('buildDigest: admins choose their digest', () => {
  it('portfolio by default, due-and-slipped when chosen', () => {
    expect(buildDigest(input('admin', [acme])).kind).toBe('portfolio');
    expect(buildDigest(input('admin', [acme], 'due_and_slipped')).kind).toBe('due_and_slipped');
  });
});

describe('buildDigest: nothing to report', () => {
  it('is empty without engagements', () => {
    const digest = buildDigest(input('client_viewer', []));
    expect(digest.empty).toBe(true);
    expect(digest.headline).toBe('No active engagements to report');
  });

  it('is empty when nothing was completed, slipped, re-planned, checked in, alerted or due, and drift did not move', () => {
    const quiet = engagement({
      engagementId: 'e-quiet',
      clientName: 'Quiet Co',
      priorities: [
        {
          id: 'p',
          title: 'Steady',
          startDate: '2026-09-01',
          targetDate: '2027-01-15',
          progress: 0.6,
          latestRag: 'on_track',
          oldestOpenDueDate: null,
        },
      ],
      driftSnapshots: [
        { date: '2026-11-16', score: 10 },
        { date: '2026-11-23', score: 10 },
      ],
      open: [{ title: 'Far away', priorityTitle: 'Steady', dueDate: '2026-12-31' }],
      latestCheckIn: {
        priorityTitle: 'Steady',
        createdOn: '2026-11-02',
        rag: 'on_track',
        confidence: 8,
        previousConfidence: 8,
      },
    });
    expect(buildDigest(input('account_manager', [quiet])).empty).toBe(true);
    // The same engagement with one milestone due in 13 days has something to say.
    const soon = { ...quiet, open: [{ title: 'Soon', priorityTitle: 'Steady', dueDate: '2026-12-06' }] };
    expect(buildDigest(input('account_manager', [quiet, soon])).empty).toBe(false);
  });
});

describe('forecastMovesOf: the forecasts a digest says moved', () => {
  // Today Monday 2026-11-23: this week is 2026-11-16 … 2026-11-22.
  const move = (title: string, previousP80: string, p80: string, movedOn: string) => ({
    title,
    priorityTitle: 'Build the sales team',
    previousP80,
    p80,
    movedOn,
  });

  it('lists the moves seen this week, biggest first either way, with their days', () => {
    const moves = [
      move('Hire two AEs', '2026-12-01', '2026-12-10', '2026-11-16'), // 9 days later, on the week's first day
      move('Pricing page', '2026-12-20', '2026-12-04', '2026-11-22'), // 16 days earlier, on its last day
      move('CRM migration', '2027-01-05', '2027-01-26', '2026-11-18'), // 21 days later
    ];
    expect(forecastMovesOf(moves, TODAY).map((m) => [m.title, m.days])).toEqual([
      ['CRM migration', 21],
      ['Pricing page', -16],
      ['Hire two AEs', 9],
    ]);
  });

  it('leaves out moves of another week and moves of a week or less', () => {
    expect(
      forecastMovesOf(
        [
          move('Last week', '2026-12-01', '2026-12-20', '2026-11-15'), // before the week
          move('Today', '2026-12-01', '2026-12-20', '2026-11-23'), // today: next week's digest
          move('Exactly a week', '2026-12-01', '2026-12-08', '2026-11-20'), // 7 days: not more than a week
        ],
        TODAY,
      ),
    ).toEqual([]);
  });

  it('leaves out a forecast that moved and came back: the P80 now is what counts', () => {
    // Moved 2026-12-01 → 2026-12-12 on the 17th (the row kept 2026-12-01 as the previous P80), and a later scan
    // brought it back to 2026-12-05, less than a week from where it was.
    expect(forecastMovesOf([move('Back again', '2026-12-01', '2026-12-05', '2026-11-17')], TODAY)).toEqual([]);
  });

  it('makes an otherwise quiet engagement worth a section, and is counted in the totals', () => {
    const quiet = engagement({
      engagementId: 'e-moved',
      clientName: 'Moved Co',
      forecastMoves: [move('CRM migration', '2027-01-05', '2027-01-26', '2026-11-18')],
    });
    const digest = buildDigest(input('executive', [quiet]));
    expect(digest.empty).toBe(false);
    expect(digest.totals.forecastMoves).toBe(1);
    expect(digest.sections[0]!.forecastMoves).toEqual([
      { ...move('CRM migration', '2027-01-05', '2027-01-26', '2026-11-18'), days: 21 },
    ]);
    expect(buildDigest(input('executive', [{ ...quiet, forecastMoves: [] }])).empty).toBe(true);
  });
});

describe('driftOf', () => {
  it('draws eight weekly bars, oldest first, from the last snapshot of each week', () => {
    const snapshots = [
      { date: '2026-09-30', score: 90 }, // before the eight weeks: not drawn
      { date: '2026-10-05', score: 10 },
      { date: '2026-10-06', score: 12 },
      { date: '2026-11-01', score: 30 },
      { date: '2026-11-20', score: 44 },
      { date: '2026-11-23', score: 48 },
    ];
    const drift = driftOf(snapshots, TODAY);
    expect(drift.bars.map((b) => b.weekEnding)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(drift.bars.map((b) => b.score)).toEqual([10, 12, null, null, 30, null, null, 48]);
    // 48 today against the last snapshot at least a week older (11-01: 30).
    expect(drift).toMatchObject({ score: 48, change: 18 });
  });

  it('has no change without an older snapshot, and no score without any', () => {
    expect(driftOf([{ date: '2026-11-22', score: 7 }], TODAY)).toMatchObject({ score: 7, change: null });
    expect(driftOf([], TODAY)).toMatchObject({ score: null, change: null });
  });
});

describe('trendOf', () => {
  it('compares the latest confidence with the one before', () => {
    expect([trendOf(7, 5), trendOf(5, 7), trendOf(6, 6), trendOf(null, 6)]).toEqual([
      'falling',
      'rising',
      'steady',
      null,
    ]);
  });
});

describe('check-in discipline in the account manager’s digest', () => {
  // Twelve weeks, two engagements: Elena (executive) checked in every week on time on one and was late twice on the
  // other; owner Olu missed three and was late once; owner Pat was always on time.
  const rows = [
    { kind: 'executive' as const, name: 'Elena Vasquez', onTime: 22, late: 2, missed: 0 },
    { kind: 'owner' as const, name: 'Pat Owner', onTime: 12, late: 0, missed: 0 },
    { kind: 'owner' as const, name: 'Olu Owner', onTime: 8, late: 1, missed: 3 },
  ];

  it('totals on time, late and missed, and lists who needs a nudge, most missed first', () => {
    expect(disciplineSummary(12, rows)).toEqual({
      weeks: 12,
      onTime: 42,
      late: 3,
      missed: 3,
      onTimePercent: 88, // 42 of 48
      needingNudge: [rows[2], rows[0]],
    });
  });

  it('is absent when nothing was due, and when the digest is not the account manager’s', () => {
    expect(disciplineSummary(12, [])).toBeNull();
    expect(disciplineSummary(12, [{ kind: 'owner', name: 'New', onTime: 0, late: 0, missed: 0 }])).toBeNull();
    expect(buildDigest(input('executive', [acme])).discipline).toBeNull();
  });

  it('is part of the digest content when given', () => {
    const digest = buildDigest({ ...input('account_manager', [acme]), discipline: { weeks: 12, rows } });
    expect(digest.discipline).toMatchObject({ onTime: 42, late: 3, missed: 3, onTimePercent: 88 });
  });
});
