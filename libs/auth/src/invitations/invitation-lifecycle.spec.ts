import {
  INVITATION_VALID_DAYS,
  invitationExpiry,
  invitationLinkProblem,
  invitationStatus,
  mayInviteRole,
} from './invitation-lifecycle';
import { invitationEmail } from './invitation-email';

const sent = new Date('2026-03-02T10:00:00Z');
const expires = invitationExpiry(sent);
const at = (iso: string) => new Date(iso);

describe('invitation lifecycle', () => {
  it('is valid for seven days from the time it was sent', () => {
    expect(INVITATION_VALID_DAYS).toBe(7);
    expect(expires.toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('is pending until the last millisecond, then expired', () => {
    const row = { expires_at: expires, accepted_at: null, revoked_at: null };
    expect(invitationStatus(row, at('2026-03-02T10:00:00Z'))).toBe('pending');
    expect(invitationStatus(row, at('2026-03-09T09:59:59.999Z'))).toBe('pending');
    expect(invitationStatus(row, at('2026-03-09T10:00:00Z'))).toBe('expired');
  });

  it('is accepted or revoked for good, whatever the time', () => {
    const accepted = { expires_at: expires, accepted_at: at('2026-03-03T08:00:00Z'), revoked_at: null };
    const revoked = { expires_at: expires, accepted_at: null, revoked_at: at('2026-03-03T08:00:00Z') };
    expect(invitationStatus(accepted, at('2026-03-04T00:00:00Z'))).toBe('accepted');
    expect(invitationStatus(accepted, at('2026-04-01T00:00:00Z'))).toBe('accepted');
    expect(invitationStatus(revoked, at('2026-03-04T00:00:00Z'))).toBe('revoked');
  });

  it('a resend renews the link for seven days from the resend', () => {
    const row = { expires_at: expires, accepted_at: null, revoked_at: null };
    const resent = { ...row, expires_at: invitationExpiry(at('2026-03-10T12:00:00Z')) };
    expect(invitationStatus(row, at('2026-03-10T12:00:01Z'))).toBe('expired');
    expect(invitationStatus(resent, at('2026-03-10T12:00:01Z'))).toBe('pending');
    expect(resent.expires_at.toISOString()).toBe('2026-03-17T12:00:00.000Z');
  });

  it('a link can be followed only while pending; otherwise 410 with a code saying why', () => {
    expect(invitationLinkProblem('pending')).toBeNull();
    expect(invitationLinkProblem('expired')).toMatchObject({ kind: 'gone', code: 'INVITATION.EXPIRED' });
    expect(invitationLinkProblem('accepted')).toMatchObject({ kind: 'gone', code: 'INVITATION.USED' });
    expect(invitationLinkProblem('revoked')).toMatchObject({ kind: 'gone', code: 'INVITATION.REVOKED' });
  });

  it('admins invite any role; account managers client viewers and placed executives only', () => {
    for (const role of ['admin', 'account_manager', 'executive', 'client_viewer'] as const)
      expect(mayInviteRole('admin', role)).toBe(true);
    expect(mayInviteRole('account_manager', 'client_viewer')).toBe(true);
    expect(mayInviteRole('account_manager', 'executive')).toBe(true);
    expect(mayInviteRole('account_manager', 'account_manager')).toBe(false);
    expect(mayInviteRole('account_manager', 'admin')).toBe(false);
    expect(mayInviteRole('executive', 'client_viewer')).toBe(false);
    expect(mayInviteRole('client_viewer', 'client_viewer')).toBe(false);
  });
});

describe('invitationEmail', () => {
  const email = invitationEmail({
    name: 'Dana <Client>',
    inviter: 'Ada Admin',
    organizationName: 'Northbridge',
    role: 'client_viewer',
    publicUrl: 'https://app.example.com/',
    token: 'abc+/def',
    validDays: 7,
  });

  it('links to the accept page with the token, escaped, and says who invited whom to what', () => {
    expect(email.subject).toBe('Ada Admin invited you to Northbridge on Throughline');
    expect(email.text).toContain('https://app.example.com/invitations/accept?token=abc%2B%2Fdef');
    expect(email.text).toContain('as a client viewer. Accept within 7 days');
    expect(email.html).toContain('href="https://app.example.com/invitations/accept?token&#x3D;abc%2B%2Fdef"');
    expect(email.html).toContain('Hello Dana &lt;Client&gt;,');
  });

  it('says nothing about whether the address has an account elsewhere', () => {
    expect(email.text).not.toMatch(/already|account with/i);
  });
});
