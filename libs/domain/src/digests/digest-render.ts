import Handlebars from 'handlebars';
import type { DigestContent } from './digest-content';
import { DIGEST_HTML_TEMPLATE, DIGEST_PARTIALS, DIGEST_TEXT_TEMPLATE } from './digest-templates';
import { digestView, type DigestLinks } from './digest-view';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
  /** RFC 2369 / RFC 8058 one-click unsubscribe. */
  headers: Record<string, string>;
}

// One isolated Handlebars environment: the HTML one escapes every value, the text one writes them as they are.
const html = Handlebars.create();
for (const [name, partial] of Object.entries(DIGEST_PARTIALS)) html.registerPartial(name, partial);
const htmlTemplate = html.compile(DIGEST_HTML_TEMPLATE, { strict: false });
const textTemplate = Handlebars.create().compile(DIGEST_TEXT_TEMPLATE, { noEscape: true });

export function renderDigest(content: DigestContent, links: DigestLinks): RenderedDigest {
  for (const link of Object.values(links)) assertHttpUrl(link);
  const view = digestView(content, links);
  return {
    subject: view.subject,
    html: htmlTemplate(view),
    text: textTemplate(view).replace(/\n{3,}/g, '\n\n'),
    headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** A javascript: or data: link in an email would be an injection: only http(s) passes. */
function assertHttpUrl(link: string): void {
  const url = new URL(link);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`Digest links must be http(s): ${link}`);
}
