import { conditionSince } from '../../drift/alert-age';
import type { DriftRule, Severity, SubjectType } from '../../drift/drift-types';

/**
 * What every channel (email, JSON webhook, Slack) says about one alert. It is stored in the outbox
 * row as JSON when the alert is written, so the message describes the alert as it was when it fired;
 * timestamps are therefore ISO strings, not Dates.
 */
export type AlertNotificationEvent = 'alert.raised' | 'alert.escalated' | 'webhook.disabled';

export interface AlertNotificationPayload {
  /** The outbox row id: the idempotency key receivers see (Message-ID, x-throughline-delivery). */
  outboxId: string;
  event: AlertNotificationEvent;
  alert: {
    id: string;
    rule: DriftRule;
    severity: Severity;
    /** One human sentence, e.g. "‘Hire two AEs’ is 20 days overdue". */
    message: string;
    details: Record<string, string | number | boolean | null>;
    /** Null for alerts that span engagements (owner_overload). */
    engagementId: string | null;
    clientName: string | null;
    engagementLabel: string | null;
    subjectType: SubjectType;
    subjectId: string;
    firstSeenAt: string;
    lastSeenAt: string;
    /**
     * The engagement's headline health when the alert fired, as the dashboard says it ("At risk — reported on
     * track; computed at risk: 1 milestone 25 days overdue"); null or absent for alerts across engagements.
     */
    engagementHealth?: string | null;
  };
  /** Absolute http(s) URL of the alert in the dashboard. */
  link: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** RFC 8058 one-click unsubscribe headers, when the email carries an opt-out link. */
  headers?: Record<string, string>;
}

/** The footer of every notification email: why it came, and with an opt-out link, how to stop it in one click. */
export const WHY_FOOTER =
  'You get this email because drift alerts are switched on for you. Change that in your notification settings.';
const OPT_OUT_LABEL = 'Stop alert emails';

export function footerText(optOutLink?: string): string[] {
  return [
    '—',
    `Throughline · ${WHY_FOOTER}`,
    ...(optOutLink ? [`${OPT_OUT_LABEL} (one click): ${safeHttpUrl(optOutLink)}`] : []),
  ];
}

