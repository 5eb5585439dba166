import {
  engagementHealthStory,
  executiveHeadline,
  priorityHealthStory,
  type ExecutiveHeadlineFacts,
  type PriorityHealthFacts,
} from './headline';

const thresholds = { healthAtRiskBelow: 0.15, healthOffTrackBelow: 0.3, overdueAtRiskDays: 7 };
const today = '2026-06-01';
const base: PriorityHealthFacts = {
  title: 'Pipeline rebuild',
  status: 'active',
  progress: 0.5,
  expected: 0.5,
  targetDate: '2026-12-31',
  reportedRag: 'on_track',
  oldestOpenDueDate: null,
  overdueMilestones: 0,
};

describe('priorityHealthStory', () => {
  it('agrees: on track both ways, one word and no note', () => {
    expect(priorityHealthStory(base, today, thresholds)).toMatchObject({
      headline: 'on_track',
      computed: 'on_track',
      reported: 'on_track',
      note: null,
    });
  });

  it('reported on track, a milestone 25 days overdue: the headline is at risk and the note says why', () => {
    // 2026-05-07 → 2026-06-01 is 25 days: more than 7 (at risk), not more than 28 (off track)
    const story = priorityHealthStory(
      { ...base, oldestOpenDueDate: '2026-05-07', overdueMilestones: 1 },
      today,
      thresholds,
    );
    expect(story).toMatchObject({ headline: 'at_risk', computed: 'at_risk', reported: 'on_track' });
    expect(story.note).toBe('reported on track; computed at risk: 1 milestone 25 days overdue');
  });

  it('counts several overdue milestones by the oldest', () => {
    const story = priorityHealthStory(
      { ...base, oldestOpenDueDate: '2026-04-22', overdueMilestones: 3 },
      today,
      thresholds,
    );
    // 40 days > 28 → off track
    expect(story.note).toBe('reported on track; computed off track: 3 milestones overdue, the oldest by 40 days');
  });

  it('explains a ratio gap with the percentages', () => {
    // 0.5 − 0.25 = 0.25 behind: at risk
    const story = priorityHealthStory({ ...base, progress: 0.25 }, today, thresholds);
    expect(story.note).toBe('reported on track; computed at risk: 25% done, 50% expected by today');
  });

  it('a report worse than the numbers wins the headline, and still shows both', () => {
    const story = priorityHealthStory({ ...base, reportedRag: 'off_track' }, today, thresholds);
    expect(story).toMatchObject({ headline: 'off_track', computed: 'on_track', reported: 'off_track' });
    expect(story.note).toBe('reported off track; computed on track: 50% done, 50% expected by today');
  });

  it('past its target the priority is overdue, and off track reported agrees in colour (no note)', () => {
    const late = { ...base, targetDate: '2026-05-20' };
    expect(priorityHealthStory({ ...late, reportedRag: 'off_track' }, today, thresholds)).toMatchObject({
      headline: 'overdue',
      note: null,
    });
    expect(priorityHealthStory(late, today, thresholds).note).toBe(
      'reported on track; computed overdue: target date passed 12 days ago',
    );
  });

  it('no check-in yet: the numbers alone, no note', () => {
    expect(priorityHealthStory({ ...base, reportedRag: null, progress: 0 }, today, thresholds)).toMatchObject({
      headline: 'off_track',
      reported: null,
      note: null,
    });
  });

  it('achieved and dropped priorities are their outcome, whatever was reported', () => {
    expect(
      priorityHealthStory({ ...base, status: 'achieved', progress: 0, reportedRag: 'off_track' }, today, thresholds),
    ).toMatchObject({ headline: 'achieved', note: null });
    expect(priorityHealthStory({ ...base, status: 'dropped' }, today, thresholds)).toMatchObject({
      headline: 'dropped',
    });
  });
});

