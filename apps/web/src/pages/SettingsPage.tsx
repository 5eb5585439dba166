import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useMe, useSession } from '../auth/session';
import { FormError, newPasswordErrors, SelectField, TextField, useForm, type FieldErrors } from '../components/forms';
import { useTitle } from '../lib/use-title';
import { ErrorState, Loading } from '../components/states';
import { formatInstant } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { ApiTokensSection } from './ApiTokensSection';

/**
 * Own timezone (PATCH /me), weekly digest preferences (every role), alert notification preferences, password and
 * personal API tokens.
 */
export default function SettingsPage() {
  const me = useMe();
  useTitle('Settings');
  return (
    <section>
      <h1>Settings</h1>
      <TimezoneSettings />
      <DigestPreferences />
      {me.role !== 'client_viewer' ? <NotificationPreferences /> : null}
      <CalendarFeed />
      <ChangePassword />
      <ApiTokensSection />
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
        Times (check-ins, alerts) are shown in your timezone. Health and due dates are counted in the organization's
        timezone, <strong>{me.organizationTimezone}</strong>.
      </p>
      <form
        onSubmit={(e) => {
          setSaved(false);
          void form.onSubmit(e);
        }}
        noValidate
        aria-label="Timezone"
      >
        <FormError message={form.formError} />
        <SelectField
          label="Your timezone"
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
          error={form.errors.timezone}
        >
          <option value="">Same as the organization ({me.organizationTimezone})</option>
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <SaveButton label="Save timezone" busy={form.busy} saved={saved} />
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
  const form = useForm(
    () => unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { emailEnabled, minSeverity } })),
    { onDone: () => setSaved(true) },
  );
  return (
    <div className="card">
      <h2>Alert notifications</h2>
      {prefs.state === 'loading' ? <Loading what="your preferences" /> : null}
      {prefs.state === 'error' ? <ErrorState error={prefs.error} retry={prefs.reload} /> : null}
      {prefs.data ? (
        <form
          onSubmit={(e) => {
            setSaved(false);
            void form.onSubmit(e);
          }}
          noValidate
          aria-label="Alert notifications"
        >
          <FormError message={form.formError} />
          <div className="field checkbox">
            <input
              id="email-enabled"
              type="checkbox"
              checked={emailEnabled}
              onChange={(e) => setEmailEnabled(e.target.checked)}
            />
            <label htmlFor="email-enabled">Email me about drift alerts</label>
          </div>
          <SelectField
            label="Only alerts at least this severe"
            value={minSeverity}
            onChange={(e) => setMinSeverity(e.target.value as typeof minSeverity)}
            error={form.errors.minSeverity}
          >
            <option value="info">Info and above</option>
            <option value="warning">Warning and above</option>
            <option value="critical">Critical only</option>
          </SelectField>
          <SaveButton label="Save" busy={form.busy} saved={saved} />
        </form>
      ) : null}
    </div>
  );
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Weekday = (typeof WEEKDAYS)[number];
const capitalized = (day: string) => day.charAt(0).toUpperCase() + day.slice(1);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** `/me/digest-preferences`: empty selects follow the organization's default, shown in the option's label. */
function DigestPreferences() {
  const me = useMe();
  const prefs = useLoad(() => unwrap(api.GET('/api/v1/me/digest-preferences')), []);
  const [optedOut, setOptedOut] = useState(false);
  const [weekday, setWeekday] = useState<Weekday | ''>('');
  const [hour, setHour] = useState('');
  const [skipWhenEmpty, setSkipWhenEmpty] = useState('');
  const [kind, setKind] = useState<'portfolio' | 'due_and_slipped'>('portfolio');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const view = prefs.data;
    if (!view) return;
    setOptedOut(view.optedOut);
    setWeekday(view.chosen.weekday ? view.weekday : '');
    setHour(view.chosen.hour ? String(view.hour) : '');
    setSkipWhenEmpty(view.chosen.skipWhenEmpty ? String(view.skipWhenEmpty) : '');
    if (view.kind !== 'your_engagement') setKind(view.kind);
  }, [prefs.data]);
  const form = useForm(
    () =>
      unwrap(
        api.PUT('/api/v1/me/digest-preferences', {
          body: {
            optedOut,
            weekday: weekday || null,
            hour: hour === '' ? null : Number(hour),
            skipWhenEmpty: skipWhenEmpty === '' ? null : skipWhenEmpty === 'true',
            // The timezone is set in its own section above; sent unchanged here.
            timezone: prefs.data?.ownTimezone ?? null,
            ...(me.role === 'admin' ? { kind } : {}),
          },
        }),
      ),
    {
      onDone: () => {
        setSaved(true);
        prefs.reload();
      },
    },
  );
  const view = prefs.data;
  return (
    <div className="card">
      <h2>Weekly digest</h2>
      {prefs.state === 'loading' ? <Loading what="your digest preferences" /> : null}
      {prefs.state === 'error' ? <ErrorState error={prefs.error} retry={prefs.reload} /> : null}
      {view ? (
        <form
          onSubmit={(e) => {
            setSaved(false);
            void form.onSubmit(e);
          }}
          noValidate
          aria-label="Weekly digest"
        >
          <p>
            {view.nextDigestAt
              ? `Your next digest is due ${formatInstant(view.nextDigestAt, view.timezone)} (${view.timezone.replaceAll('_', ' ')}).`
              : 'You get no weekly digest.'}
          </p>
          <FormError message={form.formError} />
          <div className="field checkbox">
            <input
              id="digest-opted-out"
              type="checkbox"
              checked={!optedOut}
              onChange={(e) => setOptedOut(!e.target.checked)}
            />
            <label htmlFor="digest-opted-out">Email me a weekly digest</label>
          </div>
          <SelectField
            label="Day"
            value={weekday}
            onChange={(e) => setWeekday(e.target.value as Weekday | '')}
            error={form.errors.weekday}
          >
            <option value="">Organization default{view.chosen.weekday ? '' : ` (${capitalized(view.weekday)})`}</option>
            {WEEKDAYS.map((day) => (
              <option key={day} value={day}>
                {capitalized(day)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Hour (your time)"
            value={hour}
            onChange={(e) => setHour(e.target.value)}
            error={form.errors.hour}
          >
            <option value="">Organization default{view.chosen.hour ? '' : ` (${hourLabel(view.hour)})`}</option>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>
                {hourLabel(h)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="When there is nothing to report"
            value={skipWhenEmpty}
            onChange={(e) => setSkipWhenEmpty(e.target.value)}
            error={form.errors.skipWhenEmpty}
          >
            <option value="">
              Organization default
              {view.chosen.skipWhenEmpty ? '' : view.skipWhenEmpty ? ' (skip it)' : ' (send it anyway)'}
            </option>
            <option value="true">Skip that week's digest</option>
            <option value="false">Send it anyway</option>
          </SelectField>
          {me.role === 'admin' ? (
            <SelectField
              label="Digest"
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
              error={form.errors.kind}
            >
              <option value="portfolio">Portfolio (every engagement, worst drift first)</option>
              <option value="due_and_slipped">What is due and what slipped</option>
            </SelectField>
          ) : null}
          <SaveButton label="Save digest preferences" busy={form.busy} saved={saved} />
        </form>
      ) : null}
    </div>
  );
}

/** `POST /me/password` ends every session of the user, this one included, so it goes back to the login page. */
function ChangePassword() {
  const { forget } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const form = useForm(() => unwrap(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })), {
    validate: (): FieldErrors =>
      currentPassword ? newPasswordErrors(newPassword, repeat) : { currentPassword: 'Enter the password you use now.' },
    onDone: () => forget('Your password is changed and every session has ended. Log in with the new password.'),
  });
  return (
    <div className="card">
      <h2>Password</h2>
      <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Change your password">
        <FormError message={form.formError} />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={form.errors.currentPassword}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters; a passphrase of a few words works well. Every session ends, this one too."
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={form.errors.newPassword}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={form.errors.repeat}
        />
        <button type="submit" className="primary" disabled={form.busy}>
          Change password
        </button>
      </form>
    </div>
  );
}

/** A private calendar URL of one's milestones and check-ins due: shown once; a new one revokes the previous. */
function CalendarFeed() {
  const [url, setUrl] = useState<string | null>(null);
  const form = useForm(() => unwrap(api.POST('/api/v1/me/calendar-feed')), {
    onDone: (created: { url: string }) => setUrl(created.url),
  });
  return (
    <div className="card">
      <h2>Calendar feed</h2>
      <p className="muted">
        Your milestones and weekly check-ins due, as all-day events in the calendar you use: subscribe to a private
        address. Anyone with the address can read it; a new address stops the previous one.
      </p>
      <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Calendar feed">
        <FormError message={form.formError} />
        <button type="submit" className="primary" disabled={form.busy}>
          {url ? 'Create another address' : 'Create a calendar address'}
        </button>
      </form>
      {url ? (
        <p role="status">
          Subscribe to <code className="break">{url}</code> (shown only now).
        </p>
      ) : null}
    </div>
  );
}

/** The form's submit button, and "Saved." announced to screen readers once the last submit went through. */
function SaveButton({ label, busy, saved }: { label: string; busy: boolean; saved: boolean }) {
  return (
    <>
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      {saved ? (
        <span role="status" className="text-green">
          {' '}
          Saved.
        </span>
      ) : null}
    </>
  );
}
