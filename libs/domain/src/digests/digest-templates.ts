/**
 * Handlebars templates of the weekly digest. HTML for email clients: table layout, inline styles, 600 px,
 * no JavaScript and no SVG (Outlook and Gmail drop <style> blocks and ignore flex/grid; the <style> below
 * only adds dark-mode colours where a client supports it). The drift bars are table cells with a height
 * and a background colour, which every common client renders.
 */

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export const DIGEST_PARTIALS: Record<string, string> = {
  bars: `<table role="presentation" cellpadding="0" cellspacing="0" border="0" height="32" style="height:32px;"><tr>{{#each bars}}<td valign="bottom" style="padding:0 1px;"><table cellpadding="0" cellspacing="0" width="8"><tr><td height="{{heightPx}}" bgcolor="{{colour}}" title="{{title}}" style="height:{{heightPx}}px;font-size:0;line-height:0;">&nbsp;</td></tr></table></td>{{/each}}</tr></table>`,

  chip: `<span style="display:inline-block;padding:2px 8px;border-radius:10px;background-color:{{healthColour}};color:#ffffff;font-family:${FONT};font-size:11px;line-height:16px;font-weight:bold;">{{healthLabel}}</span>`,

  list: `{{#if items.length}}<tr><td class="tl-text" style="padding:10px 0 2px 0;font-family:${FONT};font-size:13px;line-height:18px;font-weight:bold;color:#111827;">{{title}}</td></tr>{{#each items}}<tr><td class="tl-text" style="padding:2px 0 2px 12px;font-family:${FONT};font-size:13px;line-height:19px;color:#374151;">•&nbsp;{{this}}</td></tr>{{/each}}{{/if}}`,

  clientSummary: `<tr><td style="padding:16px 0;border-bottom:1px solid #e5e7eb;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="font-family:${FONT};font-size:16px;line-height:22px;font-weight:bold;"><a href="{{link}}" target="_blank" class="tl-link" style="color:#1d4ed8;text-decoration:none;">{{label}}</a></td></tr>
<tr><td style="padding-top:6px;font-family:${FONT};font-size:13px;line-height:20px;">{{> chip}}</td></tr>
<tr><td class="tl-text" style="padding-top:6px;font-family:${FONT};font-size:15px;line-height:21px;font-weight:bold;color:#111827;">{{headline}}</td></tr>
{{> list title="What we need from you" items=asks}}{{> list title=doneTitle items=done}}{{> list title="Due in the next 30 days" items=due}}{{> list title="Risks" items=risks}}
</table>
</td></tr>`,

  portfolioLine: `<tr><td style="padding:10px 0;border-bottom:1px solid #e5e7eb;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td valign="top" style="font-family:${FONT};font-size:14px;line-height:20px;"><a href="{{link}}" target="_blank" class="tl-link" style="color:#1d4ed8;text-decoration:none;font-weight:bold;">{{label}}</a><br>{{> chip}} <span class="tl-muted" style="font-size:12px;color:#4b5563;">{{driftLine}}</span>{{#if disagreement}}<br><span style="font-size:12px;color:#b91c1c;font-weight:bold;">⚠ {{disagreement}}</span>{{/if}}{{#if alertsLine}}<br><span class="tl-muted" style="font-size:12px;color:#4b5563;">{{alertsLine}}</span>{{/if}}{{#if forecastMovesLine}}<br><span class="tl-muted" style="font-size:12px;color:#4b5563;">{{forecastMovesLine}}</span>{{/if}}</td>
<td valign="bottom" align="right" width="90" style="width:90px;">{{> bars}}</td>
</tr></table>
</td></tr>`,

  engagementBlock: `<tr><td style="padding:16px 0;border-bottom:1px solid #e5e7eb;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="font-family:${FONT};font-size:16px;line-height:22px;font-weight:bold;"><a href="{{link}}" target="_blank" class="tl-link" style="color:#1d4ed8;text-decoration:none;">{{label}}</a></td></tr>
<tr><td style="padding-top:6px;font-family:${FONT};font-size:13px;line-height:20px;">{{> chip}}{{#if reported}} <span class="tl-muted" style="color:#4b5563;">{{reported}}</span>{{/if}}</td></tr>
{{#if disagreement}}<tr><td style="padding-top:4px;font-family:${FONT};font-size:13px;line-height:18px;color:#b91c1c;font-weight:bold;">⚠ {{disagreement}}</td></tr>{{/if}}
<tr><td style="padding-top:8px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td valign="bottom" style="padding-right:12px;">{{> bars}}</td><td valign="bottom" class="tl-muted" style="font-family:${FONT};font-size:12px;line-height:16px;color:#4b5563;">{{driftLine}}<br>last 8 weeks</td></tr></table></td></tr>
{{#if dueFirst}}{{> list title="Due in the next 14 days" items=due}}{{> list title="Slipped this week" items=slipped}}{{> list title="Re-planned this week" items=replanned}}{{> list title="Forecast moved this week" items=forecastMoves}}{{> list title="Completed this week" items=completed}}{{else}}{{> list title="Completed this week" items=completed}}{{> list title="Slipped this week" items=slipped}}{{> list title="Re-planned this week" items=replanned}}{{> list title="Forecast moved this week" items=forecastMoves}}{{> list title="Due in the next 14 days" items=due}}{{/if}}
{{#if overdueLine}}<tr><td class="tl-muted" style="padding-top:8px;font-family:${FONT};font-size:13px;line-height:18px;color:#4b5563;">{{overdueLine}}</td></tr>{{/if}}
{{#if alertsLine}}<tr><td class="tl-muted" style="padding-top:8px;font-family:${FONT};font-size:13px;line-height:18px;color:#4b5563;">{{alertsLine}}</td></tr>{{/if}}
{{#if checkInLine}}<tr><td class="tl-muted" style="padding-top:8px;font-family:${FONT};font-size:13px;line-height:18px;color:#4b5563;">{{checkInLine}}</td></tr>{{/if}}
{{#if quiet}}<tr><td class="tl-muted" style="padding-top:8px;font-family:${FONT};font-size:13px;line-height:18px;color:#4b5563;">A quiet week: nothing completed, slipped or due.</td></tr>{{/if}}
</table>
</td></tr>`,
};

