import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { hashPassword } from '@app/domain';
import { browserAvailability, expectStatus, openBrowser, startTestApi, type TestApi } from '@test/support';
import { BENCH_PASSWORD, dataSet, emailOf } from './scale/data-set';
import { seedDataSet } from './scale/seed';

/**
 * `npm run bench:web`: first load of the portfolio with 200 engagements (the `web` data set of bench/scale) in the
 * built dashboard, in Debian's Chromium. Each run uses a fresh browser profile (cold cache: every script and stylesheet is downloaded), a
 * session restored from a refresh token (as after a reload), and measures from navigation start until the
 * 200 rows are on screen, then until typing in the search box has filtered them (the page responds to input).
 * Prints the figures; asserts nothing about time.
 */
const set = dataSet('web');
const { shape } = set.groups[0];
const ENGAGEMENTS = shape.clients * shape.engagementsPerClient;
/** Milliseconds since navigation start: scripts downloaded, portfolio API answered, rows shown, search filtered. */
interface Figures {
  scripts: number;
  portfolio: number;
  rows: number;
  interactive: number;
}
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

describeInBrowser(`web: first load of the portfolio with ${ENGAGEMENTS} engagements`, () => {
  let api: TestApi;
  const email = emailOf(set, 'org', 'admin');

  beforeAll(async () => {
    api = await startTestApi();
    // The `web` data set of bench/scale, on one connection of the owner (the seed is one transaction).
    const client = new Client({ connectionString: (api.dataSource.options as { url?: string }).url });
    await client.connect();
    try {
      await seedDataSet(client, set, { passwordHash: await hashPassword(BENCH_PASSWORD) });
    } finally {
      await client.end();
    }
  }, 120_000);
  afterAll(() => api?.close());

  it('prints the time to the rows and to the first filtered search', async () => {
    const figures: Figures[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const login = await api.http.post('/auth/login', { email, password: BENCH_PASSWORD });
      expectStatus(login, 200);
      const browser = await openBrowser();
      try {
        await browser.context.addInitScript(
          `localStorage.setItem('throughline.refreshToken', ${JSON.stringify(login.body.refreshToken)})`,
        );
        figures.push(await measure(browser.page, `${api.baseUrl}/portfolio`));
        if (run === 0) await browser.screenshot('bench-portfolio-200');
      } finally {
        await browser.close();
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const lines = [
      `[bench:web] portfolio with ${ENGAGEMENTS} engagements, built app, Chromium headless, cold cache, ${RUNS} runs`,
      ...figures.map(
        (f, i) =>
          `[bench:web]   run ${i + 1}: scripts ${f.scripts} ms, /portfolio answered ${f.portfolio} ms, ${ENGAGEMENTS} rows ${f.rows} ms, first filtered search ${f.interactive} ms`,
      ),
      `[bench:web] median ${median(figures.map((f) => f.rows))} ms to rows, ${median(figures.map((f) => f.interactive))} ms interactive (max ${Math.max(...figures.map((f) => f.interactive))} ms)`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
    expect(figures).toHaveLength(RUNS);
  }, 300_000);
});

/** This file is type-checked without the DOM library: the one page global the predicates read, typed here. A
 * predicate runs in the page from its source text, so it calls nothing of this file. */
declare const document: { querySelectorAll(selector: string): { length: number } };

async function measure(page: Page, url: string): Promise<Figures> {
  await page.goto(url, { waitUntil: 'commit' });
  // Predicates are functions, not strings: the app's CSP (script-src 'self') forbids the eval a string predicate needs.
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="portfolio-row"]').length === n,
    ENGAGEMENTS,
    { polling: 'raf', timeout: 30_000 },
  );
  const rows = await page.evaluate<number>('Math.round(performance.now())');
  const timings = await page.evaluate<{ scripts: number; portfolio: number }>(`(() => {
    const resources = performance.getEntriesByType('resource');
    const end = (match) => Math.round(Math.max(0, ...resources.filter((r) => match(r.name)).map((r) => r.responseEnd)));
    return { scripts: end((n) => n.includes('/assets/')), portfolio: end((n) => n.includes('/api/v1/portfolio')) };
  })()`);
  await page.getByLabel('Search').fill('Client 0007');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="portfolio-row"]').length < n,
    ENGAGEMENTS,
    { polling: 'raf' },
  );
  const interactive = await page.evaluate<number>('Math.round(performance.now())');
  return { rows, interactive, ...timings };
}
