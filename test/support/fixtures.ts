import { randomBytes } from 'node:crypto';
import { HttpClient, type HttpResponse } from './http-client';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface Tenant {
  organizationId: string;
  /** Logged-in clients per role. */
  admin: HttpClient;
  manager: HttpClient;
  executive: HttpClient;
  clientViewer: HttpClient;
  users: { admin: string; manager: string; executive: string; clientViewer: string };
  emails: { admin: string; manager: string; executive: string; clientViewer: string };
  /** Client A is granted to the client viewer and staffed by the executive user; client B is neither. */
  a: Scope;
  b: Scope;
}

export interface Scope {
  clientId: string;
  executiveId: string;
  engagementId: string;
  ownerId: string;
  priorityId: string;
  milestoneId: string;
  checkInId: string;
}

const unique = () => randomBytes(5).toString('hex');

export function expectStatus(response: { status: number; body: unknown }, status: number): void {
  if (response.status !== status) {
    throw new Error(`Expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

export async function login(http: HttpClient, email: string, password = TEST_PASSWORD): Promise<HttpClient> {
  const response = await http.post('/auth/login', { email, password });
  expectStatus(response, 200);
  return http.as(response.body.accessToken);
}

/** The token of the newest sign-up link emailed to an address (read from the outbox through the client's inbox). */
export async function signupToken(http: HttpClient, email: string): Promise<string> {
  if (!http.inbox) throw new Error('This HttpClient has no inbox: use the one of startTestApi()');
  const link = /\/signup\/verify\?token=([A-Za-z0-9_%-]+)/;
  const token = (await http.inbox(email, link))?.match(link)?.[1];
  if (!token) throw new Error(`No sign-up link was emailed to ${email}`);
  return decodeURIComponent(token);
}

/**
 * Signs up as a newcomer does: the request (202), then the emailed link. Answers the verification's response
 * (201 with the session, as sign-up answered before it was verified by email).
 */
export async function signUp(
  http: HttpClient,
  body: { organizationName: string; name: string; email: string; password: string; timezone?: string },
): Promise<HttpResponse> {
  expectStatus(await http.post('/auth/signup', body), 202);
  return http.post('/auth/signup/verify', { token: await signupToken(http, body.email) });
}

/** The token of the newest invitation link emailed to an address (read from the outbox through the client's inbox). */
export async function invitationToken(http: HttpClient, email: string): Promise<string> {
  if (!http.inbox) throw new Error('This HttpClient has no inbox: use the one of startTestApi()');
  const link = /\/invitations\/accept\?token=([A-Za-z0-9_%-]+)/;
  const token = (await http.inbox(email, link))?.match(link)?.[1];
  if (!token) throw new Error(`No invitation link was emailed to ${email}`);
  return decodeURIComponent(token);
}

/**
 * Creates a user as the dashboard does: `inviter` (an admin, or an account manager) invites the address (201), then
 * the invitee follows the emailed link and chooses the password. Answers the acceptance's response with the new
 * user as its body (201), or the first refusal (the invitation's or the acceptance's) as it came.
 */
export async function createUser(
  inviter: HttpClient,
  body: { email: string; name: string; role: string; password: unknown; clientIds?: string[]; timezone?: string },
): Promise<HttpResponse> {
  const invited = await inviter.post('/invitations', {
    email: body.email,
    name: body.name,
    role: body.role,
    ...(body.clientIds ? { clientIds: body.clientIds } : {}),
  });
  if (invited.status !== 201) return invited;
  const accepted = await inviter.as(undefined).post('/invitations/accept', {
    token: await invitationToken(inviter, body.email),
    name: body.name,
    password: body.password,
    ...(body.timezone ? { timezone: body.timezone } : {}),
  });
  return accepted.status === 201 ? { ...accepted, body: accepted.body.user } : accepted;
}

/** A complete organization built through the public API, one user per role and two clients. */
export async function createTenant(http: HttpClient, name = 'Tenant'): Promise<Tenant> {
  const tag = unique();
  const emails = {
    admin: `admin-${tag}@firm.test`,
    manager: `manager-${tag}@firm.test`,
    executive: `exec-${tag}@firm.test`,
    clientViewer: `client-${tag}@firm.test`,
  };
  const signup = await signUp(http, {
    organizationName: `${name} ${tag}`,
    name: 'Ada Admin',
    email: emails.admin,
    password: TEST_PASSWORD,
  });
  expectStatus(signup, 201);
  const admin = http.as(signup.body.accessToken);
  const addUser = async (email: string, role: string) => {
    const r = await createUser(admin, { email, name: `${role} ${tag}`, password: TEST_PASSWORD, role });
    expectStatus(r, 201);
    return r.body.id as string;
  };
  const users = {
    admin: signup.body.user.id as string,
    manager: await addUser(emails.manager, 'account_manager'),
    executive: await addUser(emails.executive, 'executive'),
    clientViewer: await addUser(emails.clientViewer, 'client_viewer'),
  };
  const manager = await login(http, emails.manager);

  const scope = async (label: string, executiveUserId: string | null): Promise<Scope> => {
    const client = await manager.post('/clients', {
      name: `${label} Corp ${tag}`,
      stage: 'growth',
      industry: 'Software',
    });
    expectStatus(client, 201);
    const executive = await manager.post('/executives', {
      name: `Exec ${label}`,
      email: `exec-${label.toLowerCase()}-${tag}@example.com`,
      functions: ['CRO', 'CMO'],
      userId: executiveUserId,
    });
    expectStatus(executive, 201);
    const engagement = await manager.post('/engagements', {
      clientId: client.body.id,
      executiveId: executive.body.id,
      function: 'CRO',
      startDate: '2026-01-05',
      plannedEndDate: '2026-12-18',
      daysPerWeek: 2,
    });
    expectStatus(engagement, 201);
    const owner = await manager.post('/owners', {
      clientId: client.body.id,
      name: `Owner ${label}`,
      title: 'VP Sales',
      email: `owner-${label.toLowerCase()}-${tag}@example.com`,
    });
    expectStatus(owner, 201);
    const priority = await manager.post(`/engagements/${engagement.body.id}/priorities`, {
      title: `Priority ${label}`,
      ownerId: owner.body.id,
      startDate: '2026-01-05',
      targetDate: '2026-12-18',
    });
    expectStatus(priority, 201);
    const milestone = await manager.post(`/priorities/${priority.body.id}/milestones`, {
      title: `Milestone ${label}`,
      dueDate: '2026-06-30',
    });
    expectStatus(milestone, 201);
    const checkIn = await manager.post(`/priorities/${priority.body.id}/check-ins`, {
      rag: 'on_track',
      confidence: 7,
      note: `Check-in ${label}`,
    });
    expectStatus(checkIn, 201);
    return {
      clientId: client.body.id,
      executiveId: executive.body.id,
      engagementId: engagement.body.id,
      ownerId: owner.body.id,
      priorityId: priority.body.id,
      milestoneId: milestone.body.id,
      checkInId: checkIn.body.id,
    };
  };
  const a = await scope('A', users.executive);
  const b = await scope('B', null);
  expectStatus(await admin.put(`/users/${users.clientViewer}/client-grants`, { clientIds: [a.clientId] }), 200);

  return {
    organizationId: signup.body.user.organizationId,
    admin,
    manager,
    executive: await login(http, emails.executive),
    clientViewer: await login(http, emails.clientViewer),
    users,
    emails,
    a,
    b,
  };
}
