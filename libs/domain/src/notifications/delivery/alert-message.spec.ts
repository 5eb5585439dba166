import { fitSubject, renderAlertEmail, slackMessage, slackText, type AlertNotificationPayload } from './alert-message';

function payload(
  overrides: Partial<AlertNotificationPayload> = {},
  alert: Partial<AlertNotificationPayload['alert']> = {},
): AlertNotificationPayload {
  return {
    outboxId: '6f1c9a52-7d3e-4a8b-9c0d-1e2f3a4b5c6d',
    event: 'alert.raised',
    link: 'https://app.throughline.test/alerts/a1?from=email&x=1',
    ...overrides,
    alert: {
      id: 'a1',
      rule: 'milestone_overdue',
      severity: 'critical',
      message: '‘Hire two AEs’ is 20 days overdue',
      details: { daysOverdue: 20, dueDate: '2026-03-01', replanned: false, owner: null },
      engagementId: 'e1',
      clientName: 'Acme Robotics',
      engagementLabel: 'Fractional CRO',
      subjectType: 'milestone',
      subjectId: 'm1',
      firstSeenAt: '2026-03-04T08:00:00.000Z',
      lastSeenAt: '2026-03-21T09:15:30.000Z',
      ...alert,
    },
  };
}

describe('renderAlertEmail', () => {
  it('puts severity, message and client in the subject', () => {
    expect(renderAlertEmail(payload(), 'Dana').subject).toBe(
      '[critical] ‘Hire two AEs’ is 20 days overdue — Acme Robotics',
    );
    expect(renderAlertEmail(payload({ event: 'alert.escalated' }), 'Dana').subject).toMatch(
      /^\[critical\] Escalated: /,
    );
  });

  it('leaves the context out of the subject when the alert spans engagements', () => {
    const rendered = renderAlertEmail(
      payload({}, { clientName: null, engagementLabel: null, engagementId: null, rule: 'owner_overload' }),
      'Dana',
    );
    expect(rendered.subject).toBe('[critical] ‘Hire two AEs’ is 20 days overdue');
  });

  it('has an HTML part and a plain-text part with the same facts and the link', () => {
    const { html, text } = renderAlertEmail(payload(), 'Dana');
    for (const fact of [
      'Acme Robotics',
      'Fractional CRO',
      'Milestone overdue',
      '2026-03-04 08:00 UTC',
      '2026-03-21 09:15 UTC',
      'Days overdue',
      '20',
      'Due date',
      'Replanned',
      'Hi Dana,',
    ]) {
      expect(text).toContain(fact);
      expect(html).toContain(fact);
    }
    expect(text).not.toContain('Owner'); // null details are left out
    expect(text).toContain('Open in Throughline: https://app.throughline.test/alerts/a1?from=email&x=1');
    expect(html).toContain('href="https://app.throughline.test/alerts/a1?from=email&amp;x=1"');
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('is laid out for email clients: tables, inline styles, 600px, a severity chip', () => {
    const { html } = renderAlertEmail(payload(), 'Dana');
    expect(html).toContain('width="600"');
    expect(html).toContain('role="presentation"');
    expect(html).not.toMatch(/<style|class=/);
    expect(html).toContain('background-color:#b91c1c'); // critical
    expect(renderAlertEmail(payload({}, { severity: 'info' }), 'Dana').html).toContain('background-color:#1d4ed8');
  });

  it('escapes every interpolated text', () => {
    const hostile = '<script>alert(1)</script> "quoted" & \'single\' <img src=x onerror=alert(2)>';
    const { html, subject, text } = renderAlertEmail(
      payload(
        {},
        {
          message: hostile,
          clientName: '<b>Evil</b> Corp',
          engagementLabel: '"><a href="x">',
          details: { '<k>': '<v>' },
        },
      ),
      '<i>Dana</i>',
    );
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<a href="x"|<k>|<v>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt; Corp');
    expect(html).toContain('Hi &lt;i&gt;Dana&lt;/i&gt;,');
    // The plain-text part and the subject are not HTML: they keep the characters as they are.
    expect(text).toContain(hostile);
    expect(subject).toContain('<b>Evil</b> Corp');
  });

  it('keeps the subject on one line whatever the message holds', () => {
    const { subject } = renderAlertEmail(payload({}, { message: 'first\r\nBcc: victim@example.com\tsecond' }), 'Dana');
    expect(subject).toBe('[critical] first Bcc: victim@example.com second — Acme Robotics');
  });

  it('greets without a name when there is none', () => {
    expect(renderAlertEmail(payload(), null).text.startsWith('Hello,\n')).toBe(true);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderAlertEmail(payload({ link: 'javascript:alert(1)' }), 'Dana')).toThrow(/http/);
    expect(() => renderAlertEmail(payload({ link: '/alerts/a1' }), 'Dana')).toThrow(/absolute/);
  });
});

describe('slackText / slackMessage', () => {
  it('is a bold title line, the message and a link', () => {
    expect(slackText(payload()).split('\n')).toEqual([
      '*Critical alert: milestone overdue — Acme Robotics · Fractional CRO*',
      '‘Hire two AEs’ is 20 days overdue',
      '<https://app.throughline.test/alerts/a1?from=email&x=1|Open in Throughline>',
    ]);
    expect(slackText(payload({ event: 'alert.escalated' })).split('\n')[0]).toBe(
      '*Escalated to critical: milestone overdue — Acme Robotics · Fractional CRO*',
    );
  });

  it('escapes Slack control characters so a title cannot mention @channel or forge a link', () => {
    const text = slackText(
      payload({ link: 'https://x.test/a?b=<c>|d' }, { message: '<!channel> see <https://evil.test|here> & more' }),
    );
    expect(text).toContain('&lt;!channel&gt; see &lt;https://evil.test|here&gt; &amp; more');
    expect(text).toContain('<https://x.test/a?b=%3Cc%3E%7Cd|Open in Throughline>');
  });

  it('builds an incoming-webhook body with a text fallback and blocks', () => {
    const message = slackMessage(payload());
    expect(message.text).toBe(slackText(payload()));
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: message.text } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Milestone overdue · first seen 2026-03-04 08:00 UTC · last seen 2026-03-21 09:15 UTC',
          },
        ],
      },
    ]);
  });

  it('keeps every subject within 80 characters: the message is shortened, the severity and the client stay', () => {
    const long = `‘${'Rebuild the enterprise pipeline with two new segments '.repeat(3)}’ is 25 days overdue`;
    const { subject } = renderAlertEmail(payload({}, { message: long, clientName: 'Brightleaf Health' }), 'Dana');
    expect(subject.length).toBeLessThanOrEqual(80);
    expect(subject.startsWith('[critical] ‘Rebuild the enterprise pipeline')).toBe(true);
    expect(subject.endsWith('… — Brightleaf Health')).toBe(true);
    const escalated = renderAlertEmail(payload({ event: 'alert.escalated' }, { message: long }), 'Dana').subject;
    expect(escalated.length).toBeLessThanOrEqual(80);
    expect(escalated.startsWith('[critical] Escalated: ‘Rebuild')).toBe(true);
  });

  it('leaves a short subject as it is', () => {
    expect(fitSubject('[info]', 'Short', ' — Acme')).toBe('[info] Short — Acme');
  });

  it('carries a one-click opt-out: a link in the text and HTML footers and the RFC 8058 headers', () => {
    const optOut = 'https://app.throughline.test/api/v1/notifications/unsubscribe?token=org.addr.123.sig';
    const { html, text, headers } = renderAlertEmail(payload(), 'Dana', optOut);
    expect(text).toContain(`Stop alert emails (one click): ${optOut}`);
    expect(html).toContain(`<a href="${optOut}" style="color:#6b7280;">Stop alert emails</a>`);
    expect(headers).toEqual({
      'List-Unsubscribe': `<${optOut}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(renderAlertEmail(payload(), 'Dana').headers).toBeUndefined();
    expect(() => renderAlertEmail(payload(), 'Dana', 'javascript:alert(1)')).toThrow(/http/);
  });

  it('says the engagement’s headline health, as the dashboard does, when the alert is about one', () => {
    const health = 'At risk — reported on track; computed at risk: 1 milestone 25 days overdue';
    const { text, html } = renderAlertEmail(payload({}, { engagementHealth: health }), 'Dana');
    expect(text).toMatch(
      /Engagement health: +At risk — reported on track; computed at risk: 1 milestone 25 days overdue/,
    );
    expect(html).toContain('Engagement health');
    expect(renderAlertEmail(payload(), 'Dana').text).not.toContain('Engagement health');
  });
});
