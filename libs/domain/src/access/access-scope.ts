import type { Actor } from '../shared/actor';
import type { SqlParams } from '../shared/sql';

/**
 * Row-level reach of each role, as SQL conditions. Everything is scoped to the caller's organization; executives
 * further to engagements they are placed in, client viewers to the clients granted to them.
 */

/** Condition on an engagements alias (needs its organization_id, client_id, executive_id). */
export function engagementScope(actor: Actor, alias: string, p: SqlParams): string {
  const org = `${alias}.organization_id = ${p.add(actor.organizationId)}`;
  switch (actor.role) {
    case 'admin':
    case 'account_manager':
      return org;
    case 'executive':
      return `${org} AND ${alias}.executive_id = ANY(${p.add(actor.executiveIds)}::uuid[])`;
    case 'client_viewer':
      return `${org} AND ${alias}.client_id = ANY(${p.add(actor.clientIds)}::uuid[])`;
  }
}

/** Condition on a clients alias: executives see the clients they are placed at. */
export function clientScope(actor: Actor, alias: string, p: SqlParams): string {
  const org = `${alias}.organization_id = ${p.add(actor.organizationId)}`;
  switch (actor.role) {
    case 'admin':
    case 'account_manager':
      return org;
    case 'executive':
      return `${org} AND EXISTS (SELECT 1 FROM engagements se WHERE se.organization_id = ${alias}.organization_id AND se.client_id = ${alias}.id AND se.executive_id = ANY(${p.add(actor.executiveIds)}::uuid[]))`;
    case 'client_viewer':
      return `${org} AND ${alias}.id = ANY(${p.add(actor.clientIds)}::uuid[])`;
  }
}
