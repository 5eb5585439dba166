import ICAL from 'ical.js';
import { CheckInRemindersService } from '@app/domain';
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

  /**
   * The check-ins due follow the weekly check-in loop (issue 18): the periods the dispatcher recorded in
   * check_in_dues, then this period and the next on the organization's check-in day. The organization is on UTC; the
   * clock is pinned to Wednesday 2026-03-11 (ISO week 2026-W11, Monday 2026-03-09).
   */
  it("lists the executive's check-ins due on the loop's schedule; a check-in clears its period, cadence off clears all", async () => {
    const q = (sql: string, params: unknown[]) => api.dataSource.query(sql, params);
    const path = pathOf((await home.executive.post('/me/calendar-feed')).body.url);
    const checkInEvents = async () =>
      events((await fetchFeed(path)).text)
        .filter((e) => e.uid.startsWith('check-in-'))
        .map((e) => ({ uid: e.uid.split('@')[0], on: e.startDate.toString(), allDay: e.startDate.isDate }));
    const uid = (week: string) => `check-in-${home.a.priorityId}-${week}`;
    // The fixture's check-ins were written today (wall clock); this story happens in March 2026, after them: move them
    // to Thursday 2026-02-26 (W09).
    await q(`UPDATE check_ins SET created_at = '2026-02-26T10:00:00Z' WHERE organization_id = $1`, [
      home.organizationId,
    ]);

    // The dispatcher ran in W10 while the check-in day was Monday: it recorded a due on Monday 2026-03-02.
    api.setNow(new Date('2026-03-04T12:00:00Z'));
    await api.app.get(CheckInRemindersService).dispatch(home.organizationId);
    api.setNow(new Date('2026-03-11T12:00:00Z'));
    // Since then the organization moved its check-in day to Wednesday.
    expectStatus(await home.admin.patch('/organization/settings', { checkInWeekday: 3 }), 200);

    // W10 keeps the date it was recorded with; W11 and W12 are due on Wednesdays. Scope b's priority is not theirs.
    const before = await checkInEvents();
    expect(before).toEqual([
      { uid: uid('2026-W10'), on: '2026-03-02', allDay: true },
      { uid: uid('2026-W11'), on: '2026-03-11', allDay: true },
      { uid: uid('2026-W12'), on: '2026-03-18', allDay: true },
    ]);
    const feed = events((await fetchFeed(path)).text);
    expect(feed.find((e) => e.uid.startsWith(uid('2026-W11')))!.summary).toBe(
      `Check-in due: Priority A (${(await home.executive.get(`/clients/${home.a.clientId}`)).body.name})`,
    );
    // The same events on the next fetch: stable UIDs.
    expect(await checkInEvents()).toEqual(before);

    // A check-in on Tuesday 2026-03-10 answers W11 and the overdue W10 (a check-in since a period began answers it,
    // as for the reminders and check_in_missed); the next week stays, with the same UID.
    const posted = await home.executive.post(`/priorities/${home.a.priorityId}/check-ins`, {
      rag: 'at_risk',
      confidence: 6,
      note: 'One AE hire slipped a week',
    });
    expectStatus(posted, 201);
    await q(`UPDATE check_ins SET created_at = '2026-03-10T15:00:00Z' WHERE id = $1`, [posted.body.id]);
    expect(await checkInEvents()).toEqual([before[2]]);

    // An engagement whose check-in cadence is off has no check-ins due; its milestones stay in the feed.
    expectStatus(await home.manager.patch(`/engagements/${home.a.engagementId}`, { checkInCadence: 'off' }), 200);
    expect(await checkInEvents()).toEqual([]);
    expect(events((await fetchFeed(path)).text).map((e) => e.uid.split('@')[0])).toEqual([
      `milestone-${home.a.milestoneId}`,
    ]);
    expectStatus(await home.manager.patch(`/engagements/${home.a.engagementId}`, { checkInCadence: 'weekly' }), 200);
    expect(await checkInEvents()).toEqual([before[2]]);
  });

  it('a priority owner with an account sees its check-ins due only when the organization lets owners check in', async () => {
    const created = await createUser(home.admin, {
      email: `owner-cal-${Date.now()}@firm.test`,
      name: 'Owen Owner',
      password: TEST_PASSWORD,
      role: 'client_viewer',
    });
    expectStatus(created, 201);
    expectStatus(await home.admin.patch(`/owners/${home.b.ownerId}`, { userId: created.body.id }), 200);
    const owner = await login(api.http, created.body.email);
    const path = pathOf((await owner.post('/me/calendar-feed')).body.url);
    const checkInUids = async () =>
      events((await fetchFeed(path)).text)
        .map((e) => e.uid.split('@')[0])
        .filter((u) => u.startsWith('check-in-'));

    expect(await checkInUids()).toEqual([]);
    expectStatus(await home.admin.patch('/organization/settings', { ownersMayCheckIn: true }), 200);
    // Priority B's, from the same loop: W10 recorded by the dispatcher, W11 and W12 on the schedule.
    expect(await checkInUids()).toEqual(
      ['2026-W10', '2026-W11', '2026-W12'].map((week) => `check-in-${home.b.priorityId}-${week}`),
    );
    expectStatus(await home.admin.patch('/organization/settings', { ownersMayCheckIn: false }), 200);
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
