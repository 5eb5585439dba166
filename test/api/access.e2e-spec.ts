import { randomUUID } from 'node:crypto';
import {
  createTenant,
  createUser,
  expectStatus,
  rowCounts,
  startTestApi,
  tenantTablesOf,
  TEST_PASSWORD,
  uploadCsv,
  type CsvFiles,
  type HttpClient,
  type HttpResponse,
  type Scope,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Who may do what, over real HTTP, for every operation of the OpenAPI document the API serves (section 0 fails,
 * naming it, for any operation with no entry below — a route added later without coverage fails this file):
 *  1. each role's allowed actions succeed and leak nothing (scope, allocation);
 *  2. role-forbidden actions answer 403 with the JSON error body, whatever the id;
 *  3. ids out of a client viewer's / executive's reach (scope b) answer 404 exactly like a missing id;
 *  4. ids of another organization answer 404 (403 when the role may not do it at all) for every role;
 *  5. none of the refused calls writes anything (row counts, audit trail and row contents unchanged);
 *  6. every count a role sees equals what that role can list, and a filter on a field hidden from it is refused.
 */

const ROLES = ['admin', 'manager', 'executive', 'clientViewer'] as const;
type RoleKey = (typeof ROLES)[number];
const LABEL: Record<RoleKey, string> = {
  admin: 'admin',
  manager: 'account manager',
  executive: 'executive',
  clientViewer: 'client viewer',
};

const EVERYONE: readonly RoleKey[] = ROLES;
const STAFF: readonly RoleKey[] = ['admin', 'manager', 'executive'];
const MANAGERS: readonly RoleKey[] = ['admin', 'manager'];
const ADMIN: readonly RoleKey[] = ['admin'];
const CLIENT_VIEWER: readonly RoleKey[] = ['clientViewer'];

/**
 * Ids of one scope (client a or b); `userId` per user; `webhookId`, `invitationId` and `playbookId` belong to the
 * organization; `apiTokenId` per user (each user's own personal API token).
 */
type IdKind = keyof ScopeIds | 'userId' | 'webhookId' | 'invitationId' | 'playbookId' | 'apiTokenId';
type ScopeIds = Scope & { alertId: string; reportId: string; shareLinkId: string; executiveChangeId: string };

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** `:id` stands for an id of kind `id`. */
  path: string;
  id?: IdKind;
  /** Roles that may do this at all (libs/domain/src/access/permissions.ts); the others get 403. */
  allowed: readonly RoleKey[];
  /** Anyone may read their own user (GET /users/:self); only that id is exempt from the 403. */
  selfAllowed?: boolean;
  /** A valid body, so a refusal is never a 400. `home` is the organization under attack. */
  body?: (home: Attacked) => unknown;
  /** A valid multipart/form-data upload instead of a JSON body: CSV text by field name (the import). */
  files?: (home: Tenant) => CsvFiles;
  /** The document's operation when the path names a value of a path parameter other than :id (GET /exports/{kind}). */
  operation?: string;
}

const PLAYBOOK_BODY = {
  name: 'Revenue engine',
  function: 'CRO',
  priorities: [{ title: 'Pipeline', targetOffsetDays: 60, milestones: [{ title: 'Audit', offsetDays: 14 }] }],
};

let serial = 0;
const fresh = () => `${Date.now().toString(36)}${(serial += 1)}`;

