import type { Role } from '../users/user.entity';

/** What each role may do at all; which rows it may touch is the AccessService's scope. */
export const PERMISSIONS = {
  'users.manage': ['admin'],
  // Account managers invite client viewers of the clients they manage and placed executives only (the service checks).
  'invitations.send': ['admin', 'account_manager'],
  'organization.read': ['admin', 'account_manager'],
  'organization.write': ['admin'],
  'clients.write': ['admin', 'account_manager'],
  'executives.read': ['admin', 'account_manager', 'executive'],
  'executives.write': ['admin', 'account_manager'],
  'engagements.write': ['admin', 'account_manager'],
  'allocation.read': ['admin', 'account_manager', 'executive'],
  'owners.write': ['admin', 'account_manager'],
  'priorities.write': ['admin', 'account_manager'],
  'milestones.create': ['admin', 'account_manager'],
  'milestones.move': ['admin', 'account_manager', 'executive'],
  'checkins.write': ['admin', 'account_manager', 'executive'],
  'checkins.acknowledge': ['client_viewer'],
  'pulse.answer': ['client_viewer'],
  'pulse.read': ['admin', 'account_manager'],
  'audit.read': ['admin'],
  'alerts.manage': ['admin', 'account_manager', 'executive'],
  'notifications.admin': ['admin'],
  'digests.admin': ['admin'],
  'reports.write': ['admin', 'account_manager'],
  'imports.run': ['admin', 'account_manager'],
  'exports.firm': ['admin', 'account_manager'],
  'playbooks.manage': ['admin', 'account_manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
