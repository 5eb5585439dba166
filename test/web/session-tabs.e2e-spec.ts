import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import {
  browserAvailability,
  createTenant,
  openBrowser,
  startTestApi,
  TEST_PASSWORD,
  type BrowserSession,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Two tabs of one signed-in browser opened at once both restore the session from the one stored refresh token. They
 * must both stay signed in, without the API taking the second refresh for a stolen token (which would end the
 * session everywhere and raise a false security event).
 */
const availability = browserAvailability();

/** Holds each request until a second one comes (or 3 s pass), then lets both go on together. */
function inPairs(): (route: Route) => Promise<void> {
  let waiting: Array<() => void> = [];
  return async (route) => {
    await new Promise<void>((go) => {
      waiting.push(go);
      if (waiting.length === 2) {
        for (const release of waiting.splice(0)) release();
        return;
      }
      setTimeout(() => {
        waiting = waiting.filter((held) => held !== go);
        go();
      }, 3000);
    });
    await route.continue();
  };
}
const describeInBrowser = availability.available ? describe : describe.skip;

describeInBrowser.each([
  // As installed: the dashboard's lock and the API's grace window together.
  ['as configured by default', {}],
  // Without the API's grace window, only the dashboard's de-duplication across tabs keeps both tabs signed in.
  ['with no grace window in the API', { REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' }],
])('two dashboard tabs opened at once (%s)', (_name, env: Record<string, string>) => {
  let api: TestApi;
  let t: Tenant;
  let browser: BrowserSession | null = null;

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../dist/web/index.html')))
      throw new Error('dist/web is not built: run `npm run build` first (npm test does)');
    api = await startTestApi(env);
    t = await createTenant(api.http, 'Tabs');
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(() => api?.close());

  const signedIn = (page: Page) => page.getByRole('button', { name: 'Log out' }).waitFor();

  it('both stay signed in, a reload afterwards still works, and no reuse is raised', async () => {
    browser = await openBrowser();
    const { context, page } = browser;
    await page.goto(`${api.baseUrl}/login`);
    await page.getByLabel('Email').fill(t.emails.manager);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await signedIn(page);
    await page.close();

    const refreshes: number[] = [];
    context.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/refresh')) refreshes.push(response.status());
    });
    // Two refreshes sent together reach the API together, as on a slow network (each goes to the real API unchanged).
    await context.route('**/api/v1/auth/refresh', inPairs());
    const tabs = await Promise.all([context.newPage(), context.newPage()]);
    for (const tab of tabs) tab.setDefaultTimeout(15_000);
    await Promise.all(tabs.map((tab) => tab.goto(`${api.baseUrl}/portfolio`)));
    for (const tab of tabs) {
      await signedIn(tab);
      await tab.getByRole('heading', { name: 'Portfolio' }).waitFor();
    }
    await context.unroute('**/api/v1/auth/refresh');
    // One tab refreshed and the other took its pair, or (its notice still on the way) rotated the new token in turn.
    expect([1, 2]).toContain(refreshes.length);
    for (const tab of tabs) {
      await tab.reload();
      await signedIn(tab);
      await tab.getByRole('heading', { name: 'Portfolio' }).waitFor();
    }

    expect(refreshes.every((status) => status === 200)).toBe(true);
    const reuse: Array<{ n: number }> = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.refresh_token_reused' AND entity_id = $1`,
      [t.users.manager],
    );
    expect(reuse[0].n).toBe(0);
    const revoked: Array<{ n: number }> = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NOT NULL`,
      [t.users.manager],
    );
    expect(revoked[0].n).toBe(0);
  });
});