export const DIGEST_HTML_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>{{subject}}</title>
<style>
@media (prefers-color-scheme: dark) {
  .tl-body { background-color: #111827 !important; }
  .tl-card { background-color: #1f2937 !important; border-color: #374151 !important; }
  .tl-text { color: #f3f4f6 !important; }
  .tl-muted { color: #d1d5db !important; }
  .tl-link { color: #93c5fd !important; }
}
[data-ogsc] .tl-text { color: #f3f4f6 !important; }
[data-ogsc] .tl-muted { color: #d1d5db !important; }
[data-ogsc] .tl-link { color: #93c5fd !important; }
</style>
</head>
<body class="tl-body" style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">{{preheader}}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="tl-body" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" class="tl-card" style="width:600px;max-width:600px;background-color:#ffffff;border:1px solid #e3e5e8;border-radius:6px;">
<tr><td class="tl-muted" style="padding:24px 32px 0 32px;font-family:${FONT};font-size:13px;font-weight:bold;letter-spacing:0.5px;color:#4b5563;">THROUGHLINE · {{title}}</td></tr>
<tr><td class="tl-text" style="padding:12px 32px 0 32px;font-family:${FONT};font-size:22px;line-height:30px;font-weight:bold;color:#111827;">{{headline}}</td></tr>
<tr><td class="tl-text" style="padding:12px 32px 0 32px;font-family:${FONT};font-size:14px;line-height:21px;color:#374151;">{{greeting}} {{intro}}</td></tr>
{{#if clientSummaries.length}}<tr><td style="padding:8px 32px 0 32px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
{{#each clientSummaries}}{{> clientSummary}}{{/each}}
</table>
</td></tr>{{/if}}
<tr><td style="padding:16px 32px 0 32px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
{{#each stats}}<td align="center" valign="top" style="padding:8px 4px;border:1px solid #e5e7eb;"><div class="tl-text" style="font-family:${FONT};font-size:20px;line-height:24px;font-weight:bold;color:#111827;">{{value}}</div><div class="tl-muted" style="font-family:${FONT};font-size:11px;line-height:14px;color:#4b5563;">{{label}}</div></td>{{/each}}
</tr></table>
</td></tr>
<tr><td style="padding:8px 32px 0 32px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
{{#if portfolio}}{{#each sections}}{{> portfolioLine}}{{/each}}{{else}}{{#each sections}}{{> engagementBlock}}{{/each}}{{/if}}
</table>
</td></tr>
{{#if moreLine}}<tr><td class="tl-muted" style="padding:12px 32px 0 32px;font-family:${FONT};font-size:13px;line-height:18px;color:#4b5563;">{{moreLine}}</td></tr>{{/if}}
{{#if discipline}}<tr><td style="padding:16px 32px 0 32px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="tl-text" style="font-family:${FONT};font-size:16px;line-height:22px;font-weight:bold;color:#111827;">Check-in discipline</td></tr>
<tr><td class="tl-muted" style="padding-top:4px;font-family:${FONT};font-size:13px;line-height:18px;color:#4b5563;">{{discipline.line}}</td></tr>
{{> list title="Late or missed" items=discipline.people}}
</table>
</td></tr>{{/if}}
<tr><td style="padding:24px 32px 0 32px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="#111827" style="background-color:#111827;border-radius:4px;"><a href="{{links.dashboard}}" target="_blank" style="display:inline-block;padding:12px 22px;font-family:${FONT};font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;">Open the dashboard</a></td>
</tr></table>
</td></tr>
<tr><td class="tl-muted" style="padding:24px 32px 24px 32px;font-family:${FONT};font-size:12px;line-height:18px;color:#4b5563;border-top:1px solid #f0f1f3;">{{footer}} <a href="{{links.preferences}}" target="_blank" class="tl-link" style="color:#1d4ed8;">Digest settings</a> · <a href="{{links.unsubscribe}}" target="_blank" class="tl-link" style="color:#1d4ed8;">Unsubscribe</a></td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

export const DIGEST_TEXT_TEMPLATE = `{{greeting}}

{{headline}}
{{title}}

{{intro}}
{{#each clientSummaries}}

== {{label}} ==
{{headline}}
{{#if asks.length}}What we need from you:
{{#each asks}}  - {{this}}
{{/each}}{{/if}}{{#if done.length}}{{doneTitle}}:
{{#each done}}  - {{this}}
{{/each}}{{/if}}{{#if due.length}}Due in the next 30 days:
{{#each due}}  - {{this}}
{{/each}}{{/if}}{{#if risks.length}}Risks:
{{#each risks}}  - {{this}}
{{/each}}{{/if}}Open: {{link}}
{{/each}}

{{#each stats}}{{value}} {{label}}{{#unless @last}} · {{/unless}}{{/each}}
{{#each sections}}

== {{label}} ==
{{healthLabel}}{{#if reported}} · {{reported}}{{/if}}
{{#if disagreement}}! {{disagreement}}
{{/if}}
{{driftLine}}
Drift, last 8 weeks (oldest first): {{barsText}}
{{#if ../portfolio}}{{#if alertsLine}}{{alertsLine}}
{{/if}}{{#if forecastMovesLine}}{{forecastMovesLine}}
{{/if}}{{else}}{{#if completed.length}}Completed this week:
{{#each completed}}  - {{this}}
{{/each}}{{/if}}{{#if slipped.length}}Slipped this week:
{{#each slipped}}  - {{this}}
{{/each}}{{/if}}{{#if replanned.length}}Re-planned this week:
{{#each replanned}}  - {{this}}
{{/each}}{{/if}}{{#if forecastMoves.length}}Forecast moved this week:
{{#each forecastMoves}}  - {{this}}
{{/each}}{{/if}}{{#if due.length}}Due in the next 14 days:
{{#each due}}  - {{this}}
{{/each}}{{/if}}{{#if overdueLine}}{{overdueLine}}
{{/if}}{{#if alertsLine}}{{alertsLine}}
{{/if}}{{#if checkInLine}}{{checkInLine}}
{{/if}}{{#if quiet}}A quiet week: nothing completed, slipped or due.
{{/if}}{{/if}}Open: {{link}}
{{/each}}
{{#if moreLine}}

{{moreLine}}
{{/if}}
{{#if discipline}}

== Check-in discipline ==
{{discipline.line}}
{{#if discipline.people.length}}Late or missed:
{{#each discipline.people}}  - {{this}}
{{/each}}{{/if}}{{/if}}

Dashboard: {{links.dashboard}}

—
{{footer}}
Digest settings: {{links.preferences}}
Unsubscribe: {{links.unsubscribe}}
`;
