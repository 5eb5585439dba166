import { slackNotification, type NotificationPayload } from './alert-batch-message';
import { PermanentDeliveryError, TransientDeliveryError } from './delivery-errors';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

/** The outbox id, repeated on every retry of the same row, so receivers can drop duplicates. */
export const WEBHOOK_DELIVERY_HEADER = 'x-throughline-delivery';
export const WEBHOOK_EVENT_HEADER = 'x-throughline-event';

export type WebhookFormat = 'json' | 'slack';

/** How long a receiver has to answer one call. */
export const WEBHOOK_TIMEOUT_MS = 5000;

export interface SendWebhookInput {
  url: string;
  secret: string;
  format: WebhookFormat;
  payload: NotificationPayload;
  /** Signature time; injected so tests (and replays in them) are deterministic. */
  now: Date;
  timeoutMs?: number;
}

/**
 * One attempt, no retries: the delivery job retries on TransientDeliveryError and gives up on
 * PermanentDeliveryError. Resolves with the receiver's status on any 2xx.
 */
export async function sendWebhook({
  url,
  secret,
  format,
  payload,
  now,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
}: SendWebhookInput): Promise<{ status: number }> {
  const target = parseWebhookUrl(url);
  // The exact string that is signed is the exact string sent: receivers verify the raw body.
  const body = JSON.stringify(format === 'slack' ? slackNotification(payload) : payload);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Throughline-Webhooks/1',
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, Math.floor(now.getTime() / 1000), body),
    [WEBHOOK_DELIVERY_HEADER]: payload.outboxId,
    [WEBHOOK_EVENT_HEADER]: payload.event,
  };

  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    // Redirects are not followed: fetch would turn a 301/302 POST into a body-less GET, and a
    // redirect is a wrong URL that retrying will not fix.
    response = await fetch(target, { method: 'POST', headers, body, redirect: 'manual', signal });
  } catch (error) {
    // Asked of the signal, not of the error: fetch's DOMException comes from another realm under
    // Jest, where `instanceof Error` is false.
    const timedOut = signal.aborted;
    throw new TransientDeliveryError(
      timedOut
        ? `Webhook ${target.host} did not answer within ${timeoutMs} ms`
        : `Webhook ${target.host} could not be reached`,
      { url: redacted(target), reason: describe(error) },
      { cause: error },
    );
  }

  const snippet = await readSnippet(response);
  const status = response.status;
  if (status >= 200 && status < 300) return { status };

  const details: Record<string, unknown> = { url: redacted(target), status, response: snippet };
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter) details.retryAfter = retryAfter;
  const message = `Webhook ${target.host} answered ${status}`;
  // 408 and 429 are the two 4xx that ask to come back later.
  if (status === 408 || status === 429) throw new TransientDeliveryError(message, details);
  if ((status >= 300 && status < 400) || (status >= 400 && status < 500))
    throw new PermanentDeliveryError(message, details);
  throw new TransientDeliveryError(message, details);
}

function parseWebhookUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PermanentDeliveryError('Webhook URL is not a valid absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new PermanentDeliveryError(`Webhook URL must be http(s), not ${parsed.protocol}`);
  }
  return parsed;
}

/**
 * Errors end up in logs and in outbox.last_error; Slack-style URLs carry their secret in the path
 * and some receivers put tokens in the query, so only origin and a masked path are kept.
 */
function redacted(url: URL): string {
  return `${url.origin}/…`;
}

/** Enough of the response to explain a failure, without letting a receiver stream megabytes at us. */
async function readSnippet(response: Response, maxBytes = 512): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut off mid-way does not change the verdict, which rests on the status code.
  } finally {
    // Releases the connection back to the pool whether or not the body was read to the end.
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

/** Duck-typed for the same cross-realm reason; fetch hides the useful part (ECONNREFUSED…) in `cause`. */
function describe(error: unknown): string {
  const { name, message, cause } = (error ?? {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (typeof message !== 'string') return String(error);
  const detail = cause?.code ?? cause?.message;
  return `${name ?? 'Error'}: ${message}${detail ? `: ${detail}` : ''}`;
}
