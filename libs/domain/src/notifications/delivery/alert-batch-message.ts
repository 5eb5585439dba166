import type { Severity } from '../../drift/drift-types';
import {
  emailButtonRow,
  emailDocument,
  escapeHtml,
  escapeSlack,
  fitSubject,
  FONT,
  footerText,
  oneLine,
  optOutHeaders,
  renderAlertEmail,
  ruleLabel,
  safeHttpUrl,
  SEVERITY_COLOURS,
  slackMessage,
  slackUrl,
  type AlertNotificationPayload,
  type RenderedEmail,
} from './alert-message';

/** One alert as listed in a batch: the single-alert fields but its details, what happened to it, and its own link. */
export type BatchedAlert = Omit<AlertNotificationPayload['alert'], 'details'> & {
  event: 'alert.raised' | 'alert.escalated';
  link: string;
};

/**
 * Many alerts for one recipient from one scan, in one message: a first scan of a large portfolio, or a bad
 * week, must not bury someone under hundreds of emails or flood a Slack channel.
 */
export interface AlertBatchPayload {
  outboxId: string;
  event: 'alerts.batch';
  batch: {
    total: number;
    raised: number;
    escalated: number;
    bySeverity: Record<Severity, number>;
    /** The most severe first; at most a screenful (the rest are counted in `total`). */
    alerts: BatchedAlert[];
  };
  /** The alerts inbox in the dashboard. */
  link: string;
}

export type NotificationPayload = AlertNotificationPayload | AlertBatchPayload;

export function renderNotificationEmail(
  payload: NotificationPayload,
  recipientName: string | null | undefined,
  optOutLink?: string,
): RenderedEmail {
  return payload.event === 'alerts.batch'
    ? renderAlertBatchEmail(payload, recipientName, optOutLink)
    : renderAlertEmail(payload, recipientName, optOutLink);
}

export function slackNotification(payload: NotificationPayload): { text: string; blocks: unknown[] } {
  return payload.event === 'alerts.batch' ? slackBatchMessage(payload) : slackMessage(payload);
}

/** "3 critical, 12 warning and 40 info". */
export function severityBreakdown(bySeverity: Record<Severity, number>): string {
  const parts = (['critical', 'warning', 'info'] as const)
    .filter((s) => bySeverity[s] > 0)
    .map((s) => `${bySeverity[s]} ${s}`);
  return parts.length <= 1 ? (parts[0] ?? '0') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function headline({ batch }: AlertBatchPayload): string {
  const what =
    batch.escalated === 0
      ? 'new drift alerts'
      : batch.raised === 0
        ? 'alerts escalated'
        : 'drift alerts raised or escalated';
  return `${batch.total} ${what}: ${severityBreakdown(batch.bySeverity)}`;
}

function worstSeverity({ batch }: AlertBatchPayload): Severity {
  return batch.bySeverity.critical > 0 ? 'critical' : batch.bySeverity.warning > 0 ? 'warning' : 'info';
}

function remainder({ batch }: AlertBatchPayload): number {
  return Math.max(0, batch.total - batch.alerts.length);
}

export function renderAlertBatchEmail(
  payload: AlertBatchPayload,
  recipientName: string | null | undefined,
  optOutLink?: string,
): RenderedEmail {
  const link = safeHttpUrl(payload.link);
  const title = headline(payload);
  const subject = fitSubject(`[${worstSeverity(payload)}]`, title);
  const greeting = recipientName?.trim() ? `Hi ${oneLine(recipientName, 80)},` : 'Hello,';
  const intro = 'Throughline spotted drift in several places at once. The most severe are listed first.';
  const more = remainder(payload);
  const moreLine = more > 0 ? `…and ${more} more in the alerts inbox.` : '';

  const text = [
    greeting,
    '',
    intro,
    '',
    title,
    '',
    ...payload.batch.alerts.map(
      (a) =>
        `- [${a.severity.toUpperCase()}] ${oneLine(a.message, 300)}${a.clientName ? ` — ${oneLine(a.clientName, 80)}` : ''}\n  ${safeHttpUrl(a.link)}`,
    ),
    ...(moreLine ? ['', moreLine] : []),
    '',
    `Open the alerts inbox: ${link}`,
    '',
    ...footerText(optOutLink),
  ].join('\n');

  const rows = payload.batch.alerts
    .map(
      (a) =>
        `<tr><td style="padding:6px 10px 6px 0;vertical-align:top;"><span style="display:inline-block;background-color:${SEVERITY_COLOURS[a.severity]};border-radius:8px;padding:2px 8px;font-family:${FONT};font-size:10px;font-weight:bold;color:#ffffff;">${escapeHtml(a.severity.toUpperCase())}</span></td>` +
        `<td style="padding:6px 0;font-family:${FONT};font-size:13px;line-height:18px;color:#111827;vertical-align:top;"><a href="${escapeHtml(safeHttpUrl(a.link))}" style="color:#111827;">${escapeHtml(oneLine(a.message, 300))}</a>` +
        `<br><span style="color:#6b7280;">${escapeHtml(oneLine([ruleLabel(a.rule), a.clientName, a.engagementHealth ? `engagement ${a.engagementHealth.split(' — ')[0].toLowerCase()}` : null, a.event === 'alert.escalated' ? 'escalated' : null].filter(Boolean).join(' · '), 200))}</span></td></tr>`,
    )
    .join('');

  const html = emailDocument({
    subject,
    preheader: title,
    rows: `<tr><td style="padding:16px 32px 0 32px;font-family:${FONT};font-size:20px;line-height:28px;font-weight:bold;color:#111827;">${escapeHtml(title)}</td></tr>
<tr><td style="padding:12px 32px 0 32px;font-family:${FONT};font-size:14px;line-height:21px;color:#374151;">${escapeHtml(greeting)} ${escapeHtml(intro)}</td></tr>
<tr><td style="padding:16px 32px 0 32px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0">${rows}</table></td></tr>
${moreLine ? `<tr><td style="padding:8px 32px 0 32px;font-family:${FONT};font-size:13px;color:#374151;">${escapeHtml(moreLine)}</td></tr>\n` : ''}${emailButtonRow(link, 'Open the alerts inbox')}
`,
    optOutLink,
  });
  return { subject, html, text, ...optOutHeaders(optOutLink) };
}

/** Slack mrkdwn: the headline, up to ten alerts as links, and what is left. */
export function slackBatchMessage(payload: AlertBatchPayload): { text: string; blocks: unknown[] } {
  const shown = payload.batch.alerts.slice(0, 10);
  const hidden = payload.batch.total - shown.length;
  const text = [
    `*${escapeSlack(oneLine(headline(payload), 300))}*`,
    ...shown.map((a) => `• ${escapeSlack(`[${a.severity}] ${oneLine(a.message, 300)}`)} <${slackUrl(a.link)}|open>`),
    ...(hidden > 0 ? [`…and ${hidden} more`] : []),
    `<${slackUrl(payload.link)}|Open the alerts inbox>`,
  ].join('\n');
  // 3000 characters is Slack's limit for a section's text.
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }] };
}
