import type { AlertOptOutView } from '@app/domain';

const escape = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * The page behind the "Stop alert emails" link of an alert email. Opening it changes nothing (link scanners open
 * links too); the button posts the same signed URL, as a mail client's one-click does.
 */
export function alertOptOutPage(view: AlertOptOutView, token: string, done: boolean): string {
  const action = `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
  const email = escape(view.email);
  const body = done
    ? `<h1>Alert emails stopped</h1><p>${email} will get no more drift alert emails from Throughline. If you have an account, you can switch them back on in your notification settings; otherwise ask your account manager.</p>`
    : view.optedOut
      ? `<h1>Alert emails are already off</h1><p>${email} gets no drift alert emails from Throughline.</p>`
      : `<h1>Stop drift alert emails?</h1><p>${email} will get no more drift alert emails from Throughline. Weekly digests are not affected.</p>
<form method="post" action="${escape(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop alert emails</button></form>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Throughline alert emails</title>
<style>body{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style></head>
<body>${body}</body></html>`;
}
