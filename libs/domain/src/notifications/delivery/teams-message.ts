import { headline, type AlertBatchPayload, type NotificationPayload } from './alert-batch-message';
import {
  contextLine,
  formatTimestamp,
  oneLine,
  ruleLabel,
  safeHttpUrl,
  slackTitle,
  type AlertNotificationPayload,
} from './alert-message';

/**
 * Body for a Microsoft Teams incoming webhook (a Workflows "post to a channel when a webhook request is received"
 * URL, or a legacy Office 365 connector): one message carrying one Adaptive Card. The card's text blocks render a
 * Markdown subset, so every text that comes from the data is escaped; links are only the card's own OpenUrl
 * actions and never come from text.
 */
export interface TeamsMessage {
  type: 'message';
  attachments: Array<{ contentType: typeof ADAPTIVE_CARD; contentUrl: null; content: AdaptiveCard }>;
}

interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: '1.4';
  msteams: { width: 'Full' };
  body: unknown[];
  actions: Array<{ type: 'Action.OpenUrl'; title: string; url: string }>;
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const SEVERITY_STYLE = { critical: 'attention', warning: 'warning', info: 'accent' } as const;

/** At most this many alerts of a batch are listed on the card (the rest are counted). */
export const TEAMS_BATCH_LIMIT = 10;

export function teamsNotification(payload: NotificationPayload): TeamsMessage {
  return payload.event === 'alerts.batch' ? teamsBatchMessage(payload) : teamsMessage(payload);
}

export function teamsMessage(payload: AlertNotificationPayload): TeamsMessage {
  const { alert } = payload;
  const context = contextLine(payload);
  const facts = [
    ...(alert.clientName ? [{ title: 'Client', value: escapeTeams(oneLine(alert.clientName, 200)) }] : []),
    ...(alert.engagementLabel
      ? [{ title: 'Engagement', value: escapeTeams(oneLine(alert.engagementLabel, 200)) }]
      : []),
    { title: 'Rule', value: ruleLabel(alert.rule) },
    { title: 'Severity', value: alert.severity },
    { title: 'First seen', value: formatTimestamp(alert.firstSeenAt) },
    { title: 'Last seen', value: formatTimestamp(alert.lastSeenAt) },
  ];
  return card(
    [
      {
        type: 'TextBlock',
        text: escapeTeams(oneLine(`${slackTitle(payload)}${context ? ` — ${context}` : ''}`, 300)),
        weight: 'Bolder',
        size: 'Medium',
        color: SEVERITY_STYLE[alert.severity],
        wrap: true,
      },
      { type: 'TextBlock', text: escapeTeams(oneLine(alert.message, 1000)), wrap: true },
      { type: 'FactSet', facts },
    ],
    [{ type: 'Action.OpenUrl', title: 'Open in Throughline', url: safeHttpUrl(payload.link) }],
  );
}

export function teamsBatchMessage(payload: AlertBatchPayload): TeamsMessage {
  const shown = payload.batch.alerts.slice(0, TEAMS_BATCH_LIMIT);
  const hidden = payload.batch.total - shown.length;
  const worst =
    payload.batch.bySeverity.critical > 0 ? 'critical' : payload.batch.bySeverity.warning > 0 ? 'warning' : 'info';
  return card(
    [
      {
        type: 'TextBlock',
        text: escapeTeams(oneLine(headline(payload), 300)),
        weight: 'Bolder',
        size: 'Medium',
        color: SEVERITY_STYLE[worst],
        wrap: true,
      },
      ...shown.map((a) => ({
        type: 'TextBlock',
        text: escapeTeams(oneLine(`[${a.severity}] ${a.message}${a.clientName ? ` — ${a.clientName}` : ''}`, 400)),
        color: SEVERITY_STYLE[a.severity],
        wrap: true,
        spacing: 'Small',
        // Each alert opens itself: the whole block is the link, its text stays plain.
        selectAction: { type: 'Action.OpenUrl', title: 'Open', url: safeHttpUrl(a.link) },
      })),
      ...(hidden > 0 ? [{ type: 'TextBlock', text: `…and ${hidden} more`, isSubtle: true, wrap: true }] : []),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the alerts inbox', url: safeHttpUrl(payload.link) }],
  );
}

function card(body: unknown[], actions: AdaptiveCard['actions']): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      {
        contentType: ADAPTIVE_CARD,
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body,
          actions,
        },
      },
    ],
  };
}

/**
 * Adaptive Card text is Markdown: a name like "[click](https://evil)" or "**urgent**" must show as typed, so the
 * characters that form links, emphasis and HTML are escaped with a backslash, and so is a line start that would
 * make a heading or a list. Texts are one line (oneLine) before they get here.
 */
export function escapeTeams(value: string): string {
  return value
    .replace(/[\\`*_[\]<>~]/g, (c) => `\\${c}`)
    .replace(/^[#+-]/, (c) => `\\${c}`)
    .replace(/^(\d+)\./, '$1\\.');
}
