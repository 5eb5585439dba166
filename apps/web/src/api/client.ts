import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ApiError = Schemas['ErrorResponse'];

/** Where the tokens live: the access token in memory only, the refresh token across reloads (shared by the tabs). */
const REFRESH_KEY = 'throughline.refreshToken';
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
let onSessionLost: () => void = () => {};

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export const tokens = {
  set(pair: TokenPair) {
    accessToken = pair.accessToken;
    localStorage.setItem(REFRESH_KEY, pair.refreshToken);
  },
  clear() {
    accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
  },
  refreshToken: () => localStorage.getItem(REFRESH_KEY),
  hasAccess: () => accessToken !== null,
  onSessionLost(handler: () => void) {
    onSessionLost = handler;
  },
};

/**
 * Tabs opened at once all find the same stored refresh token; presenting it twice would look like a stolen token to
 * the API. So tabs refresh one at a time (a Web Lock), and a tab that rotates a token tells the others the pair it
 * got for it (a BroadcastChannel): a tab that waited for the lock takes that pair instead of presenting the token
 * again. Where the Web Locks API is missing (plain http to another host is not a secure context), the API's grace
 * window for a just-rotated token keeps concurrent tabs signed in.
 */
const REFRESH_LOCK = 'throughline.refresh';
export const SESSION_CHANNEL = 'throughline.session';
export interface RotationNotice {
  usedUp: string;
  pair: TokenPair;
}
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSION_CHANNEL);
let lastRotation: RotationNotice | null = null;
channel?.addEventListener('message', (event: MessageEvent<RotationNotice>) => {
  if (typeof event.data?.usedUp === 'string' && typeof event.data.pair?.accessToken === 'string')
    lastRotation = event.data;
});

/** Trades the stored refresh token for a new pair (once at a time in a tab, and across the tabs). */
export function refreshSession(): Promise<boolean> {
  const presented = tokens.refreshToken();
  if (!presented) return Promise.resolve(false);
  refreshing ??= oneTabAtATime(() => rotate(presented)).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function oneTabAtATime(task: () => Promise<boolean>): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(REFRESH_LOCK, task) : task();
}

async function rotate(presented: string): Promise<boolean> {
  // Another tab rotated this very token while this one waited: its pair is ours too.
  if (lastRotation?.usedUp === presented) {
    accessToken = lastRotation.pair.accessToken;
    return true;
  }
  // The newest stored token: another tab may have rotated ours (its notice still on the way).
  const refreshToken = tokens.refreshToken();
  if (!refreshToken) return false;
  try {
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      // Forget the stored token only if it is still the refused one, not one another tab has stored since.
      if (tokens.refreshToken() === refreshToken) tokens.clear();
      else accessToken = null;
      return false;
    }
    const pair: TokenPair = await response.json();
    tokens.set(pair);
    channel?.postMessage({ usedUp: refreshToken, pair } satisfies RotationNotice);
    return true;
  } catch {
    return false;
  }
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A fresh key for one form submission (getRandomValues also works on plain-HTTP origins, randomUUID does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The `params` of a create sent with one submission's key. */
export const idempotent = (key: string) => ({ header: { [IDEMPOTENCY_HEADER]: key } as { 'Idempotency-Key': string } });

/** Waits before sending a create again after a lost answer (the server answers a repeat with the first answer). */
const LOST_ANSWER_RETRY_MS = [1_000, 3_000];

/**
 * Sends a request; a create carrying an Idempotency-Key is sent again with the same key when its answer was lost
 * (no answer, or 503): the API then answers the first answer if the create had committed, and nothing is created twice.
 */
async function sendWithRetry(request: Request): Promise<Response> {
  if (!request.headers.has(IDEMPOTENCY_HEADER)) return fetch(request);
  for (let attempt = 0; ; attempt += 1) {
    const copy = attempt < LOST_ANSWER_RETRY_MS.length ? request.clone() : request;
    try {
      const response = await fetch(copy);
      if (response.status !== 503 || attempt >= LOST_ANSWER_RETRY_MS.length) return response;
    } catch (error) {
      if (attempt >= LOST_ANSWER_RETRY_MS.length) throw error;
    }
    await new Promise((done) => setTimeout(done, LOST_ANSWER_RETRY_MS[attempt]));
  }
}

/** fetch with the bearer token; a 401 refreshes the session once and retries, or ends the session. */
async function authorizedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = (request: Request) => {
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return sendWithRetry(request);
  };
  const response = await send(input);
  if (response.status !== 401 || input.url.includes('/auth/')) return response;
  if (await refreshSession()) return send(retry);
  onSessionLost();
  return response;
}

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', fetch: authorizedFetch });

/** The API's error body, or a stand-in when the server could not be reached or answered something else. */
export function toApiError(error: unknown, status?: number): ApiError {
  if (error && typeof error === 'object' && 'message' in error && 'statusCode' in error) return error as ApiError;
  return {
    statusCode: status ?? 0,
    code: 'NETWORK',
    message: 'The server could not be reached. Check your connection and try again.',
    correlationId: '',
  } as ApiError;
}

/** Unwraps an openapi-fetch result: the data (undefined for a 204), or throws the API's error body. */
export async function unwrap<T>(result: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let settled;
  try {
    settled = await result;
  } catch (error) {
    throw toApiError(error);
  }
  if (settled.error !== undefined || !settled.response.ok) throw toApiError(settled.error, settled.response.status);
  return settled.data as T;
}
