import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, tokens, unwrap, type ApiError, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { FormError, TextField, useForm, type FieldErrors } from '../components/forms';
import { Loading } from '../components/states';
import { useTitle } from '../lib/use-title';

/** What the page says for a link that cannot be followed (the API's 403/410 codes), in plain words. */
const LINK_PROBLEMS: Record<string, string> = {
  'INVITATION.INVALID_TOKEN':
    'This invitation link is not valid. It may be incomplete, or replaced by a newer invitation: open the newest email, or ask the person who invited you to send it again.',
  'INVITATION.EXPIRED':
    'This invitation has expired (links work for 7 days). Ask the person who invited you to resend it.',
  'INVITATION.USED': 'This invitation was already used. Log in with the password you chose.',
  'INVITATION.REVOKED': 'This invitation was withdrawn. Ask the person who invited you if you still need access.',
};

const ROLE_NAMES: Record<Schemas['InvitationLinkView']['role'], string> = {
  admin: 'an admin',
  account_manager: 'an account manager',
  executive: 'a placed executive',
  client_viewer: 'a client viewer',
};

/**
 * `/invitations/accept?token=…`, where invitation emails link: shows who invited whom, then the invitee chooses
 * a name and a password and is signed in. Nothing is created on load (a mail scanner opening the link does nothing).
 */
export default function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  useTitle('Accept your invitation');
  const [link, setLink] = useState<Schemas['InvitationLinkView'] | ApiError | undefined>(undefined);
  useEffect(() => {
    if (!token) return;
    unwrap(api.POST('/api/v1/invitations/inspect', { body: { token } })).then(setLink, (error: ApiError) =>
      setLink(error),
    );
  }, [token]);
  let content: React.ReactNode;
  if (!token || (link && 'statusCode' in link && link.statusCode === 400))
    content = <p role="alert">{LINK_PROBLEMS['INVITATION.INVALID_TOKEN']}</p>;
  else if (link === undefined) content = <Loading what="your invitation" />;
  else if ('statusCode' in link) content = <p role="alert">{LINK_PROBLEMS[link.code] ?? link.message}</p>;
  else if (link.existingAccount)
    content = (
      <p role="alert">
        <strong>{link.email}</strong> already has a Throughline account, so it cannot join {link.organizationName} too:
        one address belongs to one organization. <Link to="/login">Log in</Link> with it, or ask the person who invited
        you to use another address.
      </p>
    );
  else content = <AcceptForm token={token} link={link} />;
  return (
    <main id="main" className="login">
      <h1>Throughline</h1>
      {content}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </main>
  );
}

function AcceptForm({ token, link }: { token: string; link: Schemas['InvitationLinkView'] }) {
  const [name, setName] = useState(link.name ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { reloadMe } = useSession();
  const navigate = useNavigate();
  const form = useForm(
    async () => {
      const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      tokens.set(
        await unwrap(
          api.POST('/api/v1/invitations/accept', {
            body: { token, name: name.trim(), password, ...(timezone ? { timezone } : {}) },
          }),
        ),
      );
      await reloadMe();
    },
    {
      validate: (): FieldErrors => {
        if (!name.trim()) return { name: 'Enter your name.' };
        if (password.length < 12) return { password: 'Use at least 12 characters.' };
        if (repeat !== password) return { repeat: 'The two passwords differ.' };
        return {};
      },
      onDone: () => navigate('/portfolio', { replace: true }),
    },
  );
  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Accept your invitation">
      <h2>Join {link.organizationName}</h2>
      <p>
        You are invited as {ROLE_NAMES[link.role]} with <strong>{link.email}</strong>. Choose your password to sign in.
      </p>
      <FormError message={form.formError} />
      <TextField
        label="Your name"
        autoComplete="name"
        value={name}
        onChange={(e) => (setName(e.target.value), form.edited('name'))}
        error={form.errors.name}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters; a passphrase of a few words works well."
        value={password}
        onChange={(e) => (setPassword(e.target.value), form.edited('password'))}
        error={form.errors.password}
        autoFocus
      />
      <TextField
        label="Repeat it"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => (setRepeat(e.target.value), form.edited('repeat'))}
        error={form.errors.repeat}
      />
      <button type="submit" className="primary" disabled={form.busy}>
        Set my password and sign in
      </button>
    </form>
  );
}
