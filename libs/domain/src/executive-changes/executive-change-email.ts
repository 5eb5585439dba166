import Handlebars from 'handlebars';
import { handoverHeadline, type HandoverPack } from './handover-content';

export interface ExecutiveChangeEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export type ExecutiveChangeAudience = 'account_manager' | 'outgoing' | 'incoming' | 'client_viewer';

const WHY: Record<ExecutiveChangeAudience, string> = {
  account_manager: 'you manage this client',
  outgoing: 'you are the outgoing executive',
  incoming: 'you are the incoming executive',
  client_viewer: 'you follow this engagement',
};

const HTML = Handlebars.compile(
  `<p>{{hello}}</p><p><strong>{{to}}</strong> takes over the {{fn}} engagement at <strong>{{client}}</strong> from {{from}} on
<strong>{{date}}</strong>.</p><p>Reason: {{reason}}</p><p>The handover pack: {{headline}}.</p><p><a href="{{link}}">Open the handover pack</a></p>
<p style="color:#6b7280;font-size:12px;">Throughline · you get this email because {{why}}.</p>`,
);

/** The notification of an executive change (pure): who takes over what from whom on which date, and the pack's link. */
export function executiveChangeEmail(input: {
  recipientName: string | null;
  audience: ExecutiveChangeAudience;
  pack: HandoverPack;
  link: string;
}): ExecutiveChangeEmail {
  const { pack } = input;
  const hello = input.recipientName?.trim() ? `Hello ${input.recipientName.trim()},` : 'Hello,';
  const headline = handoverHeadline(pack.summary);
  const fields = {
    hello,
    to: pack.toExecutiveName,
    from: pack.fromExecutiveName,
    fn: pack.function,
    client: pack.clientName,
    date: pack.effectiveDate,
    reason: pack.reason,
    headline,
    link: input.link,
    why: WHY[input.audience],
  };
  return {
    subject: `${pack.clientName}: ${pack.toExecutiveName} takes over as ${pack.function} on ${pack.effectiveDate}`,
    text: [
      hello,
      '',
      `${pack.toExecutiveName} takes over the ${pack.function} engagement at ${pack.clientName} from ${pack.fromExecutiveName} on ${pack.effectiveDate}.`,
      `Reason: ${pack.reason}`,
      '',
      `The handover pack: ${headline}.`,
      `Open it: ${input.link}`,
      '',
      '—',
      `Throughline · you get this email because ${WHY[input.audience]}.`,
    ].join('\n'),
    html: HTML(fields),
    headers: {},
  };
}