describe('engagementHealthStory', () => {
  it('takes the worst active priority and names it in the note when there are several', () => {
    const story = engagementHealthStory(
      [
        base,
        { ...base, title: 'Pricing', oldestOpenDueDate: '2026-05-07', overdueMilestones: 1 },
        { ...base, title: 'Old one', status: 'achieved', progress: 1 },
      ],
      today,
      thresholds,
    );
    expect(story).toMatchObject({ headline: 'at_risk', computed: 'at_risk', reported: 'on_track' });
    expect(story.note).toBe('reported on track; computed at risk: Pricing: 1 milestone 25 days overdue');
    expect(story.priorities.map((p) => p.headline)).toEqual(['on_track', 'at_risk', 'achieved']);
  });

  it('one active priority: the note is the priority’s own', () => {
    const story = engagementHealthStory(
      [{ ...base, oldestOpenDueDate: '2026-05-07', overdueMilestones: 1 }],
      today,
      thresholds,
    );
    expect(story.note).toBe('reported on track; computed at risk: 1 milestone 25 days overdue');
  });

  it('a worried report anywhere makes the engagement that colour', () => {
    const story = engagementHealthStory(
      [base, { ...base, title: 'Hiring', reportedRag: 'at_risk' }],
      today,
      thresholds,
    );
    expect(story).toMatchObject({ headline: 'at_risk', computed: 'on_track', reported: 'at_risk' });
    expect(story.note).toBe('reported at risk; computed on track: Pipeline rebuild: 50% done, 50% expected by today');
  });

  it('has no headline without an active priority', () => {
    expect(engagementHealthStory([{ ...base, status: 'draft' }], today, thresholds)).toMatchObject({
      headline: null,
      computed: null,
      reported: null,
      note: null,
    });
  });
});

describe('executiveHeadline (the client executive’s one sentence)', () => {
  const facts: ExecutiveHeadlineFacts = {
    headline: 'on_track',
    milestonesDone: 6,
    milestonesTotal: 9,
    openSlipDays: [],
    clientAsks: 0,
  };

  it('on track: the word and what is done', () => {
    expect(executiveHeadline(facts)).toBe('On track: 6 of 9 milestones done');
  });

  it('slipping: one milestone 12 days past its baseline', () => {
    expect(executiveHeadline({ ...facts, headline: 'at_risk', openSlipDays: [12] })).toBe(
      'At risk: 6 of 9 milestones done; 1 slipped 12 days',
    );
  });

  it('slipping: several milestones, said by the worst', () => {
    expect(executiveHeadline({ ...facts, headline: 'off_track', openSlipDays: [3, 20, 1] })).toBe(
      'Off track: 6 of 9 milestones done; 3 slipped, the most by 20 days',
    );
  });

  it('client-blocked: a slip and an ask of the client (the issue’s example)', () => {
    expect(executiveHeadline({ ...facts, openSlipDays: [12], clientAsks: 1 })).toBe(
      'On track: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team',
    );
  });

  it('client-blocked without a slip: how many things wait on the client', () => {
    expect(executiveHeadline({ ...facts, clientAsks: 2 })).toBe(
      'On track: 6 of 9 milestones done; waiting on your team for 2 things',
    );
    expect(executiveHeadline({ ...facts, clientAsks: 1, openSlipDays: [1] })).toBe(
      'On track: 6 of 9 milestones done; 1 slipped 1 day, waiting on your team',
    );
  });

  it('overdue reads as overdue', () => {
    expect(executiveHeadline({ ...facts, headline: 'overdue', milestonesDone: 8 })).toBe(
      'Overdue: 8 of 9 milestones done',
    );
  });

  it('no data yet: no active priority and no milestone', () => {
    expect(executiveHeadline({ ...facts, headline: null, milestonesDone: 0, milestonesTotal: 0 })).toBe(
      'No data yet: no active priorities or milestones to report on',
    );
  });

  it('active priorities without milestones yet', () => {
    expect(executiveHeadline({ ...facts, milestonesDone: 0, milestonesTotal: 0 })).toBe(
      'On track: no milestones planned yet',
    );
  });

  it('no active priority left, finished work still counted', () => {
    expect(executiveHeadline({ ...facts, headline: null, milestonesDone: 9 })).toBe(
      'No active priorities: 9 of 9 milestones done',
    );
  });
});
