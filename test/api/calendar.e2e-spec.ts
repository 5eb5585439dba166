import ICAL from 'ical.js';
import {
  createTenant,
  createUser,
  expectStatus,
  login,
  startTestApi,
  TEST_PASSWORD,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Private calendar feeds (issue 19) over real HTTP, parsed by ical.js (the feed is written with ical-generator): the
 * user's open milestones as all-day events with stable UIDs that follow a re-plan; the token is stored hashed,
 * regenerating revokes the old URL, and a disabled user's feed is a 404 like an unknown token.
 */
describe('calendar feed', () => {
  let api: TestApi;
  let home: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    home = await createTenant(api.http, 'Calendar');
    api.setNow(new Date('2026-03-11T12:00:00Z'));
  });
  afterAll(() => api.close());

  /** The feed path under the API (the URL is absolute, on PUBLIC_URL). */
  const pathOf = (url: string) => new URL(url).pathname;

  async function fetchFeed(path: string) {
    const response = await fetch(`${api.baseUrl}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  function events(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  }

  it("lists the executive's open milestones as all-day events; a re-plan moves the event and keeps its UID", async () => {
    const created = await home.executive.post('/me/calendar-feed');
    expectStatus(created, 200);
    expect(created.body.url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = pathOf(created.body.url).split('/').pop()!.replace('.ics', '');
    const [stored]: Array<{ calendar_token_hash: string }> = await api.dataSource.query(
      `SELECT calendar_token_hash FROM users WHERE id = $1`,
      [home.users.executive],
    );
    expect(stored.calendar_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.calendar_token_hash).not.toContain(token);

    const feed = await fetchFeed(pathOf(created.body.url));
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    const milestoneEvents = events(feed.text).filter((e) => e.uid.startsWith('milestone-'));
    const [event, ...others] = milestoneEvents;
    expect(others).toEqual([]); // scope b's engagement is not this executive's
    expect(event.uid).toMatch(new RegExp(`^milestone-${home.a.milestoneId}@`));
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-06-30');
    expect(event.summary).toBe(
      `Due: Milestone A (${(await home.executive.get(`/clients/${home.a.clientId}`)).body.name})`,
    );

    expectStatus(
      await home.executive.post(`/milestones/${home.a.milestoneId}/replan`, {
        dueDate: '2026-07-20',
        reason: 'Hiring freeze',
        category: 'client',
      }),
      200,
    );
    const [moved] = events((await fetchFeed(pathOf(created.body.url))).text).filter((e) =>
      e.uid.startsWith('milestone-'),
    );
    expect(moved.uid).toBe(event.uid);
    expect(moved.startDate.toString()).toBe('2026-07-20');
    expect(moved.sequence).toBe(event.sequence + 1);
  });

  it("lists the executive's weekly check-ins due, a week after the latest; a new check-in moves the event", async () => {
    const path = pathOf((await home.executive.post('/me/calendar-feed')).body.url);
    const checkInEvents = async () => events((await fetchFeed(path)).text).filter((e) => e.uid.startsWith('check-in-'));
    const dayAfterWeek = (instant: string) =>
      new Date(new Date(instant).getTime() + 7 * 86_400_000).toISOString().slice(0, 10); // the organization is on UTC
    const latest = (await home.executive.get(`/priorities/${home.a.priorityId}/check-ins?limit=1`)).body.items[0];

    const [due, ...others] = await checkInEvents();
    expect(others).toEqual([]); // scope b's priority is not this executive's
    expect(due.uid).toMatch(new RegExp(`^check-in-${home.a.priorityId}@`));
    expect(due.startDate.isDate).toBe(true);
    expect(due.startDate.toString()).toBe(dayAfterWeek(latest.createdAt));
    expect(due.summary).toBe(
      `Check-in due: Priority A (${(await home.executive.get(`/clients/${home.a.clientId}`)).body.name})`,
    );

    const posted = await home.executive.post(`/priorities/${home.a.priorityId}/check-ins`, {
      rag: 'at_risk',
      confidence: 6,
      note: 'One AE hire slipped a week',
    });
    expectStatus(posted, 201);
    const [moved] = await checkInEvents();
    expect(moved.uid).toBe(due.uid);
    expect(moved.startDate.toString()).toBe(dayAfterWeek(posted.body.createdAt));
    expect(moved.sequence).toBe(due.sequence + 1);
  });

  it("the account manager's feed lists the milestones of the clients they manage", async () => {
    expectStatus(
      await home.manager.patch(`/clients/${home.b.clientId}`, { accountManagerId: home.users.manager }),
      200,
    );
    const feed = await fetchFeed(pathOf((await home.manager.post('/me/calendar-feed')).body.url));
    expect(events(feed.text).map((e) => e.uid.split('@')[0])).toEqual([`milestone-${home.b.milestoneId}`]);
  });

  it('regenerating revokes the previous URL (404); a malformed or unknown token is a 404 too', async () => {
    const first = pathOf((await home.clientViewer.post('/me/calendar-feed')).body.url);
    expect((await fetchFeed(first)).status).toBe(200);
    const second = pathOf((await home.clientViewer.post('/me/calendar-feed')).body.url);
    expect(second).not.toBe(first);
    const revoked = await fetchFeed(first);
    expect(revoked.status).toBe(404);
    expect(JSON.parse(revoked.text)).toMatchObject({ statusCode: 404, code: 'CALENDAR.NOT_FOUND' });
    expect((await fetchFeed(second)).status).toBe(200);
    for (const bad of ['/api/v1/calendar/x.ics', `${second.replace('.ics', '')}`, '/api/v1/calendar/%00.ics'])
      expect((await fetchFeed(bad)).status).toBe(404);
  });

  it("a disabled user's feed is a 404, and comes back when the user is enabled again", async () => {
    const created = await createUser(home.admin, {
      email: `cal-${Date.now()}@firm.test`,
      name: 'Cal Endar',
      password: TEST_PASSWORD,
      role: 'account_manager',
    });
    const user = await login(api.http, created.body.email);
    const path = pathOf((await user.post('/me/calendar-feed')).body.url);
    expect((await fetchFeed(path)).status).toBe(200);
    expectStatus(await home.admin.post(`/users/${created.body.id}/disable`), 200);
    expect((await fetchFeed(path)).status).toBe(404);
    expectStatus(await home.admin.post(`/users/${created.body.id}/enable`), 200);
    expect((await fetchFeed(path)).status).toBe(200);
  });

  it('regenerating is audited', async () => {
    const audit = await home.admin.get(`/audit-events?entityId=${home.users.clientViewer}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('user.calendar_feed_regenerated');
  });
});
