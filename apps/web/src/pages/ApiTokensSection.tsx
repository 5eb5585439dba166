import { DateTime } from 'luxon';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useMe } from '../auth/session';
import { FormError, SelectField, TextField, useForm, type FieldErrors } from '../components/forms';
import { ErrorState, Loading } from '../components/states';
import { formatInstant } from '../lib/format';
import { useLoad } from '../lib/use-load';

const LIFETIMES = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 180, label: '180 days' },
  { days: 365, label: 'One year' },
] as const;

/**
 * Personal API tokens (`/me/api-tokens`): create one (read or write, with an expiry), see it once, list them with
 * their last use, revoke one. A token acts as you, with your role's access; read tokens may only read.
 */
export function ApiTokensSection() {
  const me = useMe();
  const tokens = useLoad(() => unwrap(api.GET('/api/v1/me/api-tokens')), []);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [days, setDays] = useState('90');
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const form = useForm(
    () =>
      unwrap(
        api.POST('/api/v1/me/api-tokens', {
          body: {
            name: name.trim(),
            scope,
            expiresAt: DateTime.now()
              .plus({ days: Number(days) })
              .toUTC()
              .toISO()!,
          },
        }),
      ),
    {
      validate: (): FieldErrors => (name.trim() ? {} : { name: 'Say what the token is for.' }),
      reset: () => setName(''),
      onDone: (created) => {
        setShown({ name: created.name, token: created.token });
        tokens.reload();
      },
    },
  );
  async function revoke(id: string) {
    setRevokeError(null);
    try {
      await unwrap(api.DELETE('/api/v1/me/api-tokens/{id}', { params: { path: { id } } }));
      tokens.reload();
    } catch (error) {
      setRevokeError((error as Error).message);
    }
  }
  return (
    <div className="card">
      <h2>API tokens</h2>
      <p>
        A personal API token lets a script or another tool use the API as you, with exactly what your role may see and
        do. Send it as <code>Authorization: Bearer &lt;token&gt;</code>. A read token may only read.
      </p>
      {shown ? (
        <div role="status" className="card">
          <p>
            Your new token <strong>{shown.name}</strong>. Copy it now: it is not shown again.
          </p>
          <input aria-label="New API token" readOnly value={shown.token} onFocus={(e) => e.target.select()} size={60} />
        </div>
      ) : null}
      <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Create an API token">
        <FormError message={form.formError} />
        <TextField
          label="What it is for"
          value={name}
          maxLength={100}
          onChange={(e) => {
            setName(e.target.value);
            form.edited('name');
          }}
          error={form.errors.name}
        />
        <SelectField
          label="Scope"
          value={scope}
          onChange={(e) => setScope(e.target.value as 'read' | 'write')}
          error={form.errors.scope}
        >
          <option value="read">Read only</option>
          <option value="write">Read and write (everything your role may do)</option>
        </SelectField>
        <SelectField
          label="Expires after"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={form.errors.expiresAt}
        >
          {LIFETIMES.map((l) => (
            <option key={l.days} value={String(l.days)}>
              {l.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary" disabled={form.busy}>
          Create token
        </button>
      </form>
      {tokens.state === 'loading' ? <Loading what="your API tokens" /> : null}
      {tokens.state === 'error' ? <ErrorState error={tokens.error} retry={tokens.reload} /> : null}
      {revokeError ? <FormError message={revokeError} /> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <table aria-label="Your API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.scope === 'read' ? 'Read only' : 'Read and write'}</td>
                <td>{formatInstant(t.createdAt, me.timezone)}</td>
                <td>{formatInstant(t.expiresAt, me.timezone)}</td>
                <td>{t.lastUsedAt ? formatInstant(t.lastUsedAt, me.timezone) : 'Never'}</td>
                <td>
                  {t.revokedAt ? (
                    `Revoked ${formatInstant(t.revokedAt, me.timezone)}`
                  ) : (
                    <button type="button" onClick={() => void revoke(t.id)} aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : tokens.data ? (
        <p>You have no API tokens.</p>
      ) : null}
    </div>
  );
}