/** Every authenticated operation of the OpenAPI document, with who may use it. */
const ROUTES: Route[] = [
  // the caller's own account (no id to aim elsewhere: the other organization's calls must leave this one untouched)
  { method: 'GET', path: '/me', allowed: EVERYONE },
  { method: 'GET', path: '/me/notification-preferences', allowed: EVERYONE },
  // personal API tokens: each user's own (another user's token id answers 404 like a missing one)
  { method: 'GET', path: '/me/api-tokens', allowed: EVERYONE },
  {
    method: 'POST',
    path: '/me/api-tokens',
    allowed: EVERYONE,
    body: () => ({ name: 'Intruder token', scope: 'write', expiresAt: '2026-06-01T00:00:00Z' }),
  },
  { method: 'DELETE', path: '/me/api-tokens/:id', id: 'apiTokenId', allowed: EVERYONE },
  {
    method: 'PUT',
    path: '/me/notification-preferences',
    allowed: EVERYONE,
    body: () => ({ emailEnabled: false, minSeverity: 'critical' }),
  },
  // lists (scoped by the caller's organization and reach; section 4c)
  { method: 'GET', path: '/clients', allowed: EVERYONE },
  { method: 'GET', path: '/engagements', allowed: EVERYONE },
  { method: 'GET', path: '/owners', allowed: EVERYONE },
  { method: 'GET', path: '/portfolio', allowed: EVERYONE },
  { method: 'GET', path: '/check-ins/discipline', allowed: STAFF },
  { method: 'GET', path: '/client-summaries', allowed: EVERYONE },
  { method: 'GET', path: '/alerts', allowed: EVERYONE },
  // alerts
  { method: 'GET', path: '/alerts/:id', id: 'alertId', allowed: EVERYONE },
  { method: 'POST', path: '/alerts/:id/acknowledge', id: 'alertId', allowed: STAFF },
  {
    method: 'POST',
    path: '/alerts/bulk',
    allowed: STAFF,
    // ids in the body: another organization's caller names its own alert (4c); home's ids: bulk-alerts.e2e-spec.ts
    body: (home) => ({ action: 'acknowledge', alertIds: [home.ids.a.alertId] }),
  },
  {
    method: 'POST',
    path: '/alerts/:id/resolve',
    id: 'alertId',
    allowed: STAFF,
    body: () => ({ note: 'Intruder resolution' }),
  },
  // notifications (admin)
  { method: 'GET', path: '/notifications/failed', allowed: ADMIN },
  { method: 'GET', path: '/organization/webhooks', allowed: ADMIN },
  {
    method: 'POST',
    path: '/organization/webhooks',
    allowed: ADMIN,
    body: () => ({ url: 'http://127.0.0.1:9/intruder', format: 'json' }),
  },
  {
    method: 'PATCH',
    path: '/organization/webhooks/:id',
    id: 'webhookId',
    allowed: ADMIN,
    body: () => ({ url: 'http://127.0.0.1:9/hijacked', enabled: false }),
  },
  { method: 'DELETE', path: '/organization/webhooks/:id', id: 'webhookId', allowed: ADMIN },
  // organization, users, audit
  { method: 'GET', path: '/organization/settings', allowed: MANAGERS },
  {
    method: 'PATCH',
    path: '/organization/settings',
    allowed: ADMIN,
    body: () => ({ name: 'Hijacked Org', focusCap: 20 }),
  },
  { method: 'GET', path: '/audit-events', allowed: ADMIN },
  { method: 'GET', path: '/organization/sso', allowed: ADMIN },
  {
    method: 'PUT',
    path: '/organization/sso',
    allowed: ADMIN,
    body: (home) => ({
      issuer: 'https://idp.intruder.test',
      clientId: 'intruder',
      clientSecret: 'intruder-secret',
      allowedDomains: [`intruder-${home.organizationId.slice(0, 8)}.test`],
      defaultRole: 'admin',
      enabled: true,
    }),
  },
  { method: 'GET', path: '/users', allowed: ADMIN },
  { method: 'GET', path: '/invitations', allowed: MANAGERS },
  {
    method: 'POST',
    path: '/invitations',
    allowed: MANAGERS,
    // A placed executive: the one role both admins and account managers may invite without naming a client.
    body: () => ({ email: `invitee-${fresh()}@firm.test`, role: 'executive' }),
  },
  { method: 'POST', path: '/invitations/:id/resend', id: 'invitationId', allowed: MANAGERS },
  { method: 'POST', path: '/invitations/:id/revoke', id: 'invitationId', allowed: MANAGERS },
  { method: 'GET', path: '/users/:id', id: 'userId', allowed: ADMIN, selfAllowed: true },
  { method: 'PATCH', path: '/users/:id/role', id: 'userId', allowed: ADMIN, body: () => ({ role: 'admin' }) },
  {
    method: 'PUT',
    path: '/users/:id/client-grants',
    id: 'userId',
    allowed: ADMIN,
    body: (home) => ({ clientIds: [home.a.clientId, home.b.clientId] }),
  },
  { method: 'POST', path: '/users/:id/disable', id: 'userId', allowed: ADMIN },
  { method: 'POST', path: '/users/:id/enable', id: 'userId', allowed: ADMIN },
  // clients
  {
    method: 'POST',
    path: '/clients',
    allowed: MANAGERS,
    body: () => ({ name: 'Intruder Corp', stage: 'growth', industry: 'Software' }),
  },
  { method: 'GET', path: '/clients/:id', id: 'clientId', allowed: EVERYONE },
  {
    method: 'PATCH',
    path: '/clients/:id',
    id: 'clientId',
    allowed: MANAGERS,
    body: () => ({ name: 'Hijacked Corp', status: 'inactive' }),
  },
  // executives
  {
    method: 'POST',
    path: '/executives',
    allowed: MANAGERS,
    body: () => ({ name: 'Intruder Exec', email: `intruder-${fresh()}@example.com`, functions: ['CPO'] }),
  },
  { method: 'GET', path: '/executives', allowed: STAFF },
  { method: 'GET', path: '/executives/:id', id: 'executiveId', allowed: STAFF },
  {
    method: 'PATCH',
    path: '/executives/:id',
    id: 'executiveId',
    allowed: MANAGERS,
    body: () => ({ name: 'Hijacked Exec' }),
  },
  // engagements
  {
    method: 'POST',
    path: '/engagements',
    allowed: MANAGERS,
    body: (home) => ({
      clientId: home.a.clientId,
      executiveId: home.a.executiveId,
      function: 'CRO',
      startDate: '2026-02-02',
      daysPerWeek: 1,
    }),
  },
  {
    method: 'POST',
    path: '/engagements/setup',
    allowed: MANAGERS,
    body: (home) => ({
      clientId: home.a.clientId,
      executiveId: home.a.executiveId,
      function: 'CRO',
      startDate: '2026-02-02',
      daysPerWeek: 1,
      priorities: [
        {
          title: 'Set up in one go',
          ownerId: home.a.ownerId,
          targetDate: '2026-06-30',
          milestones: [{ title: 'First step', dueDate: '2026-04-01' }],
        },
      ],
    }),
  },
  { method: 'GET', path: '/engagements/:id', id: 'engagementId', allowed: EVERYONE },
  {
    method: 'PATCH',
    path: '/engagements/:id',
    id: 'engagementId',
    allowed: MANAGERS,
    body: () => ({ status: 'paused', plannedEndDate: '2026-12-31' }),
  },
  {
    method: 'POST',
    path: '/engagements/:id/allocation-changes',
    id: 'engagementId',
    allowed: MANAGERS,
    body: () => ({ effectiveDate: '2026-03-02', daysPerWeek: 4.5, reason: 'Hijacked allocation' }),
  },
  {
    method: 'POST',
    path: '/engagements/:id/allocation-changes/what-if',
    id: 'engagementId',
    allowed: MANAGERS,
    body: () => ({ effectiveDate: '2026-03-02', daysPerWeek: 0.5, reason: 'Peeking at the allocation' }),
  },
  { method: 'GET', path: '/engagements/:id/allocation-changes', id: 'engagementId', allowed: STAFF },
  { method: 'GET', path: '/engagements/:id/summary', id: 'engagementId', allowed: EVERYONE },
  { method: 'GET', path: '/engagements/:id/client-summary', id: 'engagementId', allowed: EVERYONE },
  {
    method: 'POST',
    path: '/engagements/:id/pulses',
    id: 'engagementId',
    allowed: CLIENT_VIEWER,
    body: () => ({ score: 4, comment: 'Good progress' }),
  },
  { method: 'GET', path: '/engagements/:id/pulses', id: 'engagementId', allowed: MANAGERS },
  {
    method: 'POST',
    path: '/engagements/:id/priorities',
    id: 'engagementId',
    allowed: MANAGERS,
    body: (home) => ({
      title: 'Intruder priority',
      ownerId: home.a.ownerId,
      startDate: '2026-01-05',
      targetDate: '2026-10-30',
    }),
  },
  { method: 'GET', path: '/engagements/:id/priorities', id: 'engagementId', allowed: EVERYONE },
  // owners
  {
    method: 'POST',
    path: '/owners',
    allowed: MANAGERS,
    body: (home) => ({ clientId: home.a.clientId, name: 'Intruder Owner', title: 'CFO' }),
  },
  { method: 'GET', path: '/owners/:id', id: 'ownerId', allowed: EVERYONE },
  { method: 'PATCH', path: '/owners/:id', id: 'ownerId', allowed: MANAGERS, body: () => ({ title: 'Hijacked title' }) },
  // priorities
  { method: 'GET', path: '/priorities/:id', id: 'priorityId', allowed: EVERYONE },
  {
    method: 'PATCH',
    path: '/priorities/:id',
    id: 'priorityId',
    allowed: MANAGERS,
    body: () => ({ title: 'Hijacked priority', status: 'dropped' }),
  },
  {
    method: 'POST',
    path: '/priorities/:id/milestones',
    id: 'priorityId',
    allowed: MANAGERS,
    body: () => ({ title: 'Intruder milestone', dueDate: '2026-09-30' }),
  },
  { method: 'GET', path: '/priorities/:id/milestones', id: 'priorityId', allowed: EVERYONE },
  {
    method: 'POST',
    path: '/priorities/:id/check-ins',
    id: 'priorityId',
    allowed: STAFF,
    body: () => ({ rag: 'off_track', confidence: 1, note: 'Intruder note' }),
  },
  { method: 'GET', path: '/priorities/:id/check-ins', id: 'priorityId', allowed: EVERYONE },
  // milestones
  { method: 'GET', path: '/milestones/:id', id: 'milestoneId', allowed: EVERYONE },
  {
    method: 'PATCH',
    path: '/milestones/:id',
    id: 'milestoneId',
    allowed: STAFF,
    body: () => ({ title: 'Hijacked milestone', weight: 9 }),
  },
  {
    method: 'POST',
    path: '/milestones/:id/complete',
    id: 'milestoneId',
    allowed: STAFF,
    body: () => ({ completedAt: '2026-03-01T09:00:00Z' }),
  },
  {
    method: 'POST',
    path: '/milestones/:id/replan',
    id: 'milestoneId',
    allowed: STAFF,
    body: () => ({ dueDate: '2026-08-31', reason: 'Intruder re-plan', category: 'executive' }),
  },
  { method: 'GET', path: '/milestones/:id/history', id: 'milestoneId', allowed: EVERYONE },
  // check-ins
  { method: 'POST', path: '/check-ins/:id/acknowledge', id: 'checkInId', allowed: CLIENT_VIEWER },
  // weekly digests: everyone has their own preferences and history; previewing another user's digest and sending are the admin's
  { method: 'GET', path: '/me/digest-preferences', allowed: EVERYONE },
  {
    method: 'PUT',
    path: '/me/digest-preferences',
    allowed: EVERYONE,
    body: () => ({ weekday: 'tuesday', hour: 9, timezone: null, optedOut: false, skipWhenEmpty: null }),
  },
  { method: 'GET', path: '/digests', allowed: EVERYONE },
  { method: 'GET', path: '/digests/preview?userId=:id', id: 'userId', allowed: ADMIN, selfAllowed: true },
  { method: 'POST', path: '/digests/send-now', allowed: ADMIN, body: () => ({}) },
  // period reports and their share links
  {
    method: 'POST',
    path: '/engagements/:id/reports',
    id: 'engagementId',
    allowed: MANAGERS,
    body: () => ({ periodStart: '2026-01-05', periodEnd: '2026-02-28' }),
  },
  { method: 'GET', path: '/engagements/:id/reports', id: 'engagementId', allowed: EVERYONE },
  { method: 'GET', path: '/reports/:id', id: 'reportId', allowed: EVERYONE },
  { method: 'GET', path: '/reports/:id/pdf', id: 'reportId', allowed: EVERYONE },
  {
    method: 'POST',
    path: '/reports/:id/share-links',
    id: 'reportId',
    allowed: MANAGERS,
    body: () => ({ expiresInDays: 7 }),
  },
  { method: 'GET', path: '/reports/:id/share-links', id: 'reportId', allowed: MANAGERS },
  { method: 'DELETE', path: '/report-share-links/:id', id: 'shareLinkId', allowed: MANAGERS },
  // executive changes and their handover packs (a far-future date: access stays where it is)
  {
    method: 'POST',
    path: '/engagements/:id/executive-changes',
    id: 'engagementId',
    allowed: MANAGERS,
    body: (home) => ({ executiveId: home.b.executiveId, effectiveDate: '2031-01-01', reason: 'Hijacked placement' }),
  },
  { method: 'GET', path: '/engagements/:id/executive-changes', id: 'engagementId', allowed: EVERYONE },
  { method: 'GET', path: '/executive-changes/:id', id: 'executiveChangeId', allowed: EVERYONE },
  { method: 'GET', path: '/executive-changes/:id/pdf', id: 'executiveChangeId', allowed: EVERYONE },
  // CSV import (a dry run: it writes nothing, so the matrix can compare; commits: imports.e2e-spec.ts) and exports
  {
    method: 'POST',
    path: '/imports?mode=dry-run',
    allowed: MANAGERS,
    operation: 'POST /api/v1/imports',
    files: (home) => ({
      clients: 'external_key,name,stage\nMATRIX-1,Matrix Corp,growth\n',
      owners: `external_key,client_key,name\nMATRIX-O,${home.a.clientId},Intruder\n`,
    }),
  },
  { method: 'GET', path: '/exports/portfolio', allowed: EVERYONE, operation: 'GET /api/v1/exports/{kind}' },
  { method: 'GET', path: '/exports/alerts', allowed: EVERYONE, operation: 'GET /api/v1/exports/{kind}' },
  ...(['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones'] as const).map((kind): Route => ({
    method: 'GET',
    path: `/exports/${kind}`,
    allowed: MANAGERS,
    operation: 'GET /api/v1/exports/{kind}',
  })),
  { method: 'GET', path: '/engagements/:id/milestones/export', id: 'engagementId', allowed: EVERYONE },
  // the caller's own calendar feed URL (a new token of their own; nothing of anyone else's)
  { method: 'POST', path: '/me/calendar-feed', allowed: EVERYONE },
  // playbooks: the firm's own plans, managed by admins and account managers
  { method: 'GET', path: '/playbooks', allowed: MANAGERS },
  { method: 'POST', path: '/playbooks', allowed: MANAGERS, body: () => PLAYBOOK_BODY },
  { method: 'GET', path: '/playbooks/effectiveness', allowed: MANAGERS },
  { method: 'GET', path: '/playbooks/:id', id: 'playbookId', allowed: MANAGERS },
  {
    method: 'PUT',
    path: '/playbooks/:id',
    id: 'playbookId',
    allowed: MANAGERS,
    body: () => ({ ...PLAYBOOK_BODY, name: 'Hijacked playbook' }),
  },
  { method: 'POST', path: '/playbooks/:id/archive', id: 'playbookId', allowed: MANAGERS },
  { method: 'POST', path: '/playbooks/:id/restore', id: 'playbookId', allowed: MANAGERS },
  { method: 'GET', path: '/playbooks/:id/effectiveness', id: 'playbookId', allowed: MANAGERS },
  {
    method: 'POST',
    path: '/engagements/:id/playbook-applications/preview',
    id: 'engagementId',
    allowed: MANAGERS,
    body: (home) => ({ playbookId: home.ids.playbookId, ownerIds: [home.a.ownerId] }),
  },
  {
    method: 'POST',
    path: '/engagements/:id/playbook-applications',
    id: 'engagementId',
    allowed: MANAGERS,
    body: (home) => ({ playbookId: home.ids.playbookId, ownerIds: [home.a.ownerId] }),
  },
  { method: 'GET', path: '/engagements/:id/playbook-applications', id: 'engagementId', allowed: MANAGERS },
  {
    method: 'POST',
    path: '/engagements/:id/save-as-playbook',
    id: 'engagementId',
    allowed: MANAGERS,
    body: () => ({ name: 'Intruder playbook' }),
  },
];

