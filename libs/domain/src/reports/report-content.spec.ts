import { buildReportContent, headline, reportPulse, type ReportFacts } from './report-content';
import { renderReportPdf } from './report-pdf';

/** A quarter of a CRO engagement: two priorities, four milestones, two re-plans, three check-ins. */
const facts: ReportFacts = {
  generatedOn: '2026-04-02',
  period: { start: '2026-01-01', end: '2026-03-31' },
  engagement: { clientName: 'Corvid', executiveName: 'Dana Reyes', function: 'CRO', startDate: '2025-12-01' },
  priorities: [
    {
      id: 'p2',
      title: 'Hire two AEs',
      rank: 2,
      status: 'active',
      ownerName: 'Sam',
      targetDate: '2026-06-30',
      health: 'at_risk',
    },
    {
      id: 'p1',
      title: 'Pipeline 3x',
      rank: 1,
      status: 'active',
      ownerName: 'Kim',
      targetDate: '2026-05-31',
      health: 'on_track',
    },
    {
      id: 'p3',
      title: 'Old pricing',
      rank: 3,
      status: 'dropped',
      ownerName: 'Kim',
      targetDate: '2026-02-28',
      health: 'dropped',
    },
  ],
  milestones: [
    m('m1', 'p1', 'Stage definitions', '2026-01-15', '2026-01-15', 'done', '2026-01-14'),
    m('m2', 'p1', 'Pipeline review cadence', '2026-02-01', '2026-02-20', 'done', '2026-02-19'),
    m('m3', 'p2', 'Job descriptions', '2026-03-01', '2026-03-25', 'in_progress', null),
    m('m4', 'p2', 'First offer', '2026-04-20', '2026-04-20', 'planned', null),
    m('m5', 'p1', 'Closed last year', '2025-12-10', '2025-12-10', 'done', '2025-12-09'),
  ],
  replans: [
    {
      milestoneId: 'm2',
      changedOn: '2026-01-28',
      oldDueDate: '2026-02-01',
      newDueDate: '2026-02-20',
      reason: 'Data late',
    },
    {
      milestoneId: 'm3',
      changedOn: '2026-02-25',
      oldDueDate: '2026-03-01',
      newDueDate: '2026-03-25',
      reason: 'Budget',
    },
    {
      milestoneId: 'm3',
      changedOn: '2026-03-02',
      oldDueDate: '2026-03-25',
      newDueDate: '2026-03-20',
      reason: 'Sooner',
    },
  ],
  checkIns: [
    ci('p1', '2026-01-07', 6, null),
    ci('p1', '2026-02-04', 8, 'Waiting on CRM export from client IT'),
    ci('p2', '2026-03-04', 5, null),
    ci('p2', '2026-04-01', 9, 'After the period'),
  ],
  driftTrend: [
    { date: '2025-12-28', score: 10 },
    { date: '2026-01-04', score: 22 },
    { date: '2026-03-29', score: 41 },
  ],
};

