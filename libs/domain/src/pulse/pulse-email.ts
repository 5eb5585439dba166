import Handlebars from 'handlebars';
import type { PulseReason } from './pulse.entity';

const HTML = Handlebars.compile(
  `<p>Hello{{#if name}} {{name}}{{/if}},</p><p>{{why}}</p><p><strong>How satisfied are you with progress on {{clientName}} · {{function}}?</strong>
Answer 1 to 5, with a comment if you like:</p><p><a href="{{link}}">Answer in Throughline</a></p>`,
);

/** The pulse question by email (pure): it links to the engagement, where the question heads the summary. */
export function pulseEmail(input: {
  name: string | null;
  clientName: string;
  function: string;
  reason: PulseReason;
  priorityTitle: string | null;
  publicUrl: string;
  engagementId: string;
}): { subject: string; html: string; text: string; headers: Record<string, string> } {
  const link = `${input.publicUrl.replace(/\/+$/, '')}/engagements/${encodeURIComponent(input.engagementId)}`;
  const why =
    input.reason === 'priority_achieved' && input.priorityTitle
      ? `“${input.priorityTitle}” was just achieved.`
      : 'Our monthly question, one click.';
  const hello = input.name ? `Hello ${input.name},` : 'Hello,';
  return {
    subject: `How satisfied are you with progress? (${input.clientName} · ${input.function})`,
    text: `${hello}\n\n${why}\n\nHow satisfied are you with progress on ${input.clientName} · ${input.function}? Answer 1 to 5, with a comment if you like:\n\n${link}\n`,
    html: HTML({ ...input, why, link }),
    headers: {},
  };
}
