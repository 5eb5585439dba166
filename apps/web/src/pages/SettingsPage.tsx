import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useMe, useSession } from '../auth/session';
import { FormError, SelectField, useForm } from '../components/forms';
import { ErrorState, Loading } from '../components/states';
import { useLoad } from '../lib/use-load';

/**
 * Own timezone (PATCH /me) and alert notification preferences. Digest preferences (`/me/digest-preferences`)
 * belong to the weekly-digest issue, built in parallel, and are not in the API these types were generated
 * from; add a section here once that route is merged and `npm run web:api-types` has picked it up.
 */
export default function SettingsPage() {
  const me = useMe();
  return (
    <section>
      <h1>Settings</h1>
      <TimezoneSettings />
      {me.role !== 'client_viewer' ? <NotificationPreferences /> : null}
    </section>
  );
}

const TIMEZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function TimezoneSettings() {
  const me = useMe();
  const { reloadMe } = useSession();
  const [timezone, setTimezone] = useState(me.timezone ?? '');
  const [saved, setSaved] = useState(false);
  const form = useForm(() => unwrap(api.PATCH('/api/v1/me', { body: { timezone: timezone || null } })), {
    onDone: () => {
      setSaved(true);
      void reloadMe();
    },
  });
  const options = me.timezone && !TIMEZONES.includes(me.timezone) ? [me.timezone, ...TIMEZONES] : TIMEZONES;
  return (
    <div className="card">
      <h2>Timezone</h2>
      <p>
        Times (check-ins, alerts) are shown in your timezone. Health and due dates are counted in the organization's timezone,{' '}
        <strong>{me.organizationTimezone}</strong>.
      </p>
      <form onSubmit={(e) => { setSaved(false); void form.onSubmit(e); }} noValidate aria-label="Timezone">
        <FormError message={form.formError} />
        <SelectField label="Your timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)} error={form.errors.timezone}>
          <option value="">Same as the organization ({me.organizationTimezone})</option>
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary" disabled={form.busy}>
          Save timezone
        </button>
        {saved ? (
          <span role="status" className="text-green">
            {' '}
            Saved.
          </span>
        ) : null}
      </form>
    </div>
  );
}

function NotificationPreferences() {
  const prefs = useLoad(() => unwrap(api.GET('/api/v1/me/notification-preferences')), []);
  const [emailEnabled, setEmailEnabled] = useState(true);
  const [minSeverity, setMinSeverity] = useState<'info' | 'warning' | 'critical'>('info');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (prefs.data) {
      setEmailEnabled(prefs.data.emailEnabled);
      setMinSeverity(prefs.data.minSeverity);
    }
  }, [prefs.data]);
  const form = useForm(() => unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { emailEnabled, minSeverity } })), { onDone: () => setSaved(true) });
  return (
    <div className="card">
      <h2>Alert notifications</h2>
      {prefs.state === 'loading' ? <Loading what="your preferences" /> : null}
      {prefs.state === 'error' ? <ErrorState error={prefs.error} retry={prefs.reload} /> : null}
      {prefs.data ? (
        <form onSubmit={(e) => { setSaved(false); void form.onSubmit(e); }} noValidate aria-label="Alert notifications">
          <FormError message={form.formError} />
          <div className="field checkbox">
            <input id="email-enabled" type="checkbox" checked={emailEnabled} onChange={(e) => setEmailEnabled(e.target.checked)} />
            <label htmlFor="email-enabled">Email me about drift alerts</label>
          </div>
          <SelectField label="Only alerts at least this severe" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as typeof minSeverity)} error={form.errors.minSeverity}>
            <option value="info">Info and above</option>
            <option value="warning">Warning and above</option>
            <option value="critical">Critical only</option>
          </SelectField>
          <button type="submit" className="primary" disabled={form.busy}>
            Save
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
