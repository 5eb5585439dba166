import Handlebars from 'handlebars';
import type { PasswordResetEmail } from '../password-reset-email';
import type { Role } from '@app/domain';

export type InvitationEmail = PasswordResetEmail;

const ROLE_NAMES: Record<Role, string> = {
  admin: 'an admin',
  account_manager: 'an account manager',
  executive: 'a placed executive',
  client_viewer: 'a client viewer',
};

const HTML = Handlebars.compile(
  `<p>Hello{{#if name}} {{name}}{{/if}},</p><p>{{inviter}} invited you to join <strong>{{organizationName}}</strong> on Throughline as
{{roleName}}. Accept within {{days}} days and choose your password:</p><p><a href="{{link}}">Accept the invitation</a></p><p>The link works
once. If you did not expect it, ignore this email: nothing is created.</p>`,
);

/**
 * The invitation email (pure). Sent alike whether or not the address already has an account elsewhere, so the
 * inviter learns nothing about other organizations; the page the link opens tells the invitee what applies.
 */
export function invitationEmail(input: {
  name: string | null;
  inviter: string;
  organizationName: string;
  role: Role;
  publicUrl: string;
  token: string;
  validDays: number;
}): InvitationEmail {
  const link = `${input.publicUrl.replace(/\/+$/, '')}/invitations/accept?token=${encodeURIComponent(input.token)}`;
  const roleName = ROLE_NAMES[input.role];
  const hello = input.name ? `Hello ${input.name},` : 'Hello,';
  return {
    subject: `${input.inviter} invited you to ${input.organizationName} on Throughline`,
    text: `${hello}\n\n${input.inviter} invited you to join ${input.organizationName} on Throughline as ${roleName}. Accept within ${input.validDays} days and choose your password:\n\n${link}\n\nThe link works once. If you did not expect it, ignore this email: nothing is created.\n`,
    html: HTML({ ...input, roleName, link, days: input.validDays }),
    headers: {},
  };
}
