import type { UnsubscribeView } from '@app/domain';

const escape = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * The page a person sees after clicking "Unsubscribe" in a digest. Opening the link changes nothing (link
 * scanners open links too); the button posts the same signed URL, as a mail client's one-click does.
 */
export function unsubscribePage(view: UnsubscribeView, token: string, done: boolean): string {
  const action = `/api/v1/digests/unsubscribe?token=${encodeURIComponent(token)}`;
  const body = done
    ? `<h1>You are unsubscribed</h1><p>${escape(view.email)} will get no more weekly digests. You can switch them back on in your digest settings.</p>`
    : view.optedOut
      ? `<h1>Already unsubscribed</h1><p>${escape(view.email)} gets no weekly digests.</p>`
      : `<h1>Unsubscribe from weekly digests?</h1><p>${escape(view.email)} will get no more weekly digests from Throughline.</p>
<form method="post" action="${escape(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Throughline digests</title>
<style>body{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style></head>
<body>${body}</body></html>`;
}
