import Handlebars from 'handlebars';

export interface PasswordResetEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const HTML = Handlebars.compile(
  `<p>Hello {{name}},</p><p>Someone asked to reset the password of your Throughline account. If it was you, choose a new password here
within {{minutes}} minutes:</p><p><a href="{{link}}">Reset my password</a></p><p>The link works once. If you did not ask for it, ignore this
email: your password stays as it is.</p>`,
);

/** The reset email (pure): the link carries the token in its query string; the page posts it to /auth/password-reset/confirm. */
export function passwordResetEmail(input: {
  name: string;
  publicUrl: string;
  token: string;
  validMinutes: number;
}): PasswordResetEmail {
  const link = `${input.publicUrl.replace(/\/+$/, '')}/reset-password?token=${encodeURIComponent(input.token)}`;
  return {
    subject: 'Reset your Throughline password',
    text: `Hello ${input.name},\n\nSomeone asked to reset the password of your Throughline account. If it was you, choose a new password here within ${input.validMinutes} minutes:\n\n${link}\n\nThe link works once. If you did not ask for it, ignore this email: your password stays as it is.\n`,
    html: HTML({ name: input.name, link, minutes: input.validMinutes }),
    headers: {},
  };
}
