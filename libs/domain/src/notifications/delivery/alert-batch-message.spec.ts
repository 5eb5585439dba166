import {
  renderAlertBatchEmail,
  renderNotificationEmail,
  severityBreakdown,
  slackBatchMessage,
  slackNotification,
  type AlertBatchPayload,
  type BatchedAlert,
} from './alert-batch-message';
import type { AlertNotificationPayload } from './alert-message';

const listed = (n: number, overrides: Partial<BatchedAlert> = {}): BatchedAlert => ({
  id: `a${n}`,
  event: 'alert.raised',
  rule: 'milestone_overdue',
  severity: 'warning',
  message: `‘Milestone ${n}’ is ${n} days overdue`,
  engagementId: 'e1',
  clientName: 'Acme Robotics',
  engagementLabel: 'Acme Robotics — CRO (Dana)',
  subjectType: 'milestone',
  subjectId: `m${n}`,
  firstSeenAt: '2026-03-04T08:00:00.000Z',
  lastSeenAt: '2026-03-04T08:00:00.000Z',
  link: `https://app.throughline.test/engagements/e1?alert=a${n}`,
  ...overrides,
});

function batch(
  total: number,
  alerts: BatchedAlert[],
  bySeverity = { critical: 0, warning: total, info: 0 },
  raised = total,
): AlertBatchPayload {
  return {
    outboxId: '6f1c9a52-7d3e-4a8b-9c0d-1e2f3a4b5c6d',
    event: 'alerts.batch',
    batch: { total, raised, escalated: total - raised, bySeverity, alerts },
    link: 'https://app.throughline.test/alerts',
  };
}

describe('severityBreakdown', () => {
  it('lists the non-zero severities, worst first, in words', () => {
    expect(severityBreakdown({ critical: 3, warning: 12, info: 40 })).toBe('3 critical, 12 warning and 40 info');
    expect(severityBreakdown({ critical: 0, warning: 2, info: 5 })).toBe('2 warning and 5 info');
    expect(severityBreakdown({ critical: 0, warning: 0, info: 7 })).toBe('7 info');
  });
});

describe('renderAlertBatchEmail', () => {
  it('says how many and how bad in the subject, tagged with the worst severity', () => {
    const payload = batch(55, [listed(1, { severity: 'critical' })], { critical: 3, warning: 12, info: 40 });
    expect(renderAlertBatchEmail(payload, 'Dana').subject).toBe(
      '[critical] 55 new drift alerts: 3 critical, 12 warning and 40 info',
    );
    expect(renderAlertBatchEmail(batch(6, [listed(1)], undefined, 0), null).subject).toBe(
      '[warning] 6 alerts escalated: 6 warning',
    );
    expect(renderAlertBatchEmail(batch(6, [listed(1)], undefined, 4), null).subject).toBe(
      '[warning] 6 drift alerts raised or escalated: 6 warning',
    );
  });

  it('lists every listed alert with its own link in both parts, and counts the rest', () => {
    const alerts = Array.from({ length: 10 }, (_, i) => listed(i + 1));
    const { html, text } = renderAlertBatchEmail(batch(14, alerts), 'Dana');
    for (const a of alerts) {
      expect(text).toContain(a.message);
      expect(text).toContain(a.link);
      expect(html).toContain(`href="${a.link.replace(/&/g, '&amp;')}"`);
    }
    expect(text).toContain('…and 4 more in the alerts inbox.');
    expect(html).toContain('…and 4 more in the alerts inbox.');
    expect(text).toContain('Open the alerts inbox: https://app.throughline.test/alerts');
    expect(text.startsWith('Hi Dana,')).toBe(true);
  });

  it('has no "more" line when every alert is listed, and escapes what the alerts say', () => {
    const alerts = Array.from({ length: 6 }, (_, i) =>
      listed(i + 1, i === 0 ? { message: '<script>alert(1)</script> is late' } : {}),
    );
    const { html, text } = renderAlertBatchEmail(batch(6, alerts), null);
    expect(text).not.toContain('more in the alerts inbox');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(text.startsWith('Hello,')).toBe(true);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderAlertBatchEmail({ ...batch(6, [listed(1)]), link: 'javascript:alert(1)' }, null)).toThrow(
      /http/,
    );
    expect(() => renderAlertBatchEmail(batch(6, [listed(1, { link: 'data:text/html,x' })]), null)).toThrow(/http/);
  });
});

describe('slackBatchMessage', () => {
  it('shows the headline, at most ten alerts as links, and the rest as a count', () => {
    const alerts = Array.from({ length: 10 }, (_, i) => listed(i + 1));
    const { text, blocks } = slackBatchMessage(batch(25, alerts));
    expect(text.split('\n')[0]).toBe('*25 new drift alerts: 25 warning*');
    expect(text.match(/^• /gm)).toHaveLength(10);
    expect(text).toContain('…and 15 more');
    expect(text).toContain('<https://app.throughline.test/alerts|Open the alerts inbox>');
    expect(blocks).toHaveLength(1);
  });

  it('escapes Slack control characters in messages', () => {
    const { text } = slackBatchMessage(batch(6, [listed(1, { message: '<!channel> & friends' })]));
    expect(text).toContain('&lt;!channel&gt; &amp; friends');
    expect(text).not.toContain('<!channel>');
  });
});

describe('renderNotificationEmail / slackNotification', () => {
  it('render a batch as a batch and a single alert as a single alert', () => {
    const single: AlertNotificationPayload = {
      outboxId: 'o1',
      event: 'alert.raised',
      link: 'https://app.throughline.test/engagements/e1?alert=a1',
      alert: { ...listed(1), details: { daysOverdue: 1 } },
    };
    expect(renderNotificationEmail(single, 'Dana').subject).toBe(
      '[warning] ‘Milestone 1’ is 1 days overdue — Acme Robotics',
    );
    expect(renderNotificationEmail(batch(6, [listed(1)]), 'Dana').subject).toBe(
      '[warning] 6 new drift alerts: 6 warning',
    );
    expect(slackNotification(batch(6, [listed(1)])).text).toContain('6 new drift alerts');
    expect(slackNotification(single).text).toContain('‘Milestone 1’ is 1 days overdue');
  });
});

describe('the batch email’s opt-out and health', () => {
  it('carries the same one-click opt-out as a single alert, and each engagement’s headline word', () => {
    const optOut = 'https://app.throughline.test/api/v1/notifications/unsubscribe?token=t';
    const { text, html, headers } = renderAlertBatchEmail(
      batch(2, [listed(1, { engagementHealth: 'Off track' }), listed(2)]),
      'Dana',
      optOut,
    );
    expect(text).toContain(`Stop alert emails (one click): ${optOut}`);
    expect(headers?.['List-Unsubscribe']).toBe(`<${optOut}>`);
    expect(html).toContain('Milestone overdue · Acme Robotics · engagement off track');
  });
});