/** Operations of the document this matrix does not attack, each with the reason. */
const NOT_IN_MATRIX: Record<string, string> = {
  'GET /api/health': 'public: liveness, no organization data',
  'POST /api/v1/auth/login': 'public: credentials are the only input (throttling: login-throttle.e2e-spec.ts)',
  'POST /api/v1/auth/signup':
    'public: always 202, the same for a taken and a free address; reaches no existing organization (auth.e2e-spec.ts)',
  'POST /api/v1/auth/signup/verify':
    'public: the emailed token is the only key; creates a new organization, reaches no existing one (auth.e2e-spec.ts)',
  'POST /api/v1/check-in-links/inspect':
    'public: the emailed check-in reminder token is the only key; tampered 403, used or expired 410 (check-in-loop.e2e-spec.ts)',
  'POST /api/v1/check-in-links/check-in':
    'public: the emailed check-in reminder token is the only key; records one check-in as its person, once (check-in-loop.e2e-spec.ts)',
  'POST /api/v1/invitations/inspect':
    'public: the emailed invitation token is the only key; tampered 403, spent 410 (invitations.e2e-spec.ts)',
  'POST /api/v1/invitations/accept':
    'public: the emailed invitation token is the only key; creates the invited user of its organization only (invitations.e2e-spec.ts)',
  'POST /api/v1/auth/refresh':
    'public: the opaque refresh token is the only key (rotation and reuse: auth.e2e-spec.ts)',
  'POST /api/v1/auth/password-reset': 'public: always 202, no enumeration (password-reset.e2e-spec.ts)',
  'POST /api/v1/auth/password-reset/confirm':
    'public: the emailed token is the only key (section 1e here; password-reset.e2e-spec.ts)',
  'GET /api/v1/digests/unsubscribe':
    'public: the signed unsubscribe token is the only key, GET changes nothing (digests.e2e-spec.ts)',
  'POST /api/v1/digests/unsubscribe':
    'public: the signed unsubscribe token is the only key (digests.e2e-spec.ts: tampered tokens 403)',
  'GET /api/v1/notifications/unsubscribe':
    'public: the signed opt-out token (organization + address) is the only key, GET changes nothing (alert-opt-out.e2e-spec.ts)',
  'POST /api/v1/notifications/unsubscribe':
    'public: the signed opt-out token is the only key; tampered, expired or another organization 403 (alert-opt-out.e2e-spec.ts)',
  'GET /api/v1/shared-reports/{token}':
    'public: the share token (256 random bits, stored hashed) is the only key; revoked, expired, tampered (reports.e2e-spec.ts)',
  'GET /api/v1/shared-reports/{token}/pdf':
    'public: the share token is the only key, as the JSON view (reports.e2e-spec.ts)',
  'GET /api/v1/auth/sso/discover':
    'public: says only whether an email domain signs in with an IdP, and its host (test/web/sso.e2e-spec.ts)',
  'POST /api/v1/auth/sso/start':
    'public: the email names the organization; starts a sign-in at its IdP, reaches no data (test/web/sso.e2e-spec.ts)',
  'POST /api/v1/auth/sso/callback':
    'public: the state (hashed, single use, bound to the browser) and the IdP-signed ID token are the only keys (test/web/sso.e2e-spec.ts)',
  'POST /api/v1/auth/logout':
    "own session only, takes no id; calling it here would end the matrix's sessions (auth.e2e-spec.ts)",
  'PATCH /api/v1/me':
    'own profile only, takes no id: section 1c (every role; an attempt to name another user is refused and changes nothing)',
  'POST /api/v1/me/password':
    "own password only: section 1d (every role; another organization's user id in the body is refused)",
  'GET /api/v1/calendar/{file}':
    "public: the feed URL's random token is the only key, stored hashed; regenerated or disabled → 404 (calendar.e2e-spec.ts)",
  'GET /api/v1/imports/templates/{type}':
    'static: the column format of an import type and an example row, the same for everyone (imports.e2e-spec.ts)',
};

/** Public routes outside the document itself, with the reason they hold no organization data. */
const SERVED_OUTSIDE_DOCUMENT: Record<string, string> = {
  '/api/docs': 'public: Swagger UI, static',
  '/api/docs-json': 'public: the OpenAPI document, generated from the DTOs (no data)',
};

/** "METHOD /api/v1/path/{id}" as the OpenAPI document names the operation. */
const operationOf = (route: Route) =>
  route.operation ?? `${route.method} /api/v1${route.path.split('?')[0].replace(':id', '{id}')}`;

/**
 * Writes by the other organization on its own rows, naming one of the attacked organization's ids in the body:
 * refused exactly like an id that does not exist (same status, code and message).
 */
interface BodyReference {
  title: string;
  role: RoleKey;
  method: Route['method'];
  path: (own: Tenant) => string;
  /** The attacked organization's id that goes into the body. */
  ref: (home: Tenant) => string;
  body: (ref: string, own: Tenant) => unknown;
}

