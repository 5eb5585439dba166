import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  accessibilityViolations,
  browserAvailability,
  expectStatus,
  generateFirm,
  openBrowser,
  rowCounts,
  signUp,
  startTestApi,
  TEST_PASSWORD,
  uploadCsv,
  type BrowserSession,
  type HttpClient,
  type TestApi,
} from '@test/support';

/**
 * The CSV import in the dashboard, in Chromium (issue 19): a new firm's admin downloads a template, uploads a small
 * firm's six files, sees the dry run as a table with an error per row naming the column and the rule (and nothing
 * written, no import button), corrects the files, checks again, confirms, and the firm is there; checking the same
 * files again finds every row unchanged.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

const TYPES = ['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones'] as const;

describeInBrowser('CSV import through the dashboard, in Chromium', () => {
  let api: TestApi;
  let browser: BrowserSession | null = null;
  let admin: HttpClient;
  let adminEmail: string;
  let organizationId: string;

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../dist/web/index.html')))
      throw new Error('dist/web is not built: run `npm run build` first (npm test does)');
    api = await startTestApi();
    adminEmail = `onboarding-${Date.now()}@firm.test`;
    const signup = await signUp(api.http, {
      organizationName: `Onboarding ${Date.now()}`,
      name: 'Ida Importer',
      email: adminEmail,
      password: TEST_PASSWORD,
    });
    expectStatus(signup, 201);
    admin = api.http.as(signup.body.accessToken);
    organizationId = signup.body.user.organizationId;
  });
  afterEach(async () => {
    const refused = browser?.cspViolations ?? [];
    await browser?.close();
    browser = null;
    expect(refused).toEqual([]);
  });
  afterAll(() => api?.close());

  async function openImport(page: Page) {
    await page.goto(`${api.baseUrl}/login`);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.goto(`${api.baseUrl}/manage/import`);
    const form = page.getByRole('form', { name: 'Import files' });
    await form.waitFor();
    return form;
  }

  /** Chooses each file in its own file input, as a person picking files does. */
  async function choose(page: Page, files: Partial<Record<(typeof TYPES)[number], string>>) {
    for (const [type, text] of Object.entries(files))
      await page
        .getByLabel(type[0].toUpperCase() + type.slice(1), { exact: true })
        .setInputFiles({ name: `${type}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) });
  }

  const dryRunStatus = (page: Page) =>
    page
      .locator('.card', { has: page.getByRole('heading', { name: 'Dry run' }) })
      .getByRole('status')
      .first();

  it('template, upload, a dry run with errors per row and nothing written, then corrected, confirmed and committed', async () => {
    browser = await openBrowser();
    const { page } = browser;
    const form = await openImport(page);

    // A template per type: the header row of the documented columns, UTF-8 with a BOM.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'clients template' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('clients-template.csv');
    const templateText = readFileSync((await template.path())!, 'utf8');
    expect(templateText.startsWith('\uFEFFexternal_key,name,')).toBe(true);

    // A small firm (100 rows) with three mistakes: a stage that is not one, an engagement of a client key that is
    // nowhere, a due date that is not a date.
    const tag = `W${Date.now().toString(36)}`;
    const good = generateFirm(100, tag);
    const bad = {
      ...good,
      clients: good.clients.replace(`${tag}-CL-0,Client ${tag} 0,,emerging`, `${tag}-CL-0,Client ${tag} 0,,huge`),
      engagements: good.engagements.replace(`${tag}-CL-1-EN-1,${tag}-CL-1,`, `${tag}-CL-1-EN-1,${tag}-CL-9,`),
      milestones: good.milestones.replace(
        new RegExp(`(${tag}-CL-1-EN-0-PR-3-MS-2,${tag}-CL-1-EN-0-PR-3,Milestone 3,)[0-9-]+`),
        '$12026-02-30',
      ),
    };
    expect(bad.clients).not.toBe(good.clients);
    expect(bad.engagements).not.toBe(good.engagements);
    expect(bad.milestones).not.toBe(good.milestones);
    const before = await rowCounts(api.dataSource, organizationId);

    await choose(page, bad);
    await form.getByRole('button', { name: 'Check 6 files' }).click();
    const table = page.getByRole('table', { name: 'Rows of the dry run' });
    await table.waitFor();
    // The same answer as the API's dry run of the same files.
    const expected = (await uploadCsv(admin, bad, 'dry-run')).body.summary;
    expect(expected.error).toBeGreaterThanOrEqual(3);
    await dryRunStatus(page)
      .filter({
        hasText: `${expected.created} to create, ${expected.updated} to update, ${expected.unchanged} unchanged, ${expected.error} with errors`,
      })
      .waitFor();
    const errorRow = (file: string, key: string) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: key, exact: true }) })
        .filter({
          has: page.getByRole('cell', { name: file, exact: true }),
        });
    await errorRow('clients', `${tag}-CL-0`)
      .getByRole('cell', { name: 'stage: one of emerging, growth, enterprise' })
      .waitFor();
    expect(await errorRow('engagements', `${tag}-CL-1-EN-1`).getByRole('cell', { name: 'error' }).count()).toBe(1);
    expect(await errorRow('engagements', `${tag}-CL-1-EN-1`).textContent()).toContain('client_key');
    await errorRow('milestones', `${tag}-CL-1-EN-0-PR-3-MS-2`)
      .getByRole('cell', { name: 'due_date: a date YYYY-MM-DD' })
      .waitFor();
    // Rows with errors come first; no import while any row has one; nothing written.
    expect(await table.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()).toBe('error');
    await page.getByText('nothing is imported while any row has one').waitFor();
    expect(await page.getByRole('button', { name: /^Import \d+ rows$/ }).count()).toBe(0);
    expect(await rowCounts(api.dataSource, organizationId)).toEqual(before);
    expect(await accessibilityViolations(page)).toEqual([]);
    await browser.screenshot('import-dry-run-errors');

    // Corrected files: the previous report goes as soon as a file changes; checked again, every row is to create.
    await choose(page, { clients: good.clients, engagements: good.engagements, milestones: good.milestones });
    expect(await table.count()).toBe(0);
    await form.getByRole('button', { name: 'Check 6 files' }).click();
    await dryRunStatus(page).filter({ hasText: '100 to create, 0 to update, 0 unchanged, 0 with errors' }).waitFor();
    expect(await rowCounts(api.dataSource, organizationId)).toEqual(before);

    // The import asks for confirmation; dismissed, nothing happens.
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Import 100 rows now?');
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Import 100 rows' }).click();
    expect(await rowCounts(api.dataSource, organizationId)).toEqual(before);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Import 100 rows' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 100 created, 0 updated, 0 unchanged.' }).waitFor();
    await browser.screenshot('import-committed');

    const [counts] = await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM clients WHERE organization_id = $1) AS clients,
              (SELECT count(*)::int FROM engagements WHERE organization_id = $1) AS engagements,
              (SELECT count(*)::int FROM priorities WHERE organization_id = $1) AS priorities,
              (SELECT count(*)::int FROM milestones WHERE organization_id = $1) AS milestones`,
      [organizationId],
    );
    expect(counts).toEqual({ clients: 2, engagements: 4, priorities: 16, milestones: 72 });
    const actors: Array<{ actor: string }> = await api.dataSource.query(
      `SELECT DISTINCT actor_id::text AS actor FROM audit_events WHERE organization_id = $1 AND action = 'milestone.created' AND after->>'source' = 'csv-import'`,
      [organizationId],
    );
    expect(actors).toEqual([{ actor: (await admin.get('/me')).body.id }]);

    // The firm is in the portfolio.
    await page.goto(`${api.baseUrl}/portfolio`);
    await page.getByRole('link', { name: `Client ${tag} 1 · CMO` }).waitFor();
    expect(await page.getByTestId('portfolio-row').count()).toBe(4);
  });

  it('checking the same files again: every row unchanged', async () => {
    browser = await openBrowser();
    const { page } = browser;
    const form = await openImport(page);
    const [client] = await api.dataSource.query(
      `SELECT external_key FROM clients WHERE organization_id = $1 ORDER BY external_key LIMIT 1`,
      [organizationId],
    );
    const tag = String(client.external_key).split('-CL-')[0];
    await choose(page, generateFirm(100, tag));
    await form.getByRole('button', { name: 'Check 6 files' }).click();
    await dryRunStatus(page).filter({ hasText: '0 to create, 0 to update, 100 unchanged, 0 with errors' }).waitFor();
  });
});
