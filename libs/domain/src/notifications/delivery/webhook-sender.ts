import { isIP, type LookupFunction } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { slackNotification, type NotificationPayload } from './alert-batch-message';
import { teamsNotification } from './teams-message';
import { PermanentDeliveryError, TransientDeliveryError } from './delivery-errors';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';
import type { CheckedWebhookTarget } from './webhook-target';
import type { WebhookFormat } from '../notification.entity';

/** The outbox id, repeated on every retry of the same row, so receivers can drop duplicates. */
export const WEBHOOK_DELIVERY_HEADER = 'x-throughline-delivery';
export const WEBHOOK_EVENT_HEADER = 'x-throughline-event';

/** How long a receiver has to answer one call. */
export const WEBHOOK_TIMEOUT_MS = 5000;

export interface SendWebhookInput {
  /** From WebhookPolicy.resolve: the URL and the addresses checked for it, the only ones connected to. */
  target: CheckedWebhookTarget;
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
  target: checked,
  secret,
  format,
  payload,
  now,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
}: SendWebhookInput): Promise<{ status: number }> {
  const target = parseWebhookUrl(checked.url);
  assertPinned(target, checked);
  // The exact string that is signed is the exact string sent: receivers verify the raw body.
  const body = JSON.stringify(
    format === 'slack' ? slackNotification(payload) : format === 'teams' ? teamsNotification(payload) : payload,
  );
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Throughline-Webhooks/1',
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, Math.floor(now.getTime() / 1000), body),
    [WEBHOOK_DELIVERY_HEADER]: payload.outboxId,
    [WEBHOOK_EVENT_HEADER]: payload.event,
  };

  const signal = AbortSignal.timeout(timeoutMs);
  // undici's own fetch with its own Agent (not the global fetch, whose bundled undici differs by Node version): the
  // connection looks the name up with pinnedLookup, so it reaches a checked address while TLS (SNI) and Host keep the
  // name. One agent per send: webhook calls are few, and no pooled socket outlives the check it was made under.
  const dispatcher = new Agent({ connect: { lookup: pinnedLookup(checked) } });
  try {
    return await post(target, { headers, body, signal, timeoutMs, dispatcher });
  } finally {
    await dispatcher.destroy().catch(() => undefined);
  }
}

async function post(
  target: URL,
  request: { headers: Record<string, string>; body: string; signal: AbortSignal; timeoutMs: number; dispatcher: Agent },
): Promise<{ status: number }> {
  const { headers, body, signal, timeoutMs, dispatcher } = request;
  let response: Response;
  try {
    // Redirects are not followed: fetch would turn a 301/302 POST into a body-less GET, and a
    // redirect is a wrong URL that retrying will not fix.
    response = await fetch(target, { method: 'POST', headers, body, redirect: 'manual', signal, dispatcher });
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

/**
 * The connection's name lookup, answering only the addresses that were checked. An IP literal in the URL is never
 * looked up (the socket connects to it as is): WebhookPolicy.resolve then checked exactly that literal.
 */
function pinnedLookup(target: CheckedWebhookTarget): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const candidates = target.addresses.filter((a) => !family || a.family === family);
    if (hostname !== target.hostname || candidates.length === 0) {
      const error: NodeJS.ErrnoException = new Error(`${hostname} has no checked address`);
      error.code = 'ENOTFOUND';
      callback(error, '', 0);
      return;
    }
    // `all` is what Node asks for when it tries IPv4 and IPv6 in turn (autoSelectFamily, the default).
    if (options.all) callback(null, [...candidates]);
    else callback(null, candidates[0]!.address, candidates[0]!.family);
  };
}

/** A target built by hand rather than by WebhookPolicy.resolve must still not connect anywhere unchecked. */
function assertPinned(url: URL, checked: CheckedWebhookTarget): void {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(hostname) !== 0;
  if (hostname !== checked.hostname || (literal && !checked.addresses.some((a) => a.address === hostname)))
    throw new PermanentDeliveryError(`Webhook ${url.host} was not checked before sending`);
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
