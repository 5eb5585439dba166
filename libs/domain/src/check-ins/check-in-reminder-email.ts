import Handlebars from 'handlebars';

export interface ReminderEmailItem {
  priorityTitle: string;
  clientName: string;
  dueOn: string;
  token: string;
}

export interface ReminderEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const HTML = Handlebars.compile(
  `<p>Hello {{name}},</p><p>Your weekly check-in is due. One link per priority: each opens a short form (RAG, confidence,
a note, blockers) and works once, without signing in, for {{days}} days.</p><ul>{{#each items}}<li><a href="{{link}}">{{priorityTitle}}</a>
({{clientName}}, due {{dueOn}})</li>{{/each}}</ul><p>The links are for you only: do not forward this email.</p>`,
);

/** The reminder email (pure): one per recipient per dispatch, a single-use link per due priority. */
export function checkInReminderEmail(input: {
  name: string;
  publicUrl: string;
  validDays: number;
  items: readonly ReminderEmailItem[];
}): ReminderEmail {
  const base = input.publicUrl.replace(/\/+$/, '');
  const items = input.items.map((i) => ({ ...i, link: `${base}/check-in?token=${encodeURIComponent(i.token)}` }));
  const subject =
    items.length === 1
      ? `Check-in due: ${items[0]!.priorityTitle} (${items[0]!.clientName})`
      : `Check-ins due: ${items.length} priorities`;
  const lines = items.map((i) => `- ${i.priorityTitle} (${i.clientName}, due ${i.dueOn}): ${i.link}`).join('\n');
  return {
    subject,
    text: `Hello ${input.name},\n\nYour weekly check-in is due. One link per priority: each opens a short form and works once, without signing in, for ${input.validDays} days.\n\n${lines}\n\nThe links are for you only: do not forward this email.\n`,
    html: HTML({ ...input, items, days: input.validDays }),
    headers: {},
  };
}
