import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { FormError, newPasswordErrors, TextField, useForm, type FieldErrors } from '../components/forms';
import { useTitle } from '../lib/use-title';

/**
 * `/reset-password`: without a token, asks for the email to send a reset link to (the answer is the same
 * whether or not it belongs to an account); with the emailed `?token=`, sets the new password.
 */
export default function PasswordResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  useTitle(token ? 'Choose a new password' : 'Reset your password');
  return (
    <main id="main" className="login">
      <h1>Throughline</h1>
      {token ? <ChooseNewPassword token={token} /> : <RequestResetLink />}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </main>
  );
}

function RequestResetLink() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm(() => unwrap(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } })), {
    validate: (): FieldErrors =>
      /^\S+@\S+\.\S+$/.test(email.trim()) ? {} : { email: 'Enter an email address like name@company.com.' },
    onDone: () => setSent(true),
  });
  if (sent) {
    return (
      <p role="status">
        If <strong>{email.trim()}</strong> belongs to an account, an email with a link to choose a new password is on
        its way. The link works once and expires within the hour.
      </p>
    );
  }
  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Reset your password">
      <h2>Forgot your password?</h2>
      <FormError message={form.formError} />
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={form.errors.email}
        autoFocus
      />
      <button type="submit" className="primary" disabled={form.busy}>
        Email me a reset link
      </button>
    </form>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const form = useForm(
    () => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword: password } })),
    {
      validate: () => newPasswordErrors(password, repeat),
      onDone: () => setDone(true),
    },
  );
  if (done) {
    return (
      <p role="status">
        Your password is changed, and every other session of yours has been logged out. <Link to="/login">Log in</Link>{' '}
        with the new one.
      </p>
    );
  }
  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Choose a new password">
      <h2>Choose a new password</h2>
      <FormError message={form.formError} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters; a passphrase of a few words works well."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={form.errors.newPassword}
        autoFocus
      />
      <TextField
        label="Repeat it"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={form.errors.repeat}
      />
      <button type="submit" className="primary" disabled={form.busy}>
        Set the new password
      </button>
    </form>
  );
}
