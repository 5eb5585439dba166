import { randomBytes } from 'node:crypto';
import type { HttpClient } from './http-client';
import type { Tenant } from './fixtures';

/** One create (POST that creates) of the API, with a valid body and the table its row lands in. */
export interface CreateOperation {
  /** As in the OpenAPI document. */
  operation: string;
  table: string;
  caller: (tenant: Tenant) => HttpClient;
  /** The path under /api/v1, ids filled in from the tenant. */
  path: (tenant: Tenant) => string;
  /** A valid body; a new `variant` gives a different valid body. */
  body: (tenant: Tenant, variant: string) => Record<string, unknown>;
  /** The id of the row in `table`, read from the answer (default: its `id`). */
  createdId?: (answer: Record<string, unknown>) => unknown;
}

const unique = () => randomBytes(4).toString('hex');

/** Every create of the API (the idempotency and fault suites check the OpenAPI document lists no other). */
export const CREATE_OPERATIONS: CreateOperation[] = [
  {
    operation: 'POST /api/v1/clients',
    table: 'clients',
    caller: (t) => t.manager,
    path: () => '/clients',
    body: (_t, v) => ({ name: `Client ${v}`, stage: 'growth' }),
  },
  {
    operation: 'POST /api/v1/executives',
    table: 'executives',
    caller: (t) => t.manager,
    path: () => '/executives',
    body: (_t, v) => ({ name: `Exec ${v}`, email: `exec-${v}-${unique()}@example.com`, functions: ['CRO'] }),
  },
  {
    operation: 'POST /api/v1/owners',
    table: 'owners',
    caller: (t) => t.manager,
    path: () => '/owners',
    body: (t, v) => ({ clientId: t.b.clientId, name: `Owner ${v}` }),
  },
  {
    operation: 'POST /api/v1/engagements',
    table: 'engagements',
    caller: (t) => t.manager,
    path: () => '/engagements',
    body: (t, v) => ({
      clientId: t.b.clientId,
      executiveId: t.b.executiveId,
      function: 'CMO',
      startDate: '2026-02-02',
      daysPerWeek: 1 + (v.length % 3),
    }),
  },
  {
    operation: 'POST /api/v1/engagements/setup',
    table: 'engagements',
    createdId: (answer) => (answer.engagement as { id?: unknown } | undefined)?.id,
    caller: (t) => t.manager,
    path: () => '/engagements/setup',
    body: (t, v) => ({
      clientId: t.b.clientId,
      executiveId: t.b.executiveId,
      function: 'CMO',
      startDate: '2026-02-02',
      daysPerWeek: 1 + (v.length % 3),
      priorities: [
        {
          // Dates as the priority and milestone creates below: valid whatever today is (fault tests run on the real clock).
          title: `Set up ${v}`,
          ownerId: t.b.ownerId,
          startDate: '2026-02-02',
          targetDate: '2027-11-30',
          milestones: [{ title: `First step ${v}`, dueDate: '2027-05-31' }],
        },
      ],
    }),
  },
  {
    operation: 'POST /api/v1/engagements/{id}/allocation-changes',
    table: 'allocation_changes',
    caller: (t) => t.manager,
    path: (t) => `/engagements/${t.b.engagementId}/allocation-changes`,
    body: (_t, v) => ({ effectiveDate: '2026-03-02', daysPerWeek: 3, reason: `Scale up ${v}` }),
  },
  {
    operation: 'POST /api/v1/engagements/{id}/priorities',
    table: 'priorities',
    caller: (t) => t.manager,
    path: (t) => `/engagements/${t.b.engagementId}/priorities`,
    body: (t, v) => ({
      title: `Priority ${v}`,
      ownerId: t.b.ownerId,
      startDate: '2026-02-02',
      targetDate: '2027-11-30',
      status: 'draft',
    }),
  },
  {
    operation: 'POST /api/v1/priorities/{id}/milestones',
    table: 'milestones',
    caller: (t) => t.manager,
    path: (t) => `/priorities/${t.b.priorityId}/milestones`,
    body: (_t, v) => ({ title: `Milestone ${v}`, dueDate: '2027-05-31' }),
  },
  {
    operation: 'POST /api/v1/priorities/{id}/check-ins',
    table: 'check_ins',
    caller: (t) => t.manager,
    path: (t) => `/priorities/${t.b.priorityId}/check-ins`,
    body: (_t, v) => ({ rag: 'at_risk', confidence: 6, note: `Check-in ${v}` }),
  },
  {
    operation: 'POST /api/v1/engagements/{id}/reports',
    table: 'reports',
    caller: (t) => t.manager,
    path: (t) => `/engagements/${t.b.engagementId}/reports`,
    body: (_t, v) => ({ periodStart: '2026-01-05', periodEnd: `2026-02-${String(10 + (v.length % 18))}` }),
  },
  {
    operation: 'POST /api/v1/invitations',
    table: 'invitations',
    caller: (t) => t.admin,
    path: () => '/invitations',
    body: (_t, v) => ({
      email: `user-${v}-${unique()}@firm.test`,
      name: `User ${v}`,
      role: 'account_manager',
    }),
  },
  {
    operation: 'POST /api/v1/organization/webhooks',
    table: 'webhooks',
    caller: (t) => t.admin,
    path: () => '/organization/webhooks',
    body: (_t, v) => ({ url: `http://127.0.0.1:9/hook-${v}` }),
  },
];