const BODY_REFERENCES: BodyReference[] = [
  {
    title: 'POST /engagements/:id/executive-changes with its executiveId',
    role: 'manager',
    method: 'POST',
    path: (own) => `/engagements/${own.a.engagementId}/executive-changes`,
    ref: (h) => h.a.executiveId,
    body: (ref) => ({ executiveId: ref, effectiveDate: '2031-01-01', reason: 'Borrowed executive' }),
  },
  {
    title: 'POST /engagements/:id/playbook-applications with its playbookId',
    role: 'manager',
    method: 'POST',
    path: (own) => `/engagements/${own.a.engagementId}/playbook-applications`,
    ref: (h) => (h as Attacked).ids.playbookId,
    body: (ref, own) => ({ playbookId: ref, ownerIds: [own.a.ownerId] }),
  },
  {
    title: 'POST /engagements/:id/playbook-applications/preview with its ownerId',
    role: 'manager',
    method: 'POST',
    path: (own) => `/engagements/${own.a.engagementId}/playbook-applications/preview`,
    ref: (h) => h.a.ownerId,
    body: (ref, own) => ({ playbookId: (own as Attacked).ids.playbookId, ownerIds: [ref] }),
  },
  {
    title: 'POST /engagements/setup with its clientId',
    role: 'manager',
    method: 'POST',
    path: () => '/engagements/setup',
    ref: (h) => h.a.clientId,
    body: (ref, own) => ({
      clientId: ref,
      executiveId: own.a.executiveId,
      function: 'CRO',
      startDate: '2026-02-02',
      daysPerWeek: 1,
      priorities: [{ title: 'Borrowed', ownerId: own.a.ownerId, targetDate: '2026-06-30', milestones: [] }],
    }),
  },
  {
    title: 'POST /engagements/setup with its executiveId',
    role: 'manager',
    method: 'POST',
    path: () => '/engagements/setup',
    ref: (h) => h.a.executiveId,
    body: (ref, own) => ({
      clientId: own.a.clientId,
      executiveId: ref,
      function: 'CRO',
      startDate: '2026-02-02',
      daysPerWeek: 1,
      priorities: [{ title: 'Borrowed', ownerId: own.a.ownerId, targetDate: '2026-06-30', milestones: [] }],
    }),
  },
  {
    title: 'POST /engagements/setup with its ownerId',
    role: 'manager',
    method: 'POST',
    path: () => '/engagements/setup',
    ref: (h) => h.a.ownerId,
    body: (ref, own) => ({
      clientId: own.a.clientId,
      executiveId: own.a.executiveId,
      function: 'CRO',
      startDate: '2026-02-02',
      daysPerWeek: 1,
      priorities: [{ title: 'Borrowed', ownerId: ref, targetDate: '2026-06-30', milestones: [] }],
    }),
  },
  {
    title: 'POST /engagements with its clientId',
    role: 'manager',
    method: 'POST',
    path: () => '/engagements',
    ref: (h) => h.a.clientId,
    body: (ref, own) => ({
      clientId: ref,
      executiveId: own.a.executiveId,
      function: 'CRO',
      startDate: '2026-02-02',
      daysPerWeek: 1,
    }),
  },
  {
    title: 'POST /engagements with its executiveId',
    role: 'manager',
    method: 'POST',
    path: () => '/engagements',
    ref: (h) => h.a.executiveId,
    body: (ref, own) => ({
      clientId: own.a.clientId,
      executiveId: ref,
      function: 'CRO',
      startDate: '2026-02-02',
      daysPerWeek: 1,
    }),
  },
  {
    title: 'POST /owners with its clientId',
    role: 'manager',
    method: 'POST',
    path: () => '/owners',
    ref: (h) => h.a.clientId,
    body: (ref) => ({ clientId: ref, name: 'Stray Owner' }),
  },
  {
    title: 'POST /owners with its userId',
    role: 'manager',
    method: 'POST',
    path: () => '/owners',
    ref: (h) => h.users.clientViewer,
    body: (ref, own) => ({ clientId: own.a.clientId, name: 'Stray Owner', userId: ref }),
  },
  {
    title: 'PATCH /owners/:id with its userId',
    role: 'manager',
    method: 'PATCH',
    path: (own) => `/owners/${own.a.ownerId}`,
    ref: (h) => h.users.clientViewer,
    body: (ref) => ({ userId: ref }),
  },
  {
    title: 'POST /engagements/:id/priorities with its ownerId',
    role: 'manager',
    method: 'POST',
    path: (own) => `/engagements/${own.a.engagementId}/priorities`,
    ref: (h) => h.a.ownerId,
    body: (ref) => ({ title: 'Stray priority', ownerId: ref, startDate: '2026-01-05', targetDate: '2026-10-30' }),
  },
  {
    title: 'PATCH /priorities/:id with its ownerId',
    role: 'manager',
    method: 'PATCH',
    path: (own) => `/priorities/${own.a.priorityId}`,
    ref: (h) => h.a.ownerId,
    body: (ref) => ({ ownerId: ref }),
  },
  {
    title: 'PATCH /clients/:id with its accountManagerId',
    role: 'manager',
    method: 'PATCH',
    path: (own) => `/clients/${own.a.clientId}`,
    ref: (h) => h.users.manager,
    body: (ref) => ({ accountManagerId: ref }),
  },
  {
    title: 'POST /clients with its accountManagerId',
    role: 'manager',
    method: 'POST',
    path: () => '/clients',
    ref: (h) => h.users.manager,
    body: (ref) => ({ name: 'Stray Corp', stage: 'growth', accountManagerId: ref }),
  },
  {
    title: 'POST /executives with its userId',
    role: 'manager',
    method: 'POST',
    path: () => '/executives',
    ref: (h) => h.users.executive,
    body: (ref) => ({ name: 'Stray Exec', email: `stray-${fresh()}@example.com`, functions: ['CRO'], userId: ref }),
  },
  {
    title: 'PATCH /executives/:id with its userId',
    role: 'manager',
    method: 'PATCH',
    path: (own) => `/executives/${own.b.executiveId}`,
    ref: (h) => h.users.executive,
    body: (ref) => ({ userId: ref }),
  },
  {
    title: 'PUT /users/:id/client-grants with its clientId',
    role: 'admin',
    method: 'PUT',
    path: (own) => `/users/${own.users.clientViewer}/client-grants`,
    ref: (h) => h.b.clientId,
    body: (ref, own) => ({ clientIds: [own.a.clientId, ref] }),
  },
  {
    title: 'POST /digests/send-now with its userId',
    role: 'admin',
    method: 'POST',
    path: () => '/digests/send-now',
    ref: (h) => h.users.manager,
    body: (ref) => ({ userId: ref }),
  },
  {
    title: 'POST /invitations with its clientId granted',
    role: 'admin',
    method: 'POST',
    path: () => '/invitations',
    ref: (h) => h.a.clientId,
    body: (ref) => ({
      email: `stray-${fresh()}@firm.test`,
      name: 'Stray Viewer',
      role: 'client_viewer',
      clientIds: [ref],
    }),
  },
];

/** One id of the attacked organization a route is called with. */
interface Target {
  label: string;
  /** The scope (a or b) or the user the id belongs to. */
  scope?: 'a' | 'b';
  user?: RoleKey;
}

/** The attacked organization as the matrix sees it: the tenant, an alert per scope, a webhook, an API token per user. */
type Attacked = Tenant & {
  ids: {
    a: ScopeIds;
    b: ScopeIds;
    webhookId: string;
    invitationId: string;
    playbookId: string;
    apiTokens: Record<RoleKey, string>;
  };
  /** Each user's write-scope and read-scope personal API tokens (the secrets). */
  tokens: Record<RoleKey, { write: string; read: string }>;
};

/** Every id of the organization a route can be pointed at: both scopes, all four users, or the one org-wide id. */
function targetsOf(route: Route): Target[] {
  if (!route.id) return [{ label: '' }];
  if (route.id === 'userId') return ROLES.map((user) => ({ label: ` (${LABEL[user]} user)`, user }));
  if (route.id === 'webhookId') return [{ label: ' (webhook)' }];
  if (route.id === 'invitationId') return [{ label: ' (invitation)' }];
  if (route.id === 'playbookId') return [{ label: ' (playbook)' }];
  if (route.id === 'apiTokenId') return ROLES.map((user) => ({ label: ` (${LABEL[user]}'s API token)`, user }));
  return (['a', 'b'] as const).map((scope) => ({ label: ` (scope ${scope})`, scope }));
}

function idOf(home: Attacked, route: Route, target: Target): string | null {
  if (!route.id) return null;
  if (route.id === 'userId') return home.users[target.user!];
  if (route.id === 'webhookId') return home.ids.webhookId;
  if (route.id === 'invitationId') return home.ids.invitationId;
  if (route.id === 'playbookId') return home.ids.playbookId;
  if (route.id === 'apiTokenId') return home.ids.apiTokens[target.user!];
  return home.ids[target.scope!][route.id];
}

/** How many HTTP calls the matrix made (printed for the README). */
let calls = 0;

/** Routes whose id belongs to one client's scope (a or b). */
const isScoped = (route: Route) =>
  route.id !== undefined &&
  route.id !== 'userId' &&
  route.id !== 'webhookId' &&
  route.id !== 'invitationId' &&
  route.id !== 'playbookId' &&
  route.id !== 'apiTokenId';

const name = (route: Route) => `${route.method} ${route.path}`;

function send(client: HttpClient, route: Route, id: string | null, home: Attacked): Promise<HttpResponse> {
  calls += 1;
  if (route.files) {
    const mode = new URLSearchParams(route.path.split('?')[1]).get('mode') === 'commit' ? 'commit' : 'dry-run';
    return uploadCsv(client, route.files(home), mode);
  }
  return client.request(route.method, id ? route.path.replace(':id', id) : route.path, route.body?.(home));
}

/** Every error is {statusCode, code, message, correlationId}, the id also in x-request-id. */
function expectErrorBody(response: HttpResponse, status: number, code: string | RegExp): void {
  expectStatus(response, status);
  expect(response.body).toEqual({
    statusCode: status,
    code: typeof code === 'string' ? code : expect.stringMatching(code),
    message: expect.any(String),
    correlationId: expect.any(String),
  });
  expect(response.headers.get('x-request-id')).toBe(response.body.correlationId);
}

function expectForbidden(response: HttpResponse): void {
  expectErrorBody(response, 403, 'ACCESS.ROLE_FORBIDDEN');
}

/** A 404 indistinguishable from the one for an id that does not exist at all (same code, same message). */
function expectSameAsMissing(response: HttpResponse, id: string, missing: HttpResponse, missingId: string): void {
  expectErrorBody(missing, 404, /\.NOT_FOUND$/);
  expectErrorBody(response, 404, missing.body.code);
  expect(response.body.message).toBe(missing.body.message.replace(missingId, id));
}

