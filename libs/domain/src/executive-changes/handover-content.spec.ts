import { buildHandoverPack, handoverForClient, handoverHeadline, type HandoverFacts } from './handover-content';
import { executiveChangeEmail } from './executive-change-email';

/**
 * A worked example: Acme's CRO engagement handed from Dana to Eli on 2026-04-01, the pack frozen on 2026-03-20.
 * Two open priorities (ranks 2 and 1, given out of order) and an achieved one; a milestone re-planned twice
 * (client, then allocation), one overdue; check-ins over ten weeks (the oldest two fall outside the 8 weeks).
 */
const facts: HandoverFacts = {
  generatedOn: '2026-03-20',
  change: {
    effectiveDate: '2026-04-01',
    reason: 'Dana moves to a full-time role',
    fromExecutiveName: 'Dana',
    toExecutiveName: 'Eli',
  },
  engagement: { clientName: 'Acme', function: 'CRO', startDate: '2026-01-05' },
  priorities: [
    {
      id: 'p2',
      title: 'Hire two AEs',
      rank: 2,
      status: 'active',
      ownerName: 'Sam',
      ownerTitle: 'VP Sales',
      targetDate: '2026-06-30',
      health: 'at_risk',
      confidenceTrend: [
        { date: '2026-03-02', confidence: 7 },
        { date: '2026-03-16', confidence: 4 },
      ],
    },
    {
      id: 'p1',
      title: 'Pipeline hygiene',
      rank: 1,
      status: 'active',
      ownerName: 'Kim',
      ownerTitle: null,
      targetDate: '2026-05-31',
      health: 'on_track',
      confidenceTrend: [{ date: '2026-03-16', confidence: 8 }],
    },
    {
      id: 'p0',
      title: 'CRM migration',
      rank: 3,
      status: 'achieved',
      ownerName: 'Kim',
      ownerTitle: null,
      targetDate: '2026-02-28',
      health: 'on_track',
      confidenceTrend: [],
    },
  ],
  milestones: [
    {
      id: 'm1',
      priorityId: 'p1',
      title: 'Stage definitions',
      baselineDueDate: '2026-03-01',
      dueDate: '2026-03-15',
      status: 'in_progress',
    },
    {
      id: 'm2',
      priorityId: 'p1',
      title: 'Forecast call',
      baselineDueDate: '2026-04-15',
      dueDate: '2026-04-15',
      status: 'planned',
    },
    {
      id: 'm3',
      priorityId: 'p2',
      title: 'Job specs',
      baselineDueDate: '2026-02-15',
      dueDate: '2026-03-31',
      status: 'planned',
    },
    {
      id: 'm4',
      priorityId: 'p2',
      title: 'Dropped idea',
      baselineDueDate: '2026-02-15',
      dueDate: '2026-02-15',
      status: 'cancelled',
    },
    {
      id: 'm5',
      priorityId: 'p0',
      title: 'Export',
      baselineDueDate: '2026-02-01',
      dueDate: '2026-02-01',
      status: 'done',
    },
  ],
  replans: [
    {
      milestoneId: 'm3',
      changedOn: '2026-02-10',
      oldDueDate: '2026-02-15',
      newDueDate: '2026-03-01',
      reason: 'Client budget freeze',
      category: 'client',
    },
    {
      milestoneId: 'm3',
      changedOn: '2026-02-27',
      oldDueDate: '2026-03-01',
      newDueDate: '2026-03-31',
      reason: 'Scaled down to 1 day',
      category: 'allocation',
    },
  ],
  checkIns: [
    {
      priorityId: 'p1',
      createdOn: '2026-01-12',
      rag: 'on_track',
      confidence: 8,
      note: 'Kick-off',
      blockers: null,
      authorName: 'Dana',
      acknowledged: true,
    },
    {
      priorityId: 'p1',
      createdOn: '2026-01-22',
      rag: 'on_track',
      confidence: 8,
      note: 'Old news',
      blockers: 'Old blocker',
      authorName: 'Dana',
      acknowledged: false,
    },
    {
      priorityId: 'p2',
      createdOn: '2026-03-02',
      rag: 'on_track',
      confidence: 7,
      note: 'Specs drafted',
      blockers: '  ',
      authorName: 'Dana',
      acknowledged: true,
    },
    {
      priorityId: 'p2',
      createdOn: '2026-03-16',
      rag: 'at_risk',
      confidence: 4,
      note: 'No budget yet',
      blockers: 'CFO sign-off',
      authorName: 'Dana',
      acknowledged: false,
    },
    {
      priorityId: 'p1',
      createdOn: '2026-03-16',
      rag: 'on_track',
      confidence: 8,
      note: 'Stages agreed',
      blockers: null,
      authorName: 'Dana',
      acknowledged: true,
    },
  ],
  alerts: [
    { rule: 'milestone_replanned', severity: 'info', message: 'Job specs re-planned twice', firstSeenOn: '2026-02-27' },
    {
      rule: 'milestone_overdue',
      severity: 'critical',
      message: 'Stage definitions is overdue',
      firstSeenOn: '2026-03-16',
    },
  ],
  allocation: [
    { effectiveDate: '2026-01-05', daysPerWeek: 2, reason: 'Initial allocation' },
    { effectiveDate: '2026-02-27', daysPerWeek: 1, reason: 'Budget cut' },
  ],
  people: [
    { name: 'Zoe', title: null, email: 'zoe@acme.test', kind: 'client_viewer' },
    { name: 'Sam', title: 'VP Sales', email: 'sam@acme.test', kind: 'owner' },
    { name: 'Kim', title: 'RevOps lead', email: null, kind: 'owner' },
  ],
};

