import type { Role } from '../users/user.entity';

/** Who is calling, resolved once per request from the token and the database. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  email: string;
  /** Executive profiles linked to this user (for role executive). */
  executiveIds: string[];
  /** Clients granted to this user (for role client_viewer). */
  clientIds: string[];
}

export const isManager = (actor: Actor) => actor.role === 'admin' || actor.role === 'account_manager';
