import type { AlertBatchPayload, BatchedAlert } from './alert-batch-message';
import type { AlertNotificationPayload } from './alert-message';
import { ADAPTIVE_CARD, escapeTeams, teamsBatchMessage, teamsMessage, teamsNotification } from './teams-message';

const single = (alert: Partial<AlertNotificationPayload['alert']> = {}): AlertNotificationPayload => ({
  outboxId: '6f1c9a52-7d3e-4a8b-9c0d-1e2f3a4b5c6d',
  event: 'alert.raised',
  link: 'https://app.throughline.test/alerts/a1',
  alert: {
    id: 'a1',
    rule: 'milestone_overdue',
    severity: 'critical',
    message: '‘Hire two AEs’ is 20 days overdue',
    details: { daysOverdue: 20 },
    engagementId: 'e1',
    clientName: 'Acme Robotics',
    engagementLabel: 'Fractional CRO',
    subjectType: 'milestone',
    subjectId: 'm1',
    firstSeenAt: '2026-03-04T08:00:00.000Z',
    lastSeenAt: '2026-03-21T09:15:30.000Z',
    ...alert,
  },
});

const listed = (n: number, overrides: Partial<BatchedAlert> = {}): BatchedAlert => ({
  id: `a${n}`,
  event: 'alert.raised',
  rule: 'milestone_overdue',
  severity: 'warning',
  message: `‘Milestone ${n}’ is ${n} days overdue`,
  engagementId: 'e1',
  clientName: 'Acme Robotics',
  engagementLabel: 'CRO',
  subjectType: 'milestone',
  subjectId: `m${n}`,
  firstSeenAt: '2026-03-04T08:00:00.000Z',
  lastSeenAt: '2026-03-04T08:00:00.000Z',
  link: `https://app.throughline.test/engagements/e1?alert=a${n}`,
  ...overrides,
});

const batch = (total: number, alerts: BatchedAlert[]): AlertBatchPayload => ({
  outboxId: '6f1c9a52-7d3e-4a8b-9c0d-1e2f3a4b5c6d',
  event: 'alerts.batch',
  batch: { total, raised: total, escalated: 0, bySeverity: { critical: 1, warning: total - 1, info: 0 }, alerts },
  link: 'https://app.throughline.test/alerts',
});

describe('teamsMessage', () => {
  it('is one Adaptive Card: title, message, facts, and a link to the alert', () => {
    const message = teamsMessage(single());
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment.contentType).toBe(ADAPTIVE_CARD);
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(attachment.content.body).toEqual([
      {
        type: 'TextBlock',
        text: 'Critical alert: milestone overdue — Acme Robotics · Fractional CRO',
        weight: 'Bolder',
        size: 'Medium',
        color: 'attention',
        wrap: true,
      },
      { type: 'TextBlock', text: '‘Hire two AEs’ is 20 days overdue', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Client', value: 'Acme Robotics' },
          { title: 'Engagement', value: 'Fractional CRO' },
          { title: 'Rule', value: 'Milestone overdue' },
          { title: 'Severity', value: 'critical' },
          { title: 'First seen', value: '2026-03-04 08:00 UTC' },
          { title: 'Last seen', value: '2026-03-21 09:15 UTC' },
        ],
      },
    ]);
    expect(attachment.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Throughline', url: 'https://app.throughline.test/alerts/a1' },
    ]);
  });

  it('says an escalation, and leaves client and engagement out when the alert spans engagements', () => {
    const message = teamsMessage({
      ...single({ clientName: null, engagementLabel: null, severity: 'warning', rule: 'owner_overload' }),
      event: 'alert.escalated',
    });
    const body = message.attachments[0].content.body as Array<{ text?: string; color?: string; facts?: unknown[] }>;
    expect(body[0]).toMatchObject({ text: 'Escalated to warning: owner overload', color: 'warning' });
    expect(body[2].facts).toHaveLength(4);
  });

  it('shows Markdown in names as typed, so a client name cannot forge a link or emphasis', () => {
    const message = teamsMessage(single({ clientName: '[click](https://evil.test) **now**', message: '# <b>hi</b>' }));
    const body = message.attachments[0].content.body as Array<{ text?: string }>;
    expect(body[0].text).toBe(
      'Critical alert: milestone overdue — \\[click\\](https://evil.test) \\*\\*now\\*\\* · Fractional CRO',
    );
    expect(body[1].text).toBe('\\# \\<b\\>hi\\</b\\>');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => teamsMessage({ ...single(), link: 'javascript:alert(1)' })).toThrow(TypeError);
  });
});

describe('teamsBatchMessage', () => {
  it('lists at most ten alerts, each opening itself, and counts the rest', () => {
    const alerts = Array.from({ length: 12 }, (_, i) => listed(i + 1));
    const message = teamsBatchMessage(batch(40, alerts));
    const body = message.attachments[0].content.body as Array<{
      text: string;
      color?: string;
      selectAction?: { url: string };
    }>;
    expect(body[0]).toMatchObject({ text: '40 new drift alerts: 1 critical and 39 warning', color: 'attention' });
    expect(body).toHaveLength(1 + 10 + 1);
    expect(body[1]).toMatchObject({
      text: '\\[warning\\] ‘Milestone 1’ is 1 days overdue — Acme Robotics',
      selectAction: { url: 'https://app.throughline.test/engagements/e1?alert=a1' },
    });
    expect(body[11].text).toBe('…and 30 more');
    expect(message.attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the alerts inbox', url: 'https://app.throughline.test/alerts' },
    ]);
  });

  it('is what teamsNotification sends for a batch, and teamsMessage for one alert', () => {
    expect(teamsNotification(batch(6, [listed(1)]))).toEqual(teamsBatchMessage(batch(6, [listed(1)])));
    expect(teamsNotification(single())).toEqual(teamsMessage(single()));
  });
});

describe('escapeTeams', () => {
  it('escapes Markdown that would link, emphasise or start a list', () => {
    expect(escapeTeams('a_b*c`d~e')).toBe('a\\_b\\*c\\`d\\~e');
    expect(escapeTeams('- item')).toBe('\\- item');
    expect(escapeTeams('1. item')).toBe('1\\. item');
    expect(escapeTeams('Q3 plan - v2 (draft).')).toBe('Q3 plan - v2 (draft).');
  });
});