describe('buildHandoverPack', () => {
  const pack = buildHandoverPack(facts);

  it('lists the open priorities by rank with owner, health and the confidence trend and its change', () => {
    expect(pack.priorities.map((p) => [p.rank, p.title, p.ownerName, p.health, p.confidenceChange])).toEqual([
      [1, 'Pipeline hygiene', 'Kim', 'on_track', null],
      [2, 'Hire two AEs', 'Sam', 'at_risk', -3],
    ]);
    expect(pack.priorities[1]!.confidenceTrend).toEqual(facts.priorities[0]!.confidenceTrend);
  });

  it('gives each milestone its slip against baseline, whether it is overdue, and its re-plans with reasons and categories', () => {
    const [hygiene, hiring] = pack.priorities;
    expect(hygiene!.milestones.map((m) => [m.title, m.slipDays, m.overdue])).toEqual([
      ['Stage definitions', 14, true],
      ['Forecast call', 0, false],
    ]);
    // The cancelled milestone is left out.
    expect(hiring!.milestones.map((m) => m.title)).toEqual(['Job specs']);
    expect(hiring!.milestones[0]!.slipDays).toBe(44);
    expect(hiring!.milestones[0]!.replans).toEqual([
      {
        changedOn: '2026-02-10',
        fromDate: '2026-02-15',
        toDate: '2026-03-01',
        days: 14,
        reason: 'Client budget freeze',
        category: 'client',
      },
      {
        changedOn: '2026-02-27',
        fromDate: '2026-03-01',
        toDate: '2026-03-31',
        days: 30,
        reason: 'Scaled down to 1 day',
        category: 'allocation',
      },
    ]);
  });

  it('keeps the last 8 weeks of check-ins (from 2026-01-24), the latest recorded first, and their blockers', () => {
    expect(pack.checkIns.map((c) => [c.date, c.priorityTitle, c.blockers])).toEqual([
      ['2026-03-16', 'Pipeline hygiene', null],
      ['2026-03-16', 'Hire two AEs', 'CFO sign-off'],
      ['2026-03-02', 'Hire two AEs', null],
    ]);
    expect(pack.blockers).toEqual([{ priorityTitle: 'Hire two AEs', date: '2026-03-16', text: 'CFO sign-off' }]);
  });

  it('lists every unacknowledged check-in, however old, with its age', () => {
    expect(pack.unacknowledgedCheckIns.map((u) => [u.date, u.priorityTitle, u.ageDays])).toEqual([
      ['2026-01-22', 'Pipeline hygiene', 57],
      ['2026-03-16', 'Hire two AEs', 4],
    ]);
  });

  it('puts the most severe open alert first, and keeps the allocation history and the people', () => {
    expect(pack.openAlerts.map((a) => a.rule)).toEqual(['milestone_overdue', 'milestone_replanned']);
    expect(pack.allocationHistory).toEqual(facts.allocation);
    expect(pack.people).toEqual([
      { name: 'Kim', title: 'RevOps lead', email: null, role: 'Accountability owner', owns: ['Pipeline hygiene'] },
      { name: 'Sam', title: 'VP Sales', email: 'sam@acme.test', role: 'Accountability owner', owns: ['Hire two AEs'] },
      { name: 'Zoe', title: null, email: 'zoe@acme.test', role: 'Client viewer', owns: [] },
    ]);
  });

  it('sums it up', () => {
    expect(pack.summary).toEqual({
      openPriorities: 2,
      openMilestones: 3,
      overdueMilestones: 1,
      replans: 2,
      checkInsLast8Weeks: 3,
      blockers: 1,
      unacknowledgedCheckIns: 2,
      openAlerts: 2,
    });
    expect(handoverHeadline(pack.summary)).toBe(
      '2 open priorities, 3 open milestones (1 overdue), 2 unacknowledged check-ins, 2 open alerts',
    );
    expect(pack.title).toBe('Handover · Acme · CRO · Dana → Eli');
  });

  it('shows a client viewer everything but the allocation', () => {
    const client = handoverForClient(pack);
    expect(client).not.toHaveProperty('allocationHistory');
    expect(JSON.stringify(client)).not.toMatch(/daysPerWeek/);
    expect(client.priorities).toEqual(pack.priorities);
  });

  it('handles an engagement with nothing to hand over', () => {
    const empty = buildHandoverPack({
      ...facts,
      priorities: [],
      milestones: [],
      replans: [],
      checkIns: [],
      alerts: [],
      allocation: [],
      people: [],
    });
    expect(empty.summary).toEqual({
      openPriorities: 0,
      openMilestones: 0,
      overdueMilestones: 0,
      replans: 0,
      checkInsLast8Weeks: 0,
      blockers: 0,
      unacknowledgedCheckIns: 0,
      openAlerts: 0,
    });
  });
});

describe('executiveChangeEmail', () => {
  it('says who takes over what from whom on which date, with the link and why the recipient gets it', () => {
    const email = executiveChangeEmail({
      recipientName: 'Zoe',
      audience: 'client_viewer',
      pack: handoverForClient(buildHandoverPack(facts)),
      link: 'https://app.example/handovers/c1',
    });
    expect(email.subject).toBe('Acme: Eli takes over as CRO on 2026-04-01');
    expect(email.text).toContain('Eli takes over the CRO engagement at Acme from Dana on 2026-04-01.');
    expect(email.text).toContain('Reason: Dana moves to a full-time role');
    expect(email.text).toContain('https://app.example/handovers/c1');
    expect(email.text).toContain('because you follow this engagement');
    expect(email.html).toContain('<a href="https://app.example/handovers/c1">');
  });

  it('escapes what people typed in the HTML', () => {
    const pack = buildHandoverPack({ ...facts, change: { ...facts.change, reason: '<script>x</script>' } });
    const email = executiveChangeEmail({
      recipientName: null,
      audience: 'incoming',
      pack,
      link: 'https://app.example/x',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.text.startsWith('Hello,')).toBe(true);
  });
});