/** List-Unsubscribe (RFC 2369) with List-Unsubscribe-Post (RFC 8058): mail clients show their own button. */
export function optOutHeaders(optOutLink?: string): Pick<RenderedEmail, 'headers'> {
  if (!optOutLink) return {};
  return {
    headers: {
      'List-Unsubscribe': `<${safeHttpUrl(optOutLink)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** Each severity's chip colour: dark enough for white text to stay readable (WCAG AA). */
export const SEVERITY_COLOURS: Record<Severity, string> = { info: '#1d4ed8', warning: '#b45309', critical: '#b91c1c' };

const INTRO: Record<AlertNotificationEvent, (severity: Severity) => string> = {
  'alert.raised': () => 'Throughline spotted drift that needs a look.',
  'alert.escalated': (severity) => `An alert you were told about has escalated to ${severity}.`,
  'webhook.disabled': () =>
    'A webhook was switched off after repeated delivery failures, so this alert did not reach it. Check the webhook in your settings.',
};

const SUBJECT_PREFIX: Record<AlertNotificationEvent, (severity: Severity) => string> = {
  'alert.raised': (severity) => `[${severity}]`,
  'alert.escalated': (severity) => `[${severity}] Escalated:`,
  'webhook.disabled': () => '[webhook disabled]',
};

export const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export function renderAlertEmail(
  payload: AlertNotificationPayload,
  recipientName: string | null | undefined,
  optOutLink?: string,
): RenderedEmail {
  const { alert } = payload;
  const link = safeHttpUrl(payload.link);
  // The client alone: inbox subject lines get cut off, and the client is what a reader sorts by.
  const client = alert.clientName?.trim();
  const subject = fitSubject(
    SUBJECT_PREFIX[payload.event](alert.severity),
    alert.message,
    client ? ` — ${oneLine(client, 30)}` : '',
  );
  const greeting = recipientName?.trim() ? `Hi ${oneLine(recipientName, 80)},` : 'Hello,';
  const intro = INTRO[payload.event](alert.severity);
  const facts = alertFacts(payload);

  const text = [
    greeting,
    '',
    intro,
    '',
    `[${alert.severity.toUpperCase()}] ${oneLine(alert.message, 500)}`,
    '',
    ...alignedFacts(facts),
    '',
    `Open in Throughline: ${link}`,
    '',
    ...footerText(optOutLink),
  ].join('\n');

  const factRows = facts
    .map(
      ([label, value]) =>
        `<tr><td style="padding:4px 12px 4px 0;font-family:${FONT};font-size:13px;line-height:18px;color:#6b7280;white-space:nowrap;vertical-align:top;">${escapeHtml(label)}</td>` +
        `<td style="padding:4px 0;font-family:${FONT};font-size:13px;line-height:18px;color:#111827;vertical-align:top;">${escapeHtml(value)}</td></tr>`,
    )
    .join('');

  const html = emailDocument({
    subject,
    preheader: oneLine(alert.message, 140),
    rows: `<tr><td style="padding:16px 32px 0 32px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td bgcolor="${SEVERITY_COLOURS[alert.severity]}" style="background-color:${SEVERITY_COLOURS[alert.severity]};border-radius:10px;padding:3px 10px;font-family:${FONT};font-size:11px;line-height:14px;font-weight:bold;letter-spacing:0.5px;color:#ffffff;">${escapeHtml(alert.severity.toUpperCase())}</td>
<td style="padding-left:10px;font-family:${FONT};font-size:13px;color:#6b7280;">${escapeHtml(ruleLabel(alert.rule))}</td>
</tr></table>
</td></tr>
<tr><td style="padding:16px 32px 0 32px;font-family:${FONT};font-size:20px;line-height:28px;font-weight:bold;color:#111827;">${escapeHtml(alert.message)}</td></tr>
<tr><td style="padding:12px 32px 0 32px;font-family:${FONT};font-size:14px;line-height:21px;color:#374151;">${escapeHtml(greeting)} ${escapeHtml(intro)}</td></tr>
<tr><td style="padding:16px 32px 0 32px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0">${factRows}</table></td></tr>
${emailButtonRow(link, 'Open in Throughline')}
<tr><td style="padding:12px 32px 0 32px;font-family:${FONT};font-size:12px;line-height:18px;color:#6b7280;word-break:break-all;">Or paste this link into your browser: ${escapeHtml(link)}</td></tr>
`,
    optOutLink,
  });
  return { subject, html, text, ...optOutHeaders(optOutLink) };
}

/**
 * The document around every notification email: table layout and inline styles only (Outlook and Gmail drop
 * <style> blocks and ignore flex/grid), 600 px, the wordmark on top and the why-you-get-this footer. `rows` are
 * the `<tr>` rows in between; `preheader` is the hidden line inboxes show after the subject.
 */
export function emailDocument({
  subject,
  preheader,
  rows,
  optOutLink,
}: {
  subject: string;
  preheader: string;
  rows: string;
  /** The one-click opt-out link (signed), shown in the footer. */
  optOutLink?: string;
}): string {
  const optOut = optOutLink
    ? ` <a href="${escapeHtml(safeHttpUrl(optOutLink))}" style="color:#6b7280;">${OPT_OUT_LABEL}</a>.`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;background-color:#ffffff;border:1px solid #e3e5e8;border-radius:6px;">
<tr><td style="padding:24px 32px 0 32px;font-family:${FONT};font-size:13px;font-weight:bold;letter-spacing:0.5px;color:#6b7280;">THROUGHLINE</td></tr>
${rows}<tr><td style="padding:24px 32px 24px 32px;font-family:${FONT};font-size:12px;line-height:18px;color:#9ca3af;border-top:1px solid #f0f1f3;">${escapeHtml(WHY_FOOTER)}${optOut}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** A dark button row linking to `link` (already checked to be http(s)). */
export function emailButtonRow(link: string, label: string): string {
  return `<tr><td style="padding:24px 32px 0 32px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="#111827" style="background-color:#111827;border-radius:4px;"><a href="${escapeHtml(link)}" target="_blank" style="display:inline-block;padding:12px 22px;font-family:${FONT};font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;">${escapeHtml(label)}</a></td>
</tr></table>
</td></tr>`;
}

/** Slack mrkdwn: a bold title line, the message, a link. Also the `text` fallback of slackMessage. */
export function slackText(payload: AlertNotificationPayload): string {
  const { alert } = payload;
  const context = contextLine(payload);
  const title = `${slackTitle(payload)}${context ? ` — ${context}` : ''}`;
  return [
    `*${escapeSlack(oneLine(title, 300))}*`,
    escapeSlack(oneLine(alert.message, 1000)),
    `<${slackUrl(payload.link)}|Open in Throughline>`,
  ].join('\n');
}

/** Body for a Slack-compatible incoming webhook; receivers that ignore `blocks` still show `text`. */
export function slackMessage(payload: AlertNotificationPayload): { text: string; blocks: unknown[] } {
  const { alert } = payload;
  const text = slackText(payload);
  return {
    text,
    blocks: [
      // 3000 characters is Slack's limit for a section's text.
      { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: escapeSlack(
              `${ruleLabel(alert.rule)} · first seen ${formatTimestamp(alert.firstSeenAt)} · last seen ${formatTimestamp(alert.lastSeenAt)}`,
            ),
          },
        ],
      },
    ],
  };
}

export function slackTitle(payload: AlertNotificationPayload): string {
  const { severity, rule } = payload.alert;
  const label = ruleLabel(rule).toLowerCase();
  switch (payload.event) {
    case 'alert.raised':
      return `${capitalize(severity)} alert: ${label}`;
    case 'alert.escalated':
      return `Escalated to ${severity}: ${label}`;
    case 'webhook.disabled':
      return `Webhook disabled (${severity} alert: ${label})`;
  }
}

function alertFacts(payload: AlertNotificationPayload): Array<[string, string]> {
  const { alert } = payload;
  const facts: Array<[string, string]> = [];
  if (alert.clientName) facts.push(['Client', alert.clientName]);
  if (alert.engagementLabel) facts.push(['Engagement', alert.engagementLabel]);
  // The one health story: the engagement's headline as the dashboard and the digest say it.
  if (alert.engagementHealth) facts.push(['Engagement health', alert.engagementHealth]);
  facts.push(['Rule', ruleLabel(alert.rule)], ['Severity', alert.severity]);
  // Since when the condition has held (a milestone overdue since …), not only when a scan first saw it.
  const since = conditionSince(alert.rule, alert.details ?? {});
  if (since) facts.push(['Since', since]);
  facts.push(['First seen', formatTimestamp(alert.firstSeenAt)], ['Last seen', formatTimestamp(alert.lastSeenAt)]);
  for (const [key, value] of Object.entries(alert.details ?? {})) {
    if (value === null || value === undefined) continue;
    facts.push([detailLabel(key), typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)]);
  }
  return facts.map(([label, value]) => [label, oneLine(value, 300)]);
}

function alignedFacts(facts: Array<[string, string]>): string[] {
  const width = Math.max(...facts.map(([label]) => label.length)) + 2;
  return facts.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
}

export function contextLine(payload: AlertNotificationPayload): string {
  return [payload.alert.clientName, payload.alert.engagementLabel]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(' · ');
}

/** 'milestone_overdue' → 'Milestone overdue'. */
export function ruleLabel(rule: string): string {
  return capitalize(rule.replace(/_/g, ' '));
}

/** 'daysOverdue' / 'days_overdue' → 'Days overdue'. */
function detailLabel(key: string): string {
  return capitalize(
    key
      .replace(/_/g, ' ')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase(),
  );
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Recipients live in many time zones and the payload does not know theirs, so say UTC out loud. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Subjects and table cells are one line: a title with a newline must not break headers or layout. */
/** Inboxes cut subjects near here; every notification subject stays within it. */
export const SUBJECT_MAX = 80;

/**
 * `prefix message suffix` on one line within SUBJECT_MAX characters: the message is shortened (with "…") so that
 * the severity tag in front and the client behind both survive.
 */
export function fitSubject(prefix: string, message: string, suffix = ''): string {
  const head = oneLine(prefix, 30);
  const tail = suffix ? ` ${oneLine(suffix, SUBJECT_MAX)}` : '';
  const room = Math.max(10, SUBJECT_MAX - head.length - 1 - tail.length);
  return oneLine(`${head} ${oneLine(message, room)}${tail}`, SUBJECT_MAX);
}

export function oneLine(value: string, maxLength: number): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack only decodes these three; escaping them is what stops a title from forming <!channel> or a link. */
export function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackUrl(link: string): string {
  return safeHttpUrl(link).replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** A javascript: or data: link in an email button would be an injection, so only http(s) passes. */
export function safeHttpUrl(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new TypeError(`Alert link is not an absolute URL: ${link}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Alert link must be http(s): ${link}`);
  return url.href;
}