describe('access control (every role × every route)', () => {
  let api: TestApi;
  /** The organization under attack; its own users' refused calls are in sections 2 and 3. */
  let home: Attacked;
  /** Another organization, whose users try home's ids in section 4. */
  let other: Attacked;
  let documentOperations: string[];

  /** A tenant plus what the fixture does not build: an open alert on each scope's engagement and a webhook. */
  async function attackable(label: string): Promise<Attacked> {
    const tenant = await createTenant(api.http, label);
    const alert = async (scope: Scope) => {
      const rows: Array<{ id: string }> = await api.dataSource.query(
        `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
         VALUES ($1, 'focus_overload', 'engagement', $2, $2, 'warning', 'open', 'Too many active priorities', now(), now()) RETURNING id`,
        [tenant.organizationId, scope.engagementId],
      );
      return rows[0].id;
    };
    const webhook = await tenant.admin.post('/organization/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      format: 'json',
    });
    expectStatus(webhook, 201);
    const report = async (scope: Scope) => {
      const created = await tenant.admin.post(`/engagements/${scope.engagementId}/reports`, {
        periodStart: '2026-01-05',
        periodEnd: '2026-03-31',
      });
      expectStatus(created, 201);
      const link = await tenant.admin.post(`/reports/${created.body.id}/share-links`, { expiresInDays: 7 });
      expectStatus(link, 201);
      return { reportId: created.body.id as string, shareLinkId: link.body.id as string };
    };
    // A pending change (far in the future) to an executive of neither scope, so scope b's ids stay out of it.
    const incoming = await tenant.manager.post('/executives', {
      name: 'Exec C',
      email: `exec-c-${fresh()}@example.com`,
      functions: ['CRO'],
    });
    expectStatus(incoming, 201);
    const executiveChange = async (scope: Scope) => {
      const created = await tenant.manager.post(`/engagements/${scope.engagementId}/executive-changes`, {
        executiveId: incoming.body.id,
        effectiveDate: '2030-01-01',
        reason: 'Planned succession',
      });
      expectStatus(created, 201);
      return { executiveChangeId: created.body.id as string };
    };
    const invitation = await tenant.admin.post('/invitations', {
      email: `pending-${fresh()}@firm.test`,
      role: 'executive',
    });
    expectStatus(invitation, 201);
    const playbook = await tenant.manager.post('/playbooks', PLAYBOOK_BODY);
    expectStatus(playbook, 201);
    const apiTokens = {} as Record<RoleKey, string>;
    const tokens = {} as Attacked['tokens'];
    for (const role of ROLES) {
      const made = await Promise.all(
        (['write', 'read'] as const).map(async (scope) => {
          const created = await tenant[role].post('/me/api-tokens', {
            name: `${LABEL[role]} ${scope}`,
            scope,
            expiresAt: '2027-01-31T00:00:00Z',
          });
          expectStatus(created, 201);
          return created.body as { id: string; token: string };
        }),
      );
      apiTokens[role] = made[0].id;
      tokens[role] = { write: made[0].token, read: made[1].token };
    }
    return {
      ...tenant,
      ids: {
        a: {
          ...tenant.a,
          alertId: await alert(tenant.a),
          ...(await report(tenant.a)),
          ...(await executiveChange(tenant.a)),
        },
        b: {
          ...tenant.b,
          alertId: await alert(tenant.b),
          ...(await report(tenant.b)),
          ...(await executiveChange(tenant.b)),
        },
        webhookId: webhook.body.id,
        invitationId: invitation.body.id,
        playbookId: playbook.body.id,
        apiTokens,
      },
      tokens,
    };
  }

  beforeAll(async () => {
    api = await startTestApi();
    home = await attackable('Home');
    other = await attackable('Other');
    api.setNow(new Date('2026-03-11T12:00:00Z'));
    const served = await fetch(`${api.baseUrl}/api/docs-json`);
    expectStatus({ status: served.status, body: null }, 200);
    const doc = (await served.json()) as { paths: Record<string, Record<string, unknown>> };
    documentOperations = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => {
    // id kinds: an id in reach, an out-of-scope client's, another organization's, a missing one (not every pair applies)
    process.stdout.write(
      `[access-matrix] routes × roles × id-kinds = ${ROUTES.length} × ${ROLES.length} × 4 → ${calls} calls ` +
        `(${documentOperations?.length} operations in the OpenAPI document: ${ROUTES.length} attacked, ${Object.keys(NOT_IN_MATRIX).length} public or self-only, each with a reason)\n`,
    );
    await api.close();
  });

  /** Row counts (rowCounts) plus a digest of every row, so an UPDATE without an audit event is caught too. */
  async function snapshot(organizationId: string) {
    const digests = (await tenantTablesOf(api.dataSource)).map(
      (t) =>
        `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x WHERE x.organization_id = $1`,
    );
    digests.push(
      `SELECT 'organizations' AS t, md5(coalesce(string_agg(x::text, '|'), '')) AS h FROM organizations x WHERE x.id = $1`,
    );
    const rows: Array<{ t: string; h: string }> = await api.dataSource.query(digests.join(' UNION ALL '), [
      organizationId,
    ]);
    return {
      counts: await rowCounts(api.dataSource, organizationId),
      rows: Object.fromEntries(rows.map((r) => [r.t, r.h])),
    };
  }

  /** Runs a refused call and checks that neither organization changed (audit_events included). */
  async function withoutSideEffects(work: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const before = await Promise.all([snapshot(home.organizationId), snapshot(other.organizationId)]);
    const response = await work();
    const after = await Promise.all([snapshot(home.organizationId), snapshot(other.organizationId)]);
    expect(after[0].counts).toEqual(before[0].counts);
    expect(after[0].counts.audit_events).toBe(before[0].counts.audit_events);
    expect(after[1].counts).toEqual(before[1].counts);
    expect(after[0].rows).toEqual(before[0].rows);
    expect(after[1].rows).toEqual(before[1].rows);
    return response;
  }

  const ids = (page: { items: Array<{ id?: string; engagementId?: string }> }) =>
    page.items.map((i) => i.id ?? i.engagementId).sort();

  // ───────────────────── 0. the matrix covers the served OpenAPI document ─────────────────────

  describe('0. every operation of the OpenAPI document has a matrix entry', () => {
    it('names any operation that is neither attacked below nor listed as public/self-only with a reason', () => {
      const covered = new Set([...ROUTES.map(operationOf), ...Object.keys(NOT_IN_MATRIX)]);
      const uncovered = documentOperations.filter((op) => !covered.has(op));
      expect(uncovered).toEqual([]);
    });

    it.each(Object.entries(SERVED_OUTSIDE_DOCUMENT))(
      'GET %s is public (%s) and names no organization',
      async (path) => {
        const response = await fetch(`${api.baseUrl}${path}`);
        expect(response.status).toBe(200);
        const text = await response.text();
        for (const id of [home.organizationId, other.organizationId, ...Object.values(home.users), home.a.clientId])
          expect(text).not.toContain(id);
      },
    );

    it('has no entry for an operation the document does not have (a renamed route is noticed)', () => {
      const served = new Set(documentOperations);
      expect([...ROUTES.map(operationOf), ...Object.keys(NOT_IN_MATRIX)].filter((op) => !served.has(op))).toEqual([]);
    });
  });

  // ───────────────────────────── 1. allowed actions ─────────────────────────────

  describe('1. each role may do its job', () => {
    it('admin: manages users, reads the audit log and the settings, reaches the whole organization', async () => {
      const admin = home.admin;
      const users = await admin.get('/users');
      expectStatus(users, 200);
      expect(users.body.items.map((u: { id: string }) => u.id)).toEqual(
        expect.arrayContaining(Object.values(home.users)),
      );
      expect(users.body.items.every((u: { organizationId: string }) => u.organizationId === home.organizationId)).toBe(
        true,
      );

      const created = await createUser(admin, {
        email: `temp-${fresh()}@firm.test`,
        name: 'Temp Viewer',
        password: TEST_PASSWORD,
        role: 'client_viewer',
      });
      expectStatus(created, 201);
      const userId = created.body.id;
      expect((await admin.get(`/users/${userId}`)).body).toMatchObject({
        id: userId,
        role: 'client_viewer',
        disabled: false,
      });
      const granted = await admin.put(`/users/${userId}/client-grants`, { clientIds: [home.b.clientId] });
      expectStatus(granted, 200);
      expect(granted.body.clientIds).toEqual([home.b.clientId]);
      const promoted = await admin.patch(`/users/${userId}/role`, { role: 'account_manager' });
      expectStatus(promoted, 200);
      expect(promoted.body).toMatchObject({ role: 'account_manager', clientIds: [] });
      expect((await admin.post(`/users/${userId}/disable`)).body).toMatchObject({ disabled: true });
      expect((await admin.post(`/users/${userId}/enable`)).body).toMatchObject({ disabled: false });

      const audit = await admin.get(`/audit-events?entityId=${userId}&order=asc`);
      expectStatus(audit, 200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        'user.created',
        'user.grants_changed',
        'user.role_changed',
        'user.disabled',
        'user.enabled',
      ]);

      const settings = await admin.get('/organization/settings');
      expectStatus(settings, 200);
      expect(settings.body.id).toBe(home.organizationId);
      const renamed = await admin.patch('/organization/settings', { name: `${settings.body.name} (renamed)` });
      expectStatus(renamed, 200);
      expect(renamed.body.name).toBe(`${settings.body.name} (renamed)`);

      const engagements = await admin.get('/engagements?limit=100');
      expect(ids(engagements.body)).toEqual(expect.arrayContaining([home.a.engagementId, home.b.engagementId]));
      expectStatus(await admin.get(`/engagements/${home.b.engagementId}/allocation-changes`), 200);
    });

    it('account manager: runs clients, executives, engagements, owners, priorities, milestones and check-ins', async () => {
      const m = home.manager;
      const client = await m.post('/clients', { name: `Manager Corp ${fresh()}`, stage: 'emerging' });
      expectStatus(client, 201);
      expect((await m.patch(`/clients/${client.body.id}`, { industry: 'Fintech' })).body).toMatchObject({
        industry: 'Fintech',
      });
      const exec = await m.post('/executives', {
        name: 'Pat Product',
        email: `pat-${fresh()}@example.com`,
        functions: ['CPO'],
      });
      expectStatus(exec, 201);
      expectStatus(await m.patch(`/executives/${exec.body.id}`, { name: 'Pat Productive' }), 200);
      const executives = await m.get('/executives?limit=100');
      expect(ids(executives.body)).toEqual(
        expect.arrayContaining([home.a.executiveId, home.b.executiveId, exec.body.id]),
      );

      const engagement = await m.post('/engagements', {
        clientId: client.body.id,
        executiveId: exec.body.id,
        function: 'CPO',
        startDate: '2026-02-02',
        daysPerWeek: 1.5,
      });
      expectStatus(engagement, 201);
      const engagementId = engagement.body.id;
      expect(engagement.body.daysPerWeek).toBe(1.5);
      expectStatus(await m.patch(`/engagements/${engagementId}`, { plannedEndDate: '2026-12-31' }), 200);
      expectStatus(
        await m.post(`/engagements/${engagementId}/allocation-changes`, {
          effectiveDate: '2026-03-02',
          daysPerWeek: 2.5,
          reason: 'Scaling up for launch',
        }),
        201,
      );
      const allocation = await m.get(`/engagements/${engagementId}/allocation-changes`);
      expect(allocation.body.map((a: { daysPerWeek: number }) => a.daysPerWeek)).toEqual([1.5, 2.5]);

      const owner = await m.post('/owners', { clientId: client.body.id, name: 'Olga Owner', title: 'CEO' });
      expectStatus(owner, 201);
      expectStatus(await m.patch(`/owners/${owner.body.id}`, { title: 'COO' }), 200);
      const priority = await m.post(`/engagements/${engagementId}/priorities`, {
        title: 'Ship v2',
        ownerId: owner.body.id,
        startDate: '2026-02-02',
        targetDate: '2026-09-30',
      });
      expectStatus(priority, 201);
      expectStatus(await m.patch(`/priorities/${priority.body.id}`, { title: 'Ship v2 to GA' }), 200);
      const milestone = await m.post(`/priorities/${priority.body.id}/milestones`, {
        title: 'Beta',
        dueDate: '2026-04-30',
      });
      expectStatus(milestone, 201);
      expectStatus(await m.patch(`/milestones/${milestone.body.id}`, { weight: 2 }), 200);
      expect(
        (
          await m.post(`/milestones/${milestone.body.id}/replan`, {
            dueDate: '2026-05-15',
            reason: 'Scope grew',
            category: 'scope',
          })
        ).body,
      ).toMatchObject({ replanCount: 1 });
      expect(
        (await m.post(`/milestones/${milestone.body.id}/complete`, { completedAt: '2026-03-10T10:00:00Z' })).body,
      ).toMatchObject({ status: 'done' });
      expectStatus(
        await m.post(`/priorities/${priority.body.id}/check-ins`, {
          rag: 'on_track',
          confidence: 8,
          note: 'Beta shipped early',
        }),
        201,
      );

      const summary = await m.get(`/engagements/${engagementId}/summary`);
      expectStatus(summary, 200);
      expect(summary.body.engagement.daysPerWeek).toBe(2.5);
      const portfolio = await m.get('/portfolio?limit=100');
      expectStatus(portfolio, 200);
      expect(ids(portfolio.body)).toEqual(
        expect.arrayContaining([home.a.engagementId, home.b.engagementId, engagementId]),
      );
      expect(portfolio.body.items.every((i: { daysPerWeek?: number }) => typeof i.daysPerWeek === 'number')).toBe(true);
      expectStatus(await m.get('/organization/settings'), 200);
      expectStatus(await m.get(`/engagements/${home.b.engagementId}/summary`), 200);
    });

    it('executive: sees only the engagement they are placed in (scope a), checks in and moves its milestones', async () => {
      const x = home.executive;
      const me = await x.get('/me');
      expect(me.body.executiveIds).toEqual([home.a.executiveId]);
      expectStatus(await x.get(`/users/${home.users.executive}`), 200);

      const engagements = await x.get('/engagements');
      expect(ids(engagements.body)).toEqual([home.a.engagementId]);
      expect(engagements.body.items[0].daysPerWeek).toBe(2);
      const portfolio = await x.get('/portfolio');
      expect(ids(portfolio.body)).toEqual([home.a.engagementId]);
      expect(portfolio.body.items[0].daysPerWeek).toBe(2);
      expect(ids((await x.get('/clients')).body)).toEqual([home.a.clientId]);
      expect(ids((await x.get('/executives')).body)).toEqual([home.a.executiveId]);
      const owners = await x.get('/owners');
      expect(owners.body.items.map((o: { clientId: string }) => o.clientId)).toEqual([home.a.clientId]);

      expectStatus(
        await x.post(`/priorities/${home.a.priorityId}/check-ins`, {
          rag: 'at_risk',
          confidence: 5,
          note: 'Hiring is slow',
        }),
        201,
      );
      expect((await x.patch(`/milestones/${home.a.milestoneId}`, { forecastDate: '2026-07-10' })).body).toMatchObject({
        forecastDate: '2026-07-10',
      });
      expect(
        (
          await x.post(`/milestones/${home.a.milestoneId}/replan`, {
            dueDate: '2026-07-15',
            reason: 'Board moved the offsite',
            category: 'client',
          })
        ).body,
      ).toMatchObject({ dueDate: '2026-07-15' });
      expect((await x.get(`/milestones/${home.a.milestoneId}/history`)).body).toHaveLength(1);
      const extra = await home.manager.post(`/priorities/${home.a.priorityId}/milestones`, {
        title: 'Quick win',
        dueDate: '2026-03-20',
      });
      expectStatus(extra, 201);
      expect(
        (await x.post(`/milestones/${extra.body.id}/complete`, { completedAt: '2026-03-09T16:00:00Z' })).body,
      ).toMatchObject({ status: 'done' });
    });

    it('client viewer: reads client A only, never the allocation, and acknowledges check-ins', async () => {
      const c = home.clientViewer;
      expectStatus(await c.get(`/users/${home.users.clientViewer}`), 200);
      const engagements = await c.get('/engagements');
      expect(ids(engagements.body)).toEqual([home.a.engagementId]);
      expect(engagements.body.items[0]).not.toHaveProperty('daysPerWeek');
      expect((await c.get(`/engagements/${home.a.engagementId}`)).body).not.toHaveProperty('daysPerWeek');
      const summary = await c.get(`/engagements/${home.a.engagementId}/summary`);
      expectStatus(summary, 200);
      expect(summary.body.engagement).not.toHaveProperty('daysPerWeek');
      const portfolio = await c.get('/portfolio');
      expect(ids(portfolio.body)).toEqual([home.a.engagementId]);
      portfolio.body.items.forEach((item: object) => expect(item).not.toHaveProperty('daysPerWeek'));
      expect(ids((await c.get(`/portfolio?clientId=${home.b.clientId}`)).body)).toEqual([]);
      const clients = await c.get('/clients');
      expect(ids(clients.body)).toEqual([home.a.clientId]);
      clients.body.items.forEach((item: object) => expect(item).not.toHaveProperty('accountManagerId'));
      portfolio.body.items.forEach((item: object) => expect(item).not.toHaveProperty('accountManagerId'));
      const owners = await c.get('/owners');
      expect(owners.body.items.map((o: { clientId: string }) => o.clientId)).toEqual([home.a.clientId]);

      const checkIn = await home.executive.post(`/priorities/${home.a.priorityId}/check-ins`, {
        rag: 'on_track',
        confidence: 7,
        note: 'Two AEs signed',
      });
      expectStatus(checkIn, 201);
      const acknowledged = await c.post(`/check-ins/${checkIn.body.id}/acknowledge`);
      expectStatus(acknowledged, 200);
      expect(acknowledged.body).toMatchObject({
        id: checkIn.body.id,
        acknowledgedBy: home.users.clientViewer,
        acknowledgedAt: expect.any(String),
      });
    });
  });

  describe('1b. every read route a role may use answers 200 on ids in its reach, without leaking', () => {
    /** Admins and account managers reach both clients; the executive and the client viewer only scope a. */
    const reach: Record<RoleKey, Array<'a' | 'b'>> = {
      admin: ['a', 'b'],
      manager: ['a', 'b'],
      executive: ['a'],
      clientViewer: ['a'],
    };
    const cases = ROLES.flatMap((role) =>
      ROUTES.filter((route) => route.method === 'GET' && isScoped(route) && route.allowed.includes(role)).flatMap(
        (route) =>
          reach[role].map((scope) => ({
            title: `${LABEL[role]}: ${name(route)} (scope ${scope}) → 200`,
            role,
            route,
            scope,
          })),
      ),
    );

    it.each(cases)('$title', async ({ role, route, scope }) => {
      const response = await withoutSideEffects(() =>
        send(home[role], route, home.ids[scope][route.id as keyof ScopeIds], home),
      );
      expectStatus(response, 200);
      const json = JSON.stringify(response.body);
      // nothing of client B reaches those who may not see it, and client viewers never see the allocation
      if (role === 'executive' || role === 'clientViewer')
        Object.values(home.b).forEach((id) => expect(json).not.toContain(id));
      if (role === 'clientViewer') {
        expect(json).not.toContain('daysPerWeek');
        expect(json).not.toContain('accountManager');
      }
    });
  });

  describe('1c. PATCH /me: every role changes its own profile, and only that', () => {
    it.each(
      ROLES.map((role) => ({ role, title: `${LABEL[role]}: PATCH /me sets its own timezone; nobody else's changes` })),
    )('$title', async ({ role }) => {
      const users = () =>
        api.dataSource.query(`SELECT id, name, timezone, role FROM users WHERE organization_id = $1 ORDER BY id`, [
          home.organizationId,
        ]);
      const before: Array<{ id: string; timezone: string | null }> = await users();
      const response = await home[role].patch('/me', { timezone: 'Asia/Tokyo' });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({ id: home.users[role], timezone: 'Asia/Tokyo' });
      const after: Array<{ id: string; timezone: string | null }> = await users();
      expect(after.filter((u) => u.id !== home.users[role])).toEqual(before.filter((u) => u.id !== home.users[role]));
      // Role, email and grants are not self-service: unknown fields are refused and change nothing.
      const escalate = await withoutSideEffects(() =>
        home[role].patch('/me', { role: 'admin', clientIds: [home.b.clientId] }),
      );
      expectStatus(escalate, 400);
      expectStatus(await home[role].patch('/me', { timezone: null }), 200);
    });
  });

  describe('1d. POST /me/password: every role may change only its own password, and only knowing it', () => {
    it.each(
      ROLES.map((role) => ({
        role,
        title: `${LABEL[role]}: a wrong current password or another user's id changes nothing`,
      })),
    )('$title', async ({ role }) => {
      const wrong = await withoutSideEffects(() =>
        home[role].post('/me/password', { currentPassword: 'not-the-password', newPassword: 'plum-ferry-harbour' }),
      );
      expectStatus(wrong, 422);
      const victim = role === 'admin' ? home.users.manager : home.users.admin;
      const targeted = await withoutSideEffects(() =>
        home[role].post('/me/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'plum-ferry-harbour',
          userId: victim,
        }),
      );
      expectStatus(targeted, 400);
      const crossTenant = await withoutSideEffects(() =>
        other[role].post('/me/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'plum-ferry-harbour',
          userId: home.users[role],
        }),
      );
      expectStatus(crossTenant, 400);
      expectStatus(await home[role].get('/me'), 200);
    });
  });

  describe('1e. password reset (public): a token is the only key, and a bad one changes nothing for any caller', () => {
    it.each(
      ROLES.map((role) => ({
        role,
        title: `${LABEL[role]}: confirming a made-up token, or naming a user, changes no one's password`,
      })),
    )('$title', async ({ role }) => {
      const madeUp = await withoutSideEffects(() =>
        home[role].post('/auth/password-reset/confirm', {
          token: randomUUID().repeat(2),
          newPassword: 'plum-ferry-harbour',
        }),
      );
      expectStatus(madeUp, 422);
      expect(madeUp.body.code).toBe('AUTH.INVALID_RESET_TOKEN');
      const targeted = await withoutSideEffects(() =>
        other[role].post('/auth/password-reset/confirm', {
          token: randomUUID().repeat(2),
          newPassword: 'plum-ferry-harbour',
          userId: home.users[role],
        }),
      );
      expectStatus(targeted, 400);
    });
  });

  // ───────────────────── 2. role-forbidden actions: 403, whatever the id ─────────────────────

  describe('2. a role-forbidden action answers 403 with the error body and writes nothing', () => {
    const cases = ROLES.flatMap((role) =>
      ROUTES.filter((route) => !route.allowed.includes(role)).flatMap((route) =>
        targetsOf(route)
          // GET /users/:id on oneself is allowed for every role (section 1)
          .filter((target) => !(route.selfAllowed && target.user === role))
          .map((target) => ({ title: `${LABEL[role]}: ${name(route)}${target.label} → 403`, role, route, target })),
      ),
    );

    it.each(cases)('$title', async ({ role, route, target }) => {
      const response = await withoutSideEffects(() => send(home[role], route, idOf(home, route, target), home));
      expectForbidden(response);
    });
  });

  // ─────────── 3. inside the organization, out of reach (scope b): 404 like a missing id ───────────

  describe('3. client B is out of reach of the client viewer and the executive: 404 like a missing id', () => {
    const cases = (['clientViewer', 'executive'] as const).flatMap((role) =>
      ROUTES.filter((route) => isScoped(route) && route.allowed.includes(role)).map((route) => ({
        title: `${LABEL[role]}: ${name(route)} with scope b's ${route.id} → 404`,
        role,
        route,
      })),
    );

    it('covers every id route each role may use', () => {
      const paths = (role: RoleKey) => cases.filter((c) => c.role === role).map((c) => name(c.route));
      expect(paths('clientViewer')).toEqual(
        expect.arrayContaining([
          'GET /clients/:id',
          'GET /engagements/:id',
          'GET /engagements/:id/summary',
          'GET /engagements/:id/priorities',
          'GET /owners/:id',
          'GET /priorities/:id',
          'GET /priorities/:id/milestones',
          'GET /priorities/:id/check-ins',
          'GET /milestones/:id',
          'GET /milestones/:id/history',
          'POST /check-ins/:id/acknowledge',
        ]),
      );
      expect(paths('executive')).toEqual(
        expect.arrayContaining([
          'GET /executives/:id',
          'GET /engagements/:id/allocation-changes',
          'POST /priorities/:id/check-ins',
          'PATCH /milestones/:id',
          'POST /milestones/:id/complete',
          'POST /milestones/:id/replan',
        ]),
      );
    });

    it.each(cases)('$title', async ({ role, route }) => {
      const id = home.ids.b[route.id as keyof ScopeIds];
      const missingId = randomUUID();
      const response = await withoutSideEffects(() => send(home[role], route, id, home));
      const missing = await withoutSideEffects(() => send(home[role], route, missingId, home));
      expectSameAsMissing(response, id, missing, missingId);
    });
  });

  // ───────────── 4. another organization's ids: 404 like a missing id (403 if the role may not at all) ─────────────

  describe('4. a user of another organization cannot reach any id of this one', () => {
    const cases = ROLES.flatMap((role) =>
      ROUTES.filter((route) => route.id).flatMap((route) =>
        targetsOf(route).map((target) => {
          const expected = route.allowed.includes(role) ? 404 : 403;
          return {
            title: `other org's ${LABEL[role]}: ${name(route)}${target.label} → ${expected}`,
            role,
            route,
            target,
            expected,
          };
        }),
      ),
    );

    it.each(cases)('$title', async ({ role, route, target, expected }) => {
      const id = idOf(home, route, target)!;
      const response = await withoutSideEffects(() => send(other[role], route, id, home));
      if (expected === 403) {
        expectForbidden(response);
        return;
      }
      const missingId = randomUUID();
      const missing = await withoutSideEffects(() => send(other[role], route, missingId, home));
      expectSameAsMissing(response, id, missing, missingId);
    });

    it("cannot see any of this organization's rows in lists either", async () => {
      for (const role of ROLES) {
        const caller = other[role];
        for (const path of [
          '/engagements?limit=100',
          '/portfolio?limit=100',
          '/clients?limit=100',
          '/owners?limit=100',
          `/engagements?clientId=${home.a.clientId}`,
          `/engagements?executiveId=${home.a.executiveId}`,
          `/portfolio?clientId=${home.a.clientId}`,
          `/owners?clientId=${home.a.clientId}`,
          '/digests?limit=100',
          `/digests?userId=${home.users.manager}`,
          '/alerts?limit=100',
          `/alerts?engagementId=${home.a.engagementId}`,
          `/alerts?clientId=${home.a.clientId}`,
        ]) {
          const response = await caller.get(path);
          expectStatus(response, 200);
          const seen = JSON.stringify(response.body);
          for (const id of [...Object.values(home.a), ...Object.values(home.b)]) expect(seen).not.toContain(id);
        }
      }
      const audit = await other.admin.get('/audit-events?limit=100');
      expect(JSON.stringify(audit.body)).not.toContain(home.organizationId);
      expect((await other.admin.get(`/audit-events?entityId=${home.a.clientId}`)).body).toMatchObject({
        items: [],
        total: 0,
      });
      expect((await other.admin.get(`/audit-events?actorId=${home.users.admin}`)).body).toMatchObject({
        items: [],
        total: 0,
      });
      expect(JSON.stringify((await other.admin.get('/users?limit=100')).body)).not.toContain(home.users.admin);
    });
  });

  describe("4b. another organization's ids named in a request body are refused like missing ones", () => {
    it.each(BODY_REFERENCES)("other org's $role: $title", async (reference) => {
      const caller = other[reference.role];
      const ref = reference.ref(home);
      const missingId = randomUUID();
      const response = await withoutSideEffects(() =>
        caller.request(reference.method, reference.path(other), reference.body(ref, other)),
      );
      const missing = await withoutSideEffects(() =>
        caller.request(reference.method, reference.path(other), reference.body(missingId, other)),
      );
      expect([404, 422]).toContain(missing.status);
      expectErrorBody(response, missing.status, missing.body.code);
      expect(response.body.message).toBe(missing.body.message.replace(missingId, ref));
    });
  });

  describe('4c. routes without an id, called by every role of another organization, never reach this one', () => {
    const cases = ROLES.flatMap((role) =>
      ROUTES.filter((route) => !route.id).map((route) => {
        const expected = route.allowed.includes(role) ? 'its own organization only' : '403';
        return { title: `other org's ${LABEL[role]}: ${name(route)} → ${expected}`, role, route };
      }),
    );

    it.each(cases)('$title', async ({ role, route }) => {
      const before = await snapshot(home.organizationId);
      const response = route.allowed.includes(role)
        ? await send(other[role], route, null, other) // a valid body of its own organization: it must change only that one
        : await withoutSideEffects(() => send(other[role], route, null, home));
      const after = await snapshot(home.organizationId);
      expect(after).toEqual(before);
      if (!route.allowed.includes(role)) {
        expectForbidden(response);
        return;
      }
      expect(response.status).toBeLessThan(300);
      const seen = JSON.stringify(response.body);
      const homeIds = [
        home.organizationId,
        ...Object.values(home.users),
        ...Object.values(home.ids.a),
        ...Object.values(home.ids.b),
        home.ids.webhookId,
        home.ids.invitationId,
        home.ids.playbookId,
        ...Object.values(home.ids.apiTokens),
      ];
      for (const id of homeIds) expect(seen).not.toContain(id);
    });
  });

  // ───────────── 4d. personal API tokens: exactly their user's access, never more ─────────────

  describe("4d. a personal API token has exactly its user's access (read scope: reads only)", () => {
    const SESSION_ONLY = new Set(['GET /me/api-tokens', 'POST /me/api-tokens', 'DELETE /me/api-tokens/:id']);
    const withToken = (role: RoleKey, scope: 'read' | 'write', tenant: Attacked = home) =>
      tenant[role].as(tenant.tokens[role][scope]);

    const reads = ROLES.flatMap((role) =>
      ROUTES.filter((route) => route.method === 'GET' && !SESSION_ONLY.has(name(route))).flatMap((route) =>
        targetsOf(route).map((target) => ({
          title: `${LABEL[role]}'s tokens: ${name(route)}${target.label} answers what the session answers`,
          role,
          route,
          target,
        })),
      ),
    );

    it.each(reads)('$title', async ({ role, route, target }) => {
      const id = idOf(home, route, target);
      const session = await send(home[role], route, id, home);
      for (const scope of ['read', 'write'] as const) {
        const token = await send(withToken(role, scope), route, id, home);
        expect({ scope, status: token.status, body: token.body, code: token.body?.code }).toEqual({
          scope,
          status: session.status,
          body: token.status < 300 ? session.body : expect.anything(),
          code: session.body?.code,
        });
      }
    });

    const writes = ROLES.flatMap((role) =>
      ROUTES.filter((route) => route.method !== 'GET').flatMap((route) =>
        targetsOf(route).map((target) => ({
          title: `${LABEL[role]}'s read token: ${name(route)}${target.label} → 403, nothing written`,
          role,
          route,
          target,
        })),
      ),
    );

    it.each(writes)('$title', async ({ role, route, target }) => {
      const response = await withoutSideEffects(() =>
        send(withToken(role, 'read'), route, idOf(home, route, target), home),
      );
      expectErrorBody(response, 403, SESSION_ONLY.has(name(route)) ? 'AUTH.SESSION_REQUIRED' : 'AUTH.TOKEN_SCOPE');
    });

    const forbidden = ROLES.flatMap((role) =>
      ROUTES.filter((route) => route.method !== 'GET' && !route.allowed.includes(role)).flatMap((route) =>
        targetsOf(route)
          .filter((target) => !(route.selfAllowed && target.user === role))
          .map((target) => ({
            title: `${LABEL[role]}'s write token: ${name(route)}${target.label} → 403 like the session`,
            role,
            route,
            target,
          })),
      ),
    );

    it.each(forbidden)('$title', async ({ role, route, target }) => {
      const response = await withoutSideEffects(() =>
        send(withToken(role, 'write'), route, idOf(home, route, target), home),
      );
      expectForbidden(response);
    });

    it.each(ROLES.map((role) => ({ role, title: LABEL[role] })))(
      "other org's $title write token: every id of this organization answers 404 (or 403) as the session does",
      async ({ role }) => {
        // Its first use notes last_used_at in its own organization (then not again within the minute, the clock is pinned).
        expectStatus(await withToken(role, 'write', other).get('/me'), 200);
        for (const route of ROUTES.filter((r) => r.id && !SESSION_ONLY.has(name(r)))) {
          for (const target of targetsOf(route)) {
            const id = idOf(home, route, target)!;
            const session = await withoutSideEffects(() => send(other[role], route, id, home));
            const token = await withoutSideEffects(() => send(withToken(role, 'write', other), route, id, home));
            expect({ route: name(route), status: token.status, code: token.body?.code }).toEqual({
              route: name(route),
              status: session.status,
              code: session.body?.code,
            });
            expect([403, 404]).toContain(token.status);
          }
        }
      },
    );

    it('a session-only route (token management, logout, password) refuses even a write token', async () => {
      for (const [method, path, body] of [
        ['GET', '/me/api-tokens', undefined],
        ['POST', '/me/api-tokens', { name: 'Minted by a token', scope: 'write', expiresAt: '2026-06-01T00:00:00Z' }],
        ['DELETE', `/me/api-tokens/${home.ids.apiTokens.admin}`, undefined],
        ['POST', '/auth/logout', {}],
        ['POST', '/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-long-passphrase-9' }],
      ] as const) {
        const response = await withoutSideEffects(() => withToken('admin', 'write').request(method, path, body));
        expectErrorBody(response, 403, 'AUTH.SESSION_REQUIRED');
      }
    });
  });

  // ───────────────────── 5. the side-effect probe itself ─────────────────────

  describe('5. the no-side-effect check is able to fail', () => {
    it('notices an API write (a new audit event) and a silent UPDATE that adds no row', async () => {
      await expect(
        withoutSideEffects(() => home.manager.patch(`/clients/${home.a.clientId}`, { industry: 'Probe' })),
      ).rejects.toThrow();
      await expect(
        withoutSideEffects(async () => {
          await api.dataSource.query(`UPDATE clients SET industry = 'Silent' WHERE id = $1`, [home.a.clientId]);
          return home.manager.get(`/clients/${home.a.clientId}`);
        }),
      ).rejects.toThrow();
    });
  });

  // ───────────── 6. what a role sees counted, it can list; hidden fields are no filter ─────────────

  describe('6. every count a role sees equals what that role can list', () => {
    /** A tenant of its own, with alerts of every status and of a rule client viewers never see (allocation). */
    let counted: Tenant;

    beforeAll(async () => {
      counted = await createTenant(api.http, 'Counted');
      const alert = (rule: string, engagementId: string, severity: string, status: string) =>
        api.dataSource.query(
          `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
           VALUES ($1, $2, 'engagement', gen_random_uuid(), $3, $4, $5, 'counted', now(), now())`,
          [counted.organizationId, rule, engagementId, severity, status],
        );
      await alert('focus_overload', counted.a.engagementId, 'warning', 'open');
      await alert('allocation_mismatch', counted.a.engagementId, 'warning', 'open');
      await alert('allocation_mismatch', counted.a.engagementId, 'critical', 'acknowledged');
      await alert('milestone_overdue', counted.a.engagementId, 'critical', 'acknowledged');
      await alert('priority_stalled', counted.a.engagementId, 'info', 'resolved');
      await alert('allocation_mismatch', counted.b.engagementId, 'info', 'open');
      await alert('owner_missing', counted.b.engagementId, 'warning', 'open');
      await api.dataSource.query(
        `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
         VALUES ($1, 'owner_overload', 'owner', $2, NULL, 'critical', 'open', 'counted', now(), now())`,
        [counted.organizationId, counted.a.ownerId],
      );
      expectStatus(
        await counted.manager.patch(`/clients/${counted.a.clientId}`, { accountManagerId: counted.users.manager }),
        200,
      );
    });

    type Severity = 'critical' | 'warning' | 'info';
    interface Item {
      engagementId: string;
      openAlerts: Record<Severity, number>;
      priorityCounts: Record<string, number>;
      overdueMilestones: number;
    }

    it.each(ROLES.map((role) => ({ role, title: LABEL[role] })))(
      '$title: portfolio openAlerts, priorityCounts, overdueMilestones and totals match the lists',
      async ({ role }) => {
        const caller = counted[role];
        const portfolio = await caller.get('/portfolio?limit=100');
        expectStatus(portfolio, 200);
        const items: Item[] = portfolio.body.items;
        expect(portfolio.body.total).toBe(items.length);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
          const alerts = await caller.get(`/alerts?engagementId=${item.engagementId}&limit=100`);
          expectStatus(alerts, 200);
          expect(alerts.body.total).toBe(alerts.body.items.length);
          const listed = { critical: 0, warning: 0, info: 0 };
          for (const a of alerts.body.items as Array<{ severity: Severity; status: string }>)
            if (a.status !== 'resolved') listed[a.severity] += 1;
          expect({ engagement: item.engagementId, openAlerts: item.openAlerts }).toEqual({
            engagement: item.engagementId,
            openAlerts: listed,
          });

          const priorities = await caller.get(`/engagements/${item.engagementId}/priorities`);
          expectStatus(priorities, 200);
          const byStatus = { active: 0, draft: 0, achieved: 0, dropped: 0 } as Record<string, number>;
          let overdue = 0;
          for (const priority of priorities.body as Array<{ id: string; status: string }>) {
            byStatus[priority.status] += 1;
            const milestones = await caller.get(`/priorities/${priority.id}/milestones`);
            expectStatus(milestones, 200);
            overdue += (milestones.body as Array<{ status: string; dueDate: string }>).filter(
              (m) => ['planned', 'in_progress'].includes(m.status) && m.dueDate < portfolio.body.asOf,
            ).length;
          }
          expect(item.priorityCounts).toEqual(byStatus);
          expect(item.overdueMilestones).toBe(overdue);
        }
      },
    );

    it('the allocation alerts are counted for the staff, not for the client viewer (who cannot list them)', async () => {
      const openOfA = async (caller: HttpClient) =>
        ((await caller.get('/portfolio?limit=100')).body.items as Item[]).find(
          (i) => i.engagementId === counted.a.engagementId,
        )!.openAlerts;
      expect(await openOfA(counted.manager)).toEqual({ critical: 2, warning: 2, info: 0 });
      expect(await openOfA(counted.clientViewer)).toEqual({ critical: 1, warning: 1, info: 0 });
    });

    it('a filter on a field hidden from the client viewer is refused alike whatever its value (no oracle)', async () => {
      const refusals = await Promise.all(
        [counted.users.manager, randomUUID()].map((value) =>
          counted.clientViewer.get(`/portfolio?accountManagerId=${value}`),
        ),
      );
      for (const refused of refusals) {
        expectStatus(refused, 400);
        expect(refused.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          errors: [{ field: 'accountManagerId', problems: [expect.any(String)] }],
        });
      }
      expect(refusals[0].body.message).toBe(refusals[1].body.message);
      const rule = await counted.clientViewer.get('/alerts?rule=allocation_mismatch');
      expectStatus(rule, 400);
      expect(rule.body.errors).toEqual([{ field: 'rule', problems: [expect.any(String)] }]);
      // the roles that see the field may filter by it
      const filtered = await counted.manager.get(`/portfolio?limit=100&accountManagerId=${counted.users.manager}`);
      expect(ids(filtered.body)).toEqual([counted.a.engagementId]);
      expectStatus(await counted.manager.get('/alerts?rule=allocation_mismatch'), 200);
    });
  });
});
