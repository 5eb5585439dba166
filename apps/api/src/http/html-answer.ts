/** Links opened in a browser (the unsubscribe and opt-out links of emails) get a page; API clients get JSON. */
export const HTML = 'text/html; charset=utf-8';

export function wantsHtml(accept: string | undefined): boolean {
  return !!accept && /text\/html/i.test(accept);
}
