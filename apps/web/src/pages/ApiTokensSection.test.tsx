import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../auth/session';
import { ApiTokensSection } from './ApiTokensSection';

const me = {
  id: 'u1',
  name: 'Ann Manager',
  email: 'ann@example.com',
  role: 'account_manager',
  organizationId: 'o1',
  organizationName: 'Firm',
  organizationTimezone: 'UTC',
  timezone: 'UTC',
  clientIds: [],
  executiveIds: [],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const existing = {
  id: 't1',
  name: 'Nightly export',
  scope: 'read',
  createdAt: '2026-03-01T10:00:00.000Z',
  expiresAt: '2026-06-01T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};
const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

function SignedIn({ children }: { children: ReactNode }) {
  const { me: current, login } = useSession();
  useEffect(() => {
    if (current === null) void login('ann@example.com', 'a long enough password');
  }, [current, login]);
  return current ? children : null;
}

afterEach(() => vi.unstubAllGlobals());

describe('ApiTokensSection', () => {
  it('creates a token and shows it once, lists tokens with their last use, and revokes one', async () => {
    let tokens: Array<typeof existing> = [existing];
    const sent: Array<{ key: string; body: unknown }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: Request | string, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init);
        const key = `${request.method} ${new URL(request.url).pathname}`;
        const text = await request.clone().text();
        sent.push({ key, body: text ? JSON.parse(text) : undefined });
        if (key === 'POST /api/v1/auth/login')
          return json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
        if (key === 'GET /api/v1/me') return json(200, me);
        if (key === 'GET /api/v1/me/api-tokens') return json(200, tokens);
        if (key === 'POST /api/v1/me/api-tokens') {
          const created = { ...existing, id: 't2', name: 'BI tool', scope: 'write' };
          tokens = [created, ...tokens];
          return json(201, { ...created, token: 'thl_pat_secretsecretsecret' });
        }
        if (key === 'DELETE /api/v1/me/api-tokens/t1') {
          tokens = tokens.map((t) => (t.id === 't1' ? { ...t, revokedAt: '2026-03-02T10:00:00.000Z' } : t)) as never;
          return new Response(null, { status: 204 });
        }
        throw new Error(`unexpected request ${key}`);
      }),
    );
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <SessionProvider>
          <SignedIn>
            <ApiTokensSection />
          </SignedIn>
        </SessionProvider>
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Your API tokens' });
    expect(within(table).getByText('Nightly export')).toBeTruthy();
    expect(within(table).getByText('Never')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('Say what the token is for.')).toBeTruthy();

    await user.type(screen.getByLabelText('What it is for'), 'BI tool');
    await user.selectOptions(screen.getByLabelText('Scope'), 'write');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const shown = (await screen.findByLabelText('New API token')) as HTMLInputElement;
    expect(shown.value).toBe('thl_pat_secretsecretsecret');
    const created = sent.find((s) => s.key === 'POST /api/v1/me/api-tokens')!.body as Record<string, string>;
    expect(created).toMatchObject({ name: 'BI tool', scope: 'write' });
    expect(new Date(created.expiresAt).getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    expect((screen.getByLabelText('What it is for') as HTMLInputElement).value).toBe('');

    await user.click(await screen.findByRole('button', { name: 'Revoke Nightly export' }));
    expect(await screen.findByText(/^Revoked /)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Revoke Nightly export' })).toBeNull();
  });
});
