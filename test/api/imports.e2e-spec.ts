import { parse } from 'csv-parse/sync';
import {
  createTenant,
  expectStatus,
  generateFirm,
  getText,
  rowCounts,
  signUp,
  startTestApi,
  TEST_PASSWORD,
  uploadCsv,
  type HttpClient,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * CSV import and export over real HTTP (issue 19): a dry run answers what a commit does and writes nothing; a commit
 * is all rows or none, audited as the importing user; re-importing changes nothing; every domain rule holds; bad
 * files are refused naming the problem; an exported firm imported into a new organization gives the same portfolio.
 */
describe('CSV import and export', () => {
  let api: TestApi;
  let home: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    home = await createTenant(api.http, 'Import');
    api.setNow(new Date('2026-03-11T12:00:00Z'));
  });
  afterAll(() => api.close());

  /** A fresh organization with only its admin, as sign-up leaves it. */
  async function newOrganization(label: string): Promise<{ admin: HttpClient; organizationId: string }> {
    const email = `import-${label}-${Date.now()}@firm.test`;
    const signup = await signUp(api.http, {
      organizationName: `${label} ${Date.now()}`,
      name: 'Ida Importer',
      email,
      password: TEST_PASSWORD,
    });
    expectStatus(signup, 201);
    return { admin: api.http.as(signup.body.accessToken), organizationId: signup.body.user.organizationId };
  }

  /** Row counts and a digest of every row of the organization: "nothing written" is checked on both. */
  async function snapshot(organizationId: string) {
    const tables = Object.keys(await rowCounts(api.dataSource, organizationId));
    const digests: Array<{ t: string; h: string }> = await api.dataSource.query(
      tables
        .map(
          (t) =>
            `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x WHERE x.organization_id = $1`,
        )
        .join(' UNION ALL '),
      [organizationId],
    );
    return {
      counts: await rowCounts(api.dataSource, organizationId),
      rows: Object.fromEntries(digests.map((d) => [d.t, d.h])),
    };
  }

  const withoutReport = (body: { rows: unknown[]; summary: unknown }) => ({ rows: body.rows, summary: body.summary });

  describe('templates', () => {
    it.each(['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones'])(
      'GET /imports/templates/%s is a CSV with a BOM, the columns and an example row',
      async (type) => {
        const template = await getText(home.manager, `/imports/templates/${type}`);
        expect(template.status).toBe(200);
        expect(template.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(template.headers.get('content-disposition')).toBe(`attachment; filename="${type}-template.csv"`);
        expect(template.text.startsWith('\uFEFFexternal_key,')).toBe(true);
        const records = parse(template.text, { bom: true });
        expect(records).toHaveLength(2);
      },
    );

    it('an unknown type is a 400 naming it', async () => {
      const response = await home.manager.get('/imports/templates/invoices');
      expectStatus(response, 400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['type']);
    });
  });

  describe('a generated 1,000-row firm', () => {
    let org: { admin: HttpClient; organizationId: string };
    let files: Record<string, string>;
    let dryRun: { rows: Array<{ outcome: string }>; summary: Record<string, number> };

    beforeAll(async () => {
      org = await newOrganization('Generated');
      files = generateFirm(1000, 'G');
    });

    it('dry run: every row answered (created), nothing written', async () => {
      const before = await snapshot(org.organizationId);
      const response = await uploadCsv(org.admin, files, 'dry-run');
      expectStatus(response, 200);
      expect(response.body.mode).toBe('dry-run');
      expect(response.body.committed).toBe(false);
      expect(response.body.rows).toHaveLength(1000);
      expect(response.body.summary).toEqual({ created: 1000, updated: 0, unchanged: 0, error: 0 });
      expect(await snapshot(org.organizationId)).toEqual(before);
      dryRun = response.body;
    });

    it('commit: the same answer as the dry run, every record written and audited as the importing user', async () => {
      const response = await uploadCsv(org.admin, files, 'commit');
      expectStatus(response, 200);
      expect(response.body.committed).toBe(true);
      expect(withoutReport(response.body)).toEqual(withoutReport(dryRun));
      const counts = await rowCounts(api.dataSource, org.organizationId);
      expect(counts).toMatchObject({
        clients: 20,
        executives: 20,
        engagements: 40,
        owners: 40,
        priorities: 160,
        milestones: 720,
        allocation_changes: 40,
      });
      const audit: Array<{ action: string; n: number; actors: string[] }> = await api.dataSource.query(
        `SELECT action, count(*)::int AS n, array_agg(DISTINCT actor_id::text) AS actors FROM audit_events
          WHERE organization_id = $1 AND after->>'source' = 'csv-import' GROUP BY action ORDER BY action`,
        [org.organizationId],
      );
      const me = await org.admin.get('/me');
      expect(audit).toEqual(
        ['client', 'engagement', 'executive', 'milestone', 'owner', 'priority'].map((e) => ({
          action: `${e}.created`,
          n: { client: 20, engagement: 40, executive: 20, milestone: 720, owner: 40, priority: 160 }[e],
          actors: [me.body.id],
        })),
      );
      const portfolio = await org.admin.get('/portfolio?limit=100');
      expect(portfolio.body.total).toBe(40);
      expect(portfolio.body.items[0].priorityCounts.active).toBe(4);
    });

    it('re-importing the same files changes nothing (every row unchanged, no row or audit event written)', async () => {
      const before = await snapshot(org.organizationId);
      const dry = await uploadCsv(org.admin, files, 'dry-run');
      const commit = await uploadCsv(org.admin, files, 'commit');
      expectStatus(commit, 200);
      expect(commit.body.summary).toEqual({ created: 0, updated: 0, unchanged: 1000, error: 0 });
      expect(withoutReport(commit.body)).toEqual(withoutReport(dry.body));
      expect(await snapshot(org.organizationId)).toEqual(before);
    });

    it('a changed row updates its record; moving a due date needs a re-plan reason, which the history keeps', async () => {
      const clients = files.clients.replace('Client G 3,', 'Client G 3 (renamed),');
      const milestones = (reason: string) =>
        `external_key,priority_key,title,due_date,replan_reason,replan_category\nG-CL-0-EN-0-PR-2-MS-3,G-CL-0-EN-0-PR-2,Milestone 4,2026-07-31,${reason},${reason ? 'client' : ''}\n`;
      const before = await snapshot(org.organizationId);
      const refused = await uploadCsv(org.admin, { clients, milestones: milestones('') }, 'commit');
      expectStatus(refused, 422);
      expect(refused.body.code).toBe('IMPORT.ROWS_INVALID');
      const report = refused.body.details.report;
      expect(report.summary).toEqual({ created: 0, updated: 1, unchanged: 19, error: 1 });
      expect(report.rows.find((r: { outcome: string }) => r.outcome === 'error')).toEqual({
        type: 'milestones',
        line: 2,
        externalKey: 'G-CL-0-EN-0-PR-2-MS-3',
        outcome: 'error',
        changed: [],
        errors: [
          { column: 'replan_reason', rule: 'required when due_date changes (a re-plan keeps its reason)' },
          {
            column: 'replan_category',
            rule: 'required when due_date changes (client, executive, allocation, dependency or scope)',
          },
        ],
      });
      expect(await snapshot(org.organizationId)).toEqual(before);

      const done = await uploadCsv(org.admin, { clients, milestones: milestones('Client moved the launch') }, 'commit');
      expectStatus(done, 200);
      expect(done.body.rows.filter((r: { outcome: string }) => r.outcome === 'updated')).toEqual([
        expect.objectContaining({ type: 'clients', externalKey: 'G-CL-3', changed: ['name'] }),
        expect.objectContaining({ type: 'milestones', changed: ['due_date'] }),
      ]);
      const [milestone]: Array<{ id: string }> = await api.dataSource.query(
        `SELECT id FROM milestones WHERE organization_id = $1 AND external_key = 'G-CL-0-EN-0-PR-2-MS-3'`,
        [org.organizationId],
      );
      const history = await org.admin.get(`/milestones/${milestone.id}/history`);
      expect(history.body).toEqual([
        expect.objectContaining({
          newDueDate: '2026-07-31',
          reason: 'Client moved the launch',
          changedByName: 'Ida Importer',
        }),
      ]);
      const view = await org.admin.get(`/milestones/${milestone.id}`);
      expect(view.body).toMatchObject({ dueDate: '2026-07-31', replanCount: 1 });
      expect(view.body.baselineDueDate).not.toBe('2026-07-31');
    });

    it('keeps the focus cap and one owner of the client: refused rows are named and nothing is written', async () => {
      const before = await snapshot(org.organizationId);
      const priorities =
        'external_key,engagement_key,owner_key,title,target_date\n' +
        'G-NEW-1,G-CL-0-EN-0,G-CL-0-OW-0,Fifth,2026-09-30\n' +
        'G-NEW-2,G-CL-0-EN-0,G-CL-0-OW-0,Sixth,2026-09-30\n' +
        'G-NEW-3,G-CL-1-EN-0,G-CL-0-OW-0,Wrong owner,2026-09-30\n' +
        'G-NEW-4,G-CL-1-EN-0,NOPE,Unknown owner,2026-09-30\n';
      const response = await uploadCsv(org.admin, { priorities }, 'commit');
      expectStatus(response, 422);
      expect(
        response.body.details.report.rows.map((r: { outcome: string; errors: unknown[] }) => [r.outcome, r.errors]),
      ).toEqual([
        ['created', []],
        [
          'error',
          [
            {
              column: 'status',
              rule: 'the engagement would have 6 active priorities and the focus cap is 5 (PRIORITY.FOCUS_CAP_EXCEEDED)',
            },
          ],
        ],
        [
          'error',
          [{ column: 'owner_key', rule: "the owner is not at the engagement's client (one owner, of that client)" }],
        ],
        [
          'error',
          [{ column: 'owner_key', rule: 'no owner with external_key NOPE in this import or in your organization' }],
        ],
      ]);
      expect(await snapshot(org.organizationId)).toEqual(before);
    });
  });

  describe('bad input: refused naming the problem, nothing written', () => {
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeEach(async () => {
      before = await snapshot(home.organizationId);
    });
    afterEach(async () => {
      expect(await snapshot(home.organizationId)).toEqual(before);
    });

    const expectFileInvalid = (response: { status: number; body: any }, message: RegExp) => {
      expectStatus(response, 422);
      expect(response.body.code).toBe('IMPORT.FILE_INVALID');
      expect(response.body.message).toMatch(message);
    };

    it('a missing required column, an unknown column', async () => {
      expectFileInvalid(
        await uploadCsv(home.manager, { clients: 'external_key,name\nX1,Acme\n' }, 'commit'),
        /^clients\.csv: missing required column stage$/,
      );
      expectFileInvalid(
        await uploadCsv(home.manager, { owners: 'external_key,client_key,name,shoe_size\nX,Y,Z,44\n' }),
        /unknown column "shoe_size"/,
      );
    });

    it('a record with too many cells, broken quoting, no rows', async () => {
      expectFileInvalid(
        await uploadCsv(home.manager, { clients: 'external_key,name,stage\nX1,Acme,growth,extra\n' }, 'commit'),
        /broken CSV: .*line 2/,
      );
      expectFileInvalid(
        await uploadCsv(home.manager, { clients: 'external_key,name,stage\nX1,"Acme,growth\nX2,B,growth\n' }, 'commit'),
        /broken CSV: Quote Not Closed/,
      );
      expectFileInvalid(
        await uploadCsv(home.manager, { clients: 'external_key,name,stage\n' }),
        /has a header but no rows/,
      );
    });

    it('a file that is not UTF-8 (Latin-1 bytes)', async () => {
      const latin1 = Buffer.concat([
        Buffer.from('external_key,name,stage\nX1,Caf'),
        Buffer.from([0xe9]),
        Buffer.from(',growth\n'),
      ]);
      expectFileInvalid(await uploadCsv(home.manager, { clients: latin1 }, 'commit'), /is not UTF-8 text/);
    });

    it('a UTF-8 file with a BOM and CRLF line ends is fine (as spreadsheets save it)', async () => {
      const response = await uploadCsv(home.manager, {
        clients: '\uFEFFexternal_key,name,stage\r\nBOM-1,Café Ünïcode,growth\r\n',
      });
      expectStatus(response, 200);
      expect(response.body.summary).toEqual({ created: 1, updated: 0, unchanged: 0, error: 0 });
    });

    it('bad cells are per-row errors naming the column and the rule (dry run 200, commit 422)', async () => {
      const file = 'external_key,name,stage,account_manager_email\nX1,,growth,\nX2,Acme,huge,nobody@firm.test\n';
      const dry = await uploadCsv(home.manager, { clients: file });
      expectStatus(dry, 200);
      expect(dry.body.rows.map((r: { errors: unknown }) => r.errors)).toEqual([
        [{ column: 'name', rule: 'required' }],
        [{ column: 'stage', rule: 'one of emerging, growth, enterprise' }],
      ]);
      expectStatus(await uploadCsv(home.manager, { clients: file }, 'commit'), 422);
    });

    it('a 50 MB upload is a 413', async () => {
      const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
      const response = await uploadCsv(home.manager, { clients: big }, 'commit');
      expectStatus(response, 413);
      expect(response.body.code).toBe('REQUEST.BODY_TOO_LARGE');
    });

    it('JSON instead of a multipart upload is a 415; a stray field or no file a 400', async () => {
      const json = await home.manager.post('/imports?mode=commit', { clients: 'external_key,name,stage' });
      expectStatus(json, 415);
      const stray = await uploadCsv(home.manager, { invoices: 'a,b\n1,2\n' } as never);
      expectStatus(stray, 400);
      expect(stray.body.errors[0].field).toBe('invoices');
    });

    it('an unknown mode is a 400 naming it', async () => {
      const response = await home.manager.post('/imports?mode=yolo');
      expectStatus(response, 400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['mode']);
    });

    it('roles that may not import get 403 before the upload is read', async () => {
      for (const caller of [home.executive, home.clientViewer]) {
        const response = await uploadCsv(caller, { clients: 'external_key,name,stage\nR1,Acme,growth\n' }, 'commit');
        expectStatus(response, 403);
      }
    });
  });

  describe('exports', () => {
    it('the portfolio as CSV: UTF-8 with a BOM, one row per engagement you can see, formulas neutralised', async () => {
      await home.manager.patch(`/clients/${home.a.clientId}`, { name: '=HYPERLINK("http://evil.example")' });
      const csv = await getText(home.manager, '/exports/portfolio');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.text.startsWith('\uFEFFclient,executive,function,status,days_per_week,')).toBe(true);
      const records: string[][] = parse(csv.text, { bom: true });
      expect(records.length).toBe(1 + 2);
      expect(records.map((r) => r[0])).toContain('\'=HYPERLINK("http://evil.example")');
      const viewer = parse((await getText(home.clientViewer, '/exports/portfolio')).text, { bom: true }) as string[][];
      expect(viewer[0]).not.toContain('days_per_week');
      expect(viewer).toHaveLength(2); // its one client's engagement only
    });

    it("alerts, and an engagement's milestones with their re-plan history", async () => {
      const replan = await home.manager.post(`/milestones/${home.a.milestoneId}/replan`, {
        dueDate: '2026-07-15',
        reason: '@vendor slipped',
        category: 'dependency',
      });
      expectStatus(replan, 200);
      const milestones: string[][] = parse(
        (await getText(home.executive, `/engagements/${home.a.engagementId}/milestones/export`)).text,
        { bom: true },
      );
      expect(milestones[0].slice(0, 3)).toEqual(['priority', 'milestone', 'row']);
      expect(milestones.filter((r) => r[2] === 're-plan').map((r) => [r[10], r[11], r[12]])).toEqual([
        ['2026-06-30', '2026-07-15', "'@vendor slipped"],
      ]);
      expectStatus(
        {
          status: (await getText(home.executive, `/engagements/${home.b.engagementId}/milestones/export`)).status,
          body: null,
        },
        404,
      );
      const alerts = await getText(home.manager, '/exports/alerts');
      expect(alerts.status).toBe(200);
      expect(alerts.text.startsWith('\uFEFFrule,severity,status,')).toBe(true);
    });

    it('the firm export is for admins and account managers; an unknown kind is a 400', async () => {
      expect((await getText(home.executive, '/exports/clients')).status).toBe(403);
      expect((await getText(home.manager, '/exports/invoices')).status).toBe(400);
    });
  });

  describe('round trip: export a firm, import it into a new organization, the same portfolio', () => {
    it('rebuilds clients, executives, engagements, owners, priorities and milestones (keys and ids carried over)', async () => {
      const source = await newOrganization('Source');
      expectStatus(await uploadCsv(source.admin, generateFirm(200, 'R'), 'commit'), 200);
      // typed into the app, no external keys: exported with their ids as keys
      const client = await source.admin.post('/clients', {
        name: '+Formula Corp',
        stage: 'growth',
        industry: '-minus',
      });
      const exec = await source.admin.post('/executives', {
        name: '@Exec',
        email: 'at-exec@example.com',
        functions: ['CPO'],
      });
      const engagement = await source.admin.post('/engagements', {
        clientId: client.body.id,
        executiveId: exec.body.id,
        function: 'CPO',
        startDate: '2026-02-02',
        daysPerWeek: 1.5,
      });
      const owner = await source.admin.post('/owners', { clientId: client.body.id, name: 'Owen Owner' });
      const priority = await source.admin.post(`/engagements/${engagement.body.id}/priorities`, {
        title: '=1+1 launch',
        ownerId: owner.body.id,
        startDate: '2026-02-02',
        targetDate: '2026-08-31',
      });
      const milestone = await source.admin.post(`/priorities/${priority.body.id}/milestones`, {
        title: 'Beta',
        dueDate: '2026-03-01',
      });
      expectStatus(
        await source.admin.post(`/milestones/${milestone.body.id}/replan`, {
          dueDate: '2026-04-01',
          reason: 'Scope',
          category: 'scope',
        }),
        200,
      );

      const exported: Record<string, string> = {};
      for (const type of ['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones']) {
        const csv = await getText(source.admin, `/exports/${type}`);
        expect(csv.status).toBe(200);
        exported[type] = csv.text;
      }
      expect(exported.clients).toContain("'+Formula Corp");

      const target = await newOrganization('Target');
      const imported = await uploadCsv(target.admin, exported, 'commit');
      expectStatus(imported, 200);
      expect(imported.body.summary.error).toBe(0);

      const comparable = async (admin: HttpClient) => {
        const page = await admin.get('/portfolio?limit=100&sort=client');
        return page.body.items
          .map((e: Record<string, any>) => ({
            client: e.clientName,
            executive: e.executiveName,
            function: e.function,
            status: e.status,
            daysPerWeek: e.daysPerWeek,
            priorityCounts: e.priorityCounts,
            progress: e.progress,
            expectedProgress: e.expectedProgress,
            overdueMilestones: e.overdueMilestones,
            nextMilestone: e.nextMilestone && { title: e.nextMilestone.title, dueDate: e.nextMilestone.dueDate },
          }))
          .sort((a: { client: string; function: string }, b: { client: string; function: string }) =>
            `${a.client}/${a.function}`.localeCompare(`${b.client}/${b.function}`),
          );
      };
      const before = await comparable(source.admin);
      expect(before).toHaveLength(9);
      expect(await comparable(target.admin)).toEqual(before);
      // and exporting the new organization gives the same files (records keyed the same)
      for (const type of ['clients', 'priorities', 'milestones']) {
        const again = await getText(target.admin, `/exports/${type}`);
        const sorted = (text: string) => (parse(text, { bom: true }) as string[][]).map((r) => r.join('\u0001')).sort();
        expect(sorted(again.text)).toEqual(sorted(exported[type]));
      }
    });
  });
});
