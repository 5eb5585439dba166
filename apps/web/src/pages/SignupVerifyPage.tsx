import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, tokens, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { FormError, useForm } from '../components/forms';
import { useTitle } from '../lib/use-title';

/**
 * `/signup/verify?token=…`, where the sign-up email links: confirming creates the organization and its first admin
 * and signs them in. A button rather than a post on load, so a mail scanner opening the link creates nothing.
 */
export default function SignupVerifyPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  useTitle('Create your organization');
  const { reloadMe } = useSession();
  const navigate = useNavigate();
  const form = useForm(
    async () => {
      tokens.set(await unwrap(api.POST('/api/v1/auth/signup/verify', { body: { token: token ?? '' } })));
      await reloadMe();
    },
    { onDone: () => navigate('/portfolio', { replace: true }) },
  );
  return (
    <main id="main" className="login">
      <h1>Throughline</h1>
      {token ? (
        <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Create your organization">
          <h2>Confirm your email</h2>
          <p>Your address is confirmed by this link. Create your organization and sign in as its first admin.</p>
          <FormError message={form.formError} />
          <button type="submit" className="primary" disabled={form.busy}>
            Create my organization
          </button>
        </form>
      ) : (
        <p role="alert">
          This sign-up link is incomplete. Open the link from your email again, or sign up again to get a new one.
        </p>
      )}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </main>
  );
}
