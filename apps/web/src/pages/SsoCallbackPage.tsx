import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, tokens, unwrap, type ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { useTitle } from '../lib/use-title';

/**
 * `/sso/callback`, where the organization's identity provider sends the browser back: the query goes to the API,
 * which checks state, nonce and PKCE and answers a session, or a clear reason and no session.
 */
export default function SsoCallbackPage() {
  useTitle('Signing in');
  const location = useLocation();
  const navigate = useNavigate();
  const { reloadMe } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    // Once: a second post of the same state would be refused (it is used up by the first).
    if (sent.current) return;
    sent.current = true;
    (async () => {
      try {
        tokens.set(
          await unwrap(api.POST('/api/v1/auth/sso/callback', { body: { callbackQuery: location.search || '?' } })),
        );
        await reloadMe();
        navigate('/portfolio', { replace: true });
      } catch (caught) {
        tokens.clear();
        setFailure((caught as ApiError).message);
      }
    })();
  }, [location.search, navigate, reloadMe]);
  return (
    <main id="main" className="login">
      <h1>Throughline</h1>
      {failure ? (
        <>
          <h2>Single sign-on did not work</h2>
          <p role="alert">{failure}. You are not signed in.</p>
          <p>
            <Link to="/login">Back to log in</Link>
          </p>
        </>
      ) : (
        <p role="status">Signing you in…</p>
      )}
    </main>
  );
}
