import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { FormError, SelectField, TextField, useForm, type FieldErrors } from '../components/forms';
import { ErrorState, Loading } from '../components/states';
import { useLoad } from '../lib/use-load';

type Role = Schemas['SsoSettingsDto']['defaultRole'];
const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  account_manager: 'Account manager',
  executive: 'Placed executive',
  client_viewer: 'Client viewer (client executive)',
};

/** "acme.com, @partner.com\nother.org" → ['acme.com', 'partner.com', 'other.org'] (the API lower-cases them). */
export function domainsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim().replace(/^@/, ''))
    .filter(Boolean);
}

/**
 * The organization's OpenID Connect single sign-on (admin): the IdP's issuer, the client id and secret (the secret is
 * stored encrypted and never shown again: left empty, the stored one stays), the email domains that may sign in, the
 * role of a person signing in for the first time, and whether the login page offers "Sign in with …". The redirect
 * URI to register at the IdP is shown.
 */
export function SsoSettingsSection() {
  const settings = useLoad(() => unwrap(api.GET('/api/v1/organization/sso')), []);
  const [enabled, setEnabled] = useState(false);
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState('');
  const [defaultRole, setDefaultRole] = useState<Role>('executive');
  const [saved, setSaved] = useState(false);
  const view = settings.data;

  useEffect(() => {
    if (!view) return;
    setEnabled(view.configured ? view.enabled : true);
    setIssuer(view.issuer ?? '');
    setClientId(view.clientId ?? '');
    setDomains(view.allowedDomains.join(', '));
    setDefaultRole(view.defaultRole ?? 'executive');
  }, [view]);

  const form = useForm(
    () =>
      unwrap(
        api.PUT('/api/v1/organization/sso', {
          body: {
            enabled,
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            ...(clientSecret ? { clientSecret } : {}),
            allowedDomains: domainsOf(domains),
            defaultRole,
          },
        }),
      ),
    {
      validate: (): FieldErrors => {
        const errors: FieldErrors = {};
        if (!issuer.trim()) errors.issuer = 'Enter the issuer URL of your identity provider.';
        if (!clientId.trim()) errors.clientId = 'Enter the client id the identity provider gave you.';
        if (!clientSecret && !view?.hasClientSecret) errors.clientSecret = 'Enter the client secret (only this once).';
        if (!domainsOf(domains).length) errors.allowedDomains = 'Enter at least one email domain, like acme.com.';
        return errors;
      },
      reset: () => setClientSecret(''),
      onDone: () => {
        setSaved(true);
        settings.reload();
      },
    },
  );

  return (
    <div className="card">
      <h2>Single sign-on</h2>
      <p className="muted">
        People of the email domains below sign in with your identity provider (OpenID Connect) from the login page: the
        first time, they get an account with the default role. Disabled users stay out. Password login keeps working.
      </p>
      {settings.state === 'loading' && !view ? <Loading what="the single sign-on settings" /> : null}
      {settings.state === 'error' && !view ? <ErrorState error={settings.error} retry={settings.reload} /> : null}
      {view ? (
        <form
          onSubmit={(e) => {
            setSaved(false);
            void form.onSubmit(e);
          }}
          noValidate
          aria-label="Single sign-on"
        >
          <p>
            Register this redirect URI at your identity provider: <code className="break">{view.redirectUri}</code>
          </p>
          <p role="status">
            {view.configured
              ? view.enabled
                ? 'Single sign-on is on.'
                : 'Single sign-on is set up but off: the login page does not offer it.'
              : 'Single sign-on is not set up.'}
          </p>
          <FormError message={form.formError} />
          <div className="field checkbox">
            <input id="sso-enabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            <label htmlFor="sso-enabled">Offer &ldquo;Sign in with …&rdquo; on the login page</label>
          </div>
          <TextField
            label="Issuer URL"
            type="url"
            placeholder="https://login.acme.com"
            hint="Its discovery document is at <issuer>/.well-known/openid-configuration."
            value={issuer}
            onChange={(e) => {
              setIssuer(e.target.value);
              form.edited('issuer');
            }}
            error={form.errors.issuer}
          />
          <TextField
            label="Client id"
            autoComplete="off"
            value={clientId}
            onChange={(e) => {
              setClientId(e.target.value);
              form.edited('clientId');
            }}
            error={form.errors.clientId}
          />
          <TextField
            label="Client secret"
            type="password"
            autoComplete="new-password"
            hint={
              view.hasClientSecret
                ? 'A secret is stored (encrypted; never shown). Leave this empty to keep it.'
                : 'Stored encrypted and never shown again.'
            }
            value={clientSecret}
            onChange={(e) => {
              setClientSecret(e.target.value);
              form.edited('clientSecret');
            }}
            error={form.errors.clientSecret}
          />
          <TextField
            label="Allowed email domains"
            placeholder="acme.com, acme.co.uk"
            hint="Separated by commas or spaces; exactly these domains, not their subdomains."
            value={domains}
            onChange={(e) => {
              setDomains(e.target.value);
              form.edited('allowedDomains');
            }}
            error={form.errors.allowedDomains}
          />
          <SelectField
            label="Role of a person signing in for the first time"
            value={defaultRole}
            onChange={(e) => setDefaultRole(e.target.value as Role)}
            error={form.errors.defaultRole}
          >
            {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="primary" disabled={form.busy}>
            Save single sign-on
          </button>
          {saved ? (
            <span role="status" className="text-green">
              {' '}
              Saved.
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
