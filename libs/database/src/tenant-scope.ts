import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose rows the database work of the current request or job may touch. Row-level security reads it from
 * two transaction-local settings (see migrations/1764400000000-RowLevelSecurity.ts):
 * `app.organization_id` for one organization, `app.cross_tenant = 'on'` for the few named system tasks.
 */
export type TenantScope = { kind: 'organization'; organizationId: string } | { kind: 'system'; reason: SystemReason };

/**
 * The only work allowed to see every organization's rows. Each value names one place in the code
 * (docs/security-controls.md, "Database isolation"); adding one is a security decision, not a convenience.
 */
export type SystemReason =
  | 'health'
  | 'login'
  | 'refresh-token'
  | 'password-reset'
  // A presented personal API token names no organization: find its owner's, by the token's hash.
  | 'api-token'
  // Single sign-on: the organization of an email domain (discovery, start) and of a returning `state` (callback), and
  // whether a domain is claimed by another organization already.
  | 'sso'
  // A sign-up belongs to no organization until its emailed link is followed: its pending row, the address check
  // (an email names no organization) and its verification email's outbox row (of no organization).
  | 'signup'
  // The worker delivering a verification email, an outbox row of no organization.
  | 'signup-email-delivery'
  // Following an emailed invitation link: the token names its organization, which the public request does not know.
  | 'invitation'
  | 'digest-unsubscribe'
  // A report share link is opened without login: its token's hash names the organization, nothing more.
  | 'report-share-link'
  // A check-in reminder link is followed without login: its token's hash names the organization, nothing more.
  | 'check-in-link'
  | 'drift-scan-fan-out'
  | 'digest-dispatch-fan-out'
  | 'requeue-stalled-deliveries'
  | 'job-owner-lookup'
  // A calendar feed URL carries only its token: the token's hash finds the user and their organization, nothing else.
  | 'calendar-feed';

const storage = new AsyncLocalStorage<TenantScope>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class MissingTenantScope extends Error {
  constructor() {
    super(
      'Database work outside a tenant scope: run it for an organization (Db.forOrganization, or an authenticated request) or as a named system task (Db.asSystem)',
    );
  }
}

export function currentTenantScope(): TenantScope | undefined {
  return storage.getStore();
}

/** Runs work for one organization. Inside another organization's scope this is refused: scopes only narrow. */
export function runForOrganization<T>(organizationId: string, work: () => T): T {
  if (!UUID.test(organizationId)) throw new Error(`Not an organization id: ${JSON.stringify(organizationId)}`);
  const outer = storage.getStore();
  if (outer?.kind === 'organization' && outer.organizationId.toLowerCase() !== organizationId.toLowerCase()) {
    throw new Error(
      `Work for organization ${organizationId} requested inside organization ${outer.organizationId}'s scope`,
    );
  }
  return storage.run({ kind: 'organization', organizationId: organizationId.toLowerCase() }, work);
}

/** Runs cross-tenant system work; never inside an organization's scope (a request must not widen its own reach). */
export function runAsSystem<T>(reason: SystemReason, work: () => T): T {
  const outer = storage.getStore();
  if (outer?.kind === 'organization')
    throw new Error(`System work (${reason}) requested inside organization ${outer.organizationId}'s scope`);
  return storage.run({ kind: 'system', reason }, work);
}

/** The values of `app.organization_id` and `app.cross_tenant` for a scope, as the first statement of a transaction sets them. */
export function tenantSettings(scope: TenantScope): [organizationId: string, crossTenant: 'on' | 'off'] {
  return scope.kind === 'organization' ? [scope.organizationId, 'off'] : ['', 'on'];
}
