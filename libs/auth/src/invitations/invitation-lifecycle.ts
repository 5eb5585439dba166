import { ActionForbidden, Gone, type Role } from '@app/domain';

/** An invitation link stays valid this long; a resend gives a new link for as long again. */
export const INVITATION_VALID_DAYS = 7;

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface InvitationDates {
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/** Where an invitation stands at `now` (pure). Accepted and revoked are final; a pending one expires by time. */
export function invitationStatus(row: InvitationDates, now: Date): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at.getTime() > now.getTime() ? 'pending' : 'expired';
}

/** When a link issued at `now` stops working. */
export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000);
}

/** A token that matches no invitation (mistyped, tampered with, or replaced by a resend): 403. */
export const invalidInvitationToken = () =>
  new ActionForbidden('INVITATION.INVALID_TOKEN', 'This invitation link is not valid: ask for a new invitation');

/**
 * Why a link can no longer be followed (pure), or null when it can: an expired, used or revoked invitation
 * answers 410 with a code saying which.
 */
export function invitationLinkProblem(status: InvitationStatus): Gone | null {
  switch (status) {
    case 'pending':
      return null;
    case 'expired':
      return new Gone('INVITATION.EXPIRED', 'This invitation has expired: ask the person who invited you to resend it');
    case 'accepted':
      return new Gone('INVITATION.USED', 'This invitation was already used: sign in instead');
    case 'revoked':
      return new Gone('INVITATION.REVOKED', 'This invitation was withdrawn');
  }
}

/** Who may invite whom (pure): admins anyone; account managers client viewers and placed executives only. */
export function mayInviteRole(inviter: Role, role: Role): boolean {
  if (inviter === 'admin') return true;
  if (inviter === 'account_manager') return role === 'client_viewer' || role === 'executive';
  return false;
}
