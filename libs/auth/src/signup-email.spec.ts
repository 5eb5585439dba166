import { signupExistingAccountEmail, signupVerificationEmail } from './signup-email';

describe('sign-up emails', () => {
  it('the verification link carries the token, URL-encoded, under PUBLIC_URL (a trailing slash or not)', () => {
    const email = signupVerificationEmail({
      name: 'Nora',
      organizationName: 'NewCo <b>',
      publicUrl: 'https://app.example.com/',
      token: 'a+b/c',
      validHours: 24,
    });
    expect(email.text).toContain('https://app.example.com/signup/verify?token=a%2Bb%2Fc');
    expect(email.text).toContain('within 24 hours');
    expect(email.html).toContain('href="https://app.example.com/signup/verify?token&#x3D;a%2Bb%2Fc"'); // = as an entity
    // The organization name is the requester's input: escaped in the HTML.
    expect(email.html).toContain('NewCo &lt;b&gt;');
  });

  it('the "already have an account" email has no link that creates anything: sign in or reset', () => {
    const email = signupExistingAccountEmail({ name: 'Max', publicUrl: 'https://app.example.com' });
    expect(email.subject).toBe('You already have a Throughline account');
    expect(email.text).toContain('https://app.example.com/login');
    expect(email.text).toContain('https://app.example.com/reset-password');
    expect(email.text).not.toMatch(/token=/);
  });
});