describe('buildReportContent', () => {
  const content = buildReportContent(facts);

  it('lists what landed in the period against its baseline', () => {
    expect(content.landed).toEqual([
      {
        title: 'Stage definitions',
        priorityTitle: 'Pipeline 3x',
        baselineDueDate: '2026-01-15',
        completedOn: '2026-01-14',
        daysLate: -1,
      },
      {
        title: 'Pipeline review cadence',
        priorityTitle: 'Pipeline 3x',
        baselineDueDate: '2026-02-01',
        completedOn: '2026-02-19',
        daysLate: 18,
      },
    ]);
  });

  it('lists the re-plans that moved a date later, with their reasons (a pull-in is not a slip)', () => {
    expect(content.slips).toEqual([
      {
        title: 'Pipeline review cadence',
        priorityTitle: 'Pipeline 3x',
        changedOn: '2026-01-28',
        fromDate: '2026-02-01',
        toDate: '2026-02-20',
        days: 19,
        reason: 'Data late',
      },
      {
        title: 'Job descriptions',
        priorityTitle: 'Hire two AEs',
        changedOn: '2026-02-25',
        fromDate: '2026-03-01',
        toDate: '2026-03-25',
        days: 24,
        reason: 'Budget',
      },
    ]);
  });

  it('sums the figures and writes the headline from them', () => {
    expect(content.figures).toEqual({
      milestonesLanded: 2,
      landedOnTime: 1,
      landedLate: 1,
      replans: 2,
      daysSlipped: 43,
      openOverdue: 1,
      driftStart: 22,
      driftEnd: 41,
      averageConfidence: 6.3,
    });
    expect(content.headline).toBe(
      '2 milestones landed (1 on time); 2 re-plans moved dates by 43 days; 1 still overdue at the end of the period.',
    );
  });

  it('keeps only the period’s check-ins: trends, latest note per priority, blockers', () => {
    expect(content.confidenceTrends).toEqual([
      { priorityTitle: 'Hire two AEs', points: [{ date: '2026-03-04', confidence: 5 }] },
      {
        priorityTitle: 'Pipeline 3x',
        points: [
          { date: '2026-01-07', confidence: 6 },
          { date: '2026-02-04', confidence: 8 },
        ],
      },
    ]);
    expect(content.highlights.map((h) => [h.priorityTitle, h.date])).toEqual([
      ['Hire two AEs', '2026-03-04'],
      ['Pipeline 3x', '2026-02-04'],
    ]);
    expect(content.blockers).toEqual([
      { priorityTitle: 'Pipeline 3x', date: '2026-02-04', text: 'Waiting on CRM export from client IT' },
    ]);
  });

  it('looks ahead one period of the same length: active priorities by rank with their milestones due', () => {
    expect(content.nextPeriod).toEqual({ start: '2026-04-01', end: '2026-06-29' });
    expect(content.nextPeriodPriorities).toEqual([
      {
        title: 'Pipeline 3x',
        rank: 1,
        ownerName: 'Kim',
        health: 'on_track',
        targetDate: '2026-05-31',
        milestonesDue: [],
      },
      {
        title: 'Hire two AEs',
        rank: 2,
        ownerName: 'Sam',
        health: 'at_risk',
        targetDate: '2026-06-30',
        milestonesDue: [{ title: 'First offer', dueDate: '2026-04-20' }],
      },
    ]);
    expect(content.driftTrend).toEqual([
      { date: '2026-01-04', score: 22 },
      { date: '2026-03-29', score: 41 },
    ]);
  });
});

describe('headline', () => {
  const none = {
    milestonesLanded: 0,
    landedOnTime: 0,
    landedLate: 0,
    replans: 0,
    daysSlipped: 0,
    openOverdue: 0,
    driftStart: null,
    driftEnd: null,
    averageConfidence: null,
  };
  it('says so when nothing happened yet', () => {
    expect(headline(none)).toBe('No milestones landed this period; no dates moved.');
  });
  it('says "all on time" and uses the singular', () => {
    expect(headline({ ...none, milestonesLanded: 1, landedOnTime: 1, replans: 1, daysSlipped: 1 })).toBe(
      '1 milestone landed (all on time); 1 re-plan moved dates by 1 day.',
    );
  });
});

function m(
  id: string,
  priorityId: string,
  title: string,
  baselineDueDate: string,
  dueDate: string,
  status: ReportFacts['milestones'][number]['status'],
  completedOn: string | null,
): ReportFacts['milestones'][number] {
  return { id, priorityId, title, baselineDueDate, dueDate, status, completedOn };
}

function ci(priorityId: string, createdOn: string, confidence: number, blockers: string | null) {
  return {
    priorityId,
    createdOn,
    rag: 'on_track',
    confidence,
    note: `Update ${createdOn}`,
    blockers,
    authorName: 'Dana',
  };
}

describe('overdue at the end of a period that runs into the future', () => {
  it('counts what is overdue today, not what will be by the period’s end', () => {
    const content = buildReportContent({
      ...facts,
      generatedOn: '2026-03-10',
      period: { start: '2026-01-01', end: '2026-06-30' },
    });
    // m3 is due 2026-03-25 and m4 2026-04-20: neither is overdue on 2026-03-10.
    expect(content.figures.openOverdue).toBe(0);
  });
});

describe('renderReportPdf', () => {
  it('gives the same bytes for the same report (a stable document ID and creation date)', async () => {
    const content = buildReportContent(facts);
    const [first, second] = [await renderReportPdf(content), await renderReportPdf(content)];
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });
});

describe('reportPulse (the client pulse of a period)', () => {
  const period = { start: '2026-10-01', end: '2026-12-31' };
  it('the mean of the period, the period before, and the comments', () => {
    expect(
      reportPulse(
        [
          { createdOn: '2026-08-15', score: 2, comment: 'Slow start' },
          { createdOn: '2026-10-03', score: 4, comment: ' Better ' },
          { createdOn: '2026-11-03', score: 5, comment: null },
          { createdOn: '2027-01-02', score: 1, comment: 'after the period' },
        ],
        period,
      ),
    ).toEqual({
      answers: 2,
      mean: 4.5,
      previousMean: 2,
      comments: [{ date: '2026-10-03', score: 4, comment: 'Better' }],
    });
  });
  it('no answers: no mean', () => {
    expect(reportPulse([], period)).toEqual({ answers: 0, mean: null, previousMean: null, comments: [] });
  });
});
