import Handlebars from 'handlebars';
import type { PasswordResetEmail } from './password-reset-email';

export type SignupEmail = PasswordResetEmail;

const VERIFY_HTML = Handlebars.compile(
  `<p>Hello {{name}},</p><p>Someone asked to create the Throughline organization <strong>{{organizationName}}</strong> with this
address. If it was you, confirm it within {{hours}} hours:</p><p><a href="{{link}}">Confirm and create my organization</a></p><p>The link
works once. If you did not ask for it, ignore this email: nothing is created.</p>`,
);

const EXISTING_HTML = Handlebars.compile(
  `<p>Hello {{name}},</p><p>Someone asked to create a new Throughline organization with this address, but you already have an
account with it. <a href="{{signIn}}">Sign in</a>, or if you forgot your password, <a href="{{reset}}">reset it</a>.</p><p>If it was not you,
ignore this email: nothing was changed.</p>`,
);

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** The verification email (pure): the link carries the token; the page posts it to /auth/signup/verify. */
export function signupVerificationEmail(input: {
  name: string;
  organizationName: string;
  publicUrl: string;
  token: string;
  validHours: number;
}): SignupEmail {
  const link = `${base(input.publicUrl)}/signup/verify?token=${encodeURIComponent(input.token)}`;
  return {
    subject: 'Confirm your email to create your Throughline organization',
    text: `Hello ${input.name},\n\nSomeone asked to create the Throughline organization "${input.organizationName}" with this address. If it was you, confirm it within ${input.validHours} hours:\n\n${link}\n\nThe link works once. If you did not ask for it, ignore this email: nothing is created.\n`,
    html: VERIFY_HTML({ name: input.name, organizationName: input.organizationName, link, hours: input.validHours }),
    headers: {},
  };
}

/** Sent instead of a verification link when the address already has an account: the sign-up answer is the same. */
export function signupExistingAccountEmail(input: { name: string; publicUrl: string }): SignupEmail {
  const signIn = `${base(input.publicUrl)}/login`;
  const reset = `${base(input.publicUrl)}/reset-password`;
  return {
    subject: 'You already have a Throughline account',
    text: `Hello ${input.name},\n\nSomeone asked to create a new Throughline organization with this address, but you already have an account with it. Sign in:\n\n${signIn}\n\nor, if you forgot your password, reset it:\n\n${reset}\n\nIf it was not you, ignore this email: nothing was changed.\n`,
    html: EXISTING_HTML({ name: input.name, signIn, reset }),
    headers: {},
  };
}
