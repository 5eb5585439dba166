import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshSession, SESSION_CHANNEL, tokens, type RotationNotice } from './client';

/**
 * How a tab refreshes when other tabs share its stored refresh token (the cross-tab lock itself runs in Chromium:
 * test/web/session-tabs.e2e-spec.ts). "Another tab" is a BroadcastChannel of the same name, as in a browser.
 */
const pairAnswer = (pair: { accessToken: string; refreshToken: string }) =>
  new Response(JSON.stringify({ ...pair, expiresIn: 900 }), { status: 200 });
const refused = () =>
  new Response(
    JSON.stringify({ statusCode: 401, code: 'AUTH.INVALID_REFRESH_TOKEN', message: 'x', correlationId: 'c' }),
    {
      status: 401,
    },
  );

describe('refreshing the session across tabs', () => {
  let otherTab: BroadcastChannel;
  beforeEach(() => {
    otherTab = new BroadcastChannel(SESSION_CHANNEL);
  });
  afterEach(() => {
    otherTab.close();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('takes the pair another tab got for the very token it was about to present, without presenting it again', async () => {
    localStorage.setItem('throughline.refreshToken', 'token-0');
    const fetch = vi.fn(async () => refused());
    vi.stubGlobal('fetch', fetch);
    const seen = new Promise((resolve) => {
      const listener = new BroadcastChannel(SESSION_CHANNEL);
      listener.onmessage = () => {
        listener.close();
        setTimeout(resolve, 20);
      };
    });
    otherTab.postMessage({
      usedUp: 'token-0',
      pair: { accessToken: 'access-1', refreshToken: 'token-1' },
    } satisfies RotationNotice);
    await seen;
    await expect(refreshSession()).resolves.toBe(true);
    expect(fetch).not.toHaveBeenCalled();
    expect(tokens.hasAccess()).toBe(true);
  });

  it('tells the other tabs which token it used up and the pair it got', async () => {
    localStorage.setItem('throughline.refreshToken', 'token-a');
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      pairAnswer({ accessToken: 'access-b', refreshToken: 'token-b' }),
    );
    vi.stubGlobal('fetch', fetch);
    const notice = new Promise<RotationNotice>((resolve) => {
      otherTab.onmessage = (event: MessageEvent<RotationNotice>) => resolve(event.data);
    });
    await expect(refreshSession()).resolves.toBe(true);
    expect(JSON.parse(String(fetch.mock.calls[0][1].body))).toEqual({ refreshToken: 'token-a' });
    expect(localStorage.getItem('throughline.refreshToken')).toBe('token-b');
    await expect(notice).resolves.toMatchObject({
      usedUp: 'token-a',
      pair: { accessToken: 'access-b', refreshToken: 'token-b' },
    });
  });

  it('a refused refresh forgets the refused token, but not one another tab stored meanwhile', async () => {
    localStorage.setItem('throughline.refreshToken', 'token-x');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => refused()),
    );
    await expect(refreshSession()).resolves.toBe(false);
    expect(localStorage.getItem('throughline.refreshToken')).toBeNull();

    localStorage.setItem('throughline.refreshToken', 'token-y');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        localStorage.setItem('throughline.refreshToken', 'token-from-another-tab');
        return refused();
      }),
    );
    await expect(refreshSession()).resolves.toBe(false);
    expect(localStorage.getItem('throughline.refreshToken')).toBe('token-from-another-tab');
  });
});
