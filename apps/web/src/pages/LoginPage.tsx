import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap, type ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { FormError, TextField } from '../components/forms';
import { useTitle } from '../lib/use-title';

/** Kept free of charts and date libraries: it is the first thing anyone downloads. */
export function LoginPage() {
  const { me, notice, login } = useSession();
  useTitle('Log in');
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Single sign-on: offered once the email's domain is known to sign in with its organization's identity provider.
  const [sso, setSso] = useState<{ email: string; label: string } | null>(null);
  const [ssoBusy, setSsoBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from} replace />;

  async function discoverSso() {
    const address = email.trim();
    if (!/^\S+@\S+\.\S+$/.test(address) || sso?.email === address) return;
    try {
      const found = await unwrap(api.GET('/api/v1/auth/sso/discover', { params: { query: { email: address } } }));
      setSso(found.available && found.label ? { email: address, label: found.label } : null);
    } catch {
      setSso(null); // password login still works
    }
  }

  async function startSso() {
    if (!sso) return;
    setSsoBusy(true);
    setFormError(null);
    try {
      const { authorizationUrl } = await unwrap(api.POST('/api/v1/auth/sso/start', { body: { email: sso.email } }));
      window.location.assign(authorizationUrl);
    } catch (caught) {
      setFormError((caught as ApiError).message);
      setSsoBusy(false);
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local: typeof errors = {};
    if (!email.trim()) local.email = 'Enter your email address.';
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) local.email = 'Enter an email address like name@company.com.';
    if (!password) local.password = 'Enter your password.';
    setErrors(local);
    setFormError(null);
    if (local.email || local.password) return;
    setBusy(true);
    try {
      await login(email.trim(), password);
      navigate(from, { replace: true });
    } catch (caught) {
      const error = caught as ApiError;
      setFormError(
        error.statusCode === 401 ? 'That email and password do not match an active account.' : error.message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <h1>Throughline</h1>
      <p className="muted">Strategy turning into execution.</p>
      {notice ? <p role="status">{notice}</p> : null}
      <form onSubmit={submit} noValidate aria-label="Log in">
        <FormError message={formError} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          onBlur={() => void discoverSso()}
          error={errors.email}
          autoFocus
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      {sso ? (
        <p>
          <button type="button" onClick={() => void startSso()} disabled={ssoBusy}>
            {sso.label}
          </button>
        </p>
      ) : null}
      <p>
        <Link to="/reset-password">Forgot your password?</Link>
      </p>
    </main>
  );
}
