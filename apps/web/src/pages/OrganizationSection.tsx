import { useEffect, useState } from 'react';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { FormError, SelectField, TextField, useForm } from '../components/forms';
import { ErrorState, Loading } from '../components/states';
import { plural } from '../lib/format';
import { useLoad } from '../lib/use-load';

type Settings = Schemas['OrganizationSettingsView'];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The admin's screen for what only the API offered before (issue 14): the organization's settings (focus cap,
 * health thresholds, alerts to people without an account, the default digest schedule), and this week's digest —
 * previewed as it would be emailed, and sent now.
 */
export function OrganizationSection() {
  const settings = useLoad(() => unwrap(api.GET('/api/v1/organization/settings')), []);
  return (
    <div className="manage-grid">
      {settings.state === 'loading' ? <Loading what="the organization's settings" /> : null}
      {settings.state === 'error' ? <ErrorState error={settings.error} retry={settings.reload} /> : null}
      {settings.data ? <SettingsForm settings={settings.data} onSaved={settings.reload} /> : null}
      <DigestTools />
    </div>
  );
}

/** Numbers are edited as text and sent as numbers; the API's limits come back as sentences beside the field. */
function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const [values, setValues] = useState(() => toText(settings));
  useEffect(() => setValues(toText(settings)), [settings]);
  const set = (key: keyof ReturnType<typeof toText>) => (value: string) => {
    form.edited(key);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const form = useForm(
    () =>
      unwrap(
        api.PATCH('/api/v1/organization/settings', {
          body: {
            name: values.name.trim(),
            timezone: values.timezone.trim(),
            focusCap: Number(values.focusCap),
            healthAtRiskBelow: Number(values.healthAtRiskBelow),
            healthOffTrackBelow: Number(values.healthOffTrackBelow),
            overdueAtRiskDays: Number(values.overdueAtRiskDays),
            termNoticeWarningDays: Number(values.termNoticeWarningDays),
            notifyPeopleWithoutAccount: values.notifyPeopleWithoutAccount === 'yes',
            digestsEnabled: values.digestsEnabled === 'yes',
            digestWeekday: Number(values.digestWeekday),
            digestHour: Number(values.digestHour),
            digestSkipWhenEmpty: values.digestSkipWhenEmpty === 'yes',
          },
        }),
      ),
    {
      validate: () => {
        const errors: Record<string, string> = {};
        for (const key of NUMBERS)
          if (values[key].trim() === '' || Number.isNaN(Number(values[key])))
            errors[key] = `${LABELS[key]} must be a number.`;
        if (!errors.termNoticeWarningDays) {
          const days = Number(values.termNoticeWarningDays);
          if (!Number.isInteger(days) || days < 0 || days > 365)
            errors.termNoticeWarningDays = 'Give the notice deadline warning as whole days, from 0 to 365.';
        }
        if (!values.name.trim()) errors.name = 'Give the organization a name.';
        return errors;
      },
      onDone: onSaved,
    },
  );
  const number = (key: (typeof NUMBERS)[number], hint: string, step = '1') => (
    <TextField
      label={LABELS[key]}
      type="number"
      inputMode="decimal"
      step={step}
      value={values[key]}
      onChange={(e) => set(key)(e.target.value)}
      error={form.errors[key]}
      hint={hint}
    />
  );
  const yesNo = (key: 'notifyPeopleWithoutAccount' | 'digestsEnabled' | 'digestSkipWhenEmpty', hint: string) => (
    <SelectField
      label={LABELS[key]}
      value={values[key]}
      onChange={(e) => set(key)(e.target.value)}
      error={form.errors[key]}
      hint={hint}
    >
      <option value="yes">Yes</option>
      <option value="no">No</option>
    </SelectField>
  );
  return (
    <form className="card" onSubmit={form.onSubmit} noValidate aria-label="Organization settings">
      <h2>Organization settings</h2>
      <FormError message={form.formError} />
      {form.done ? (
        <p role="status" className="text-green">
          Settings saved.
        </p>
      ) : null}
      <TextField
        label={LABELS.name}
        value={values.name}
        onChange={(e) => set('name')(e.target.value)}
        error={form.errors.name}
      />
      <TextField
        label={LABELS.timezone}
        value={values.timezone}
        onChange={(e) => set('timezone')(e.target.value)}
        error={form.errors.timezone}
        hint="An IANA name such as Europe/London: the organization's days and the digests' default."
      />
      <h3>Focus and health</h3>
      {number('focusCap', 'The most active priorities an engagement may have at once.')}
      {number(
        'healthAtRiskBelow',
        'A priority is at risk once its progress is more than this share behind what is expected by today (0.1 = 10 points).',
        '0.01',
      )}
      {number(
        'healthOffTrackBelow',
        'Off track once progress is more than this share behind (0.25 = 25 points).',
        '0.01',
      )}
      {number('overdueAtRiskDays', 'An open milestone overdue by more than this many days makes its priority at risk.')}
      {number(
        'termNoticeWarningDays',
        'Alert (“term ending”) once an engagement’s notice deadline is this many days away or less; 0 to 365.',
      )}
      <h3>Alerts</h3>
      {yesNo(
        'notifyPeopleWithoutAccount',
        'Email owners and executives without an account about what is theirs to act on.',
      )}
      <h3>Weekly digest (for people who have not chosen their own)</h3>
      {yesNo('digestsEnabled', 'Send weekly digests unless a person opts out.')}
      <SelectField
        label={LABELS.digestWeekday}
        value={values.digestWeekday}
        onChange={(e) => set('digestWeekday')(e.target.value)}
        error={form.errors.digestWeekday}
      >
        {WEEKDAYS.map((day, i) => (
          <option key={day} value={String(i + 1)}>
            {day}
          </option>
        ))}
      </SelectField>
      {number('digestHour', 'The hour, 0 to 23, in each recipient’s own timezone.')}
      {yesNo('digestSkipWhenEmpty', 'Skip a digest that has nothing to report.')}
      <button type="submit" className="primary" disabled={form.busy}>
        Save settings
      </button>
    </form>
  );
}

const NUMBERS = [
  'focusCap',
  'healthAtRiskBelow',
  'healthOffTrackBelow',
  'overdueAtRiskDays',
  'termNoticeWarningDays',
  'digestHour',
] as const;

const LABELS = {
  name: 'Organization name',
  timezone: 'Timezone',
  focusCap: 'Focus cap',
  healthAtRiskBelow: 'At risk when behind by',
  healthOffTrackBelow: 'Off track when behind by',
  overdueAtRiskDays: 'Overdue milestone days before at risk',
  termNoticeWarningDays: 'Notice deadline warning (days)',
  notifyPeopleWithoutAccount: 'Alert people without an account',
  digestsEnabled: 'Weekly digests on by default',
  digestWeekday: 'Digest day',
  digestHour: 'Digest hour',
  digestSkipWhenEmpty: 'Skip empty digests',
} as const;

function toText(s: Settings) {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return {
    name: s.name,
    timezone: s.timezone,
    focusCap: String(s.focusCap),
    healthAtRiskBelow: String(s.healthAtRiskBelow),
    healthOffTrackBelow: String(s.healthOffTrackBelow),
    overdueAtRiskDays: String(s.overdueAtRiskDays),
    termNoticeWarningDays: String(s.termNoticeWarningDays),
    notifyPeopleWithoutAccount: yes(s.notifyPeopleWithoutAccount),
    digestsEnabled: yes(s.digestsEnabled),
    digestWeekday: String(s.digestWeekday),
    digestHour: String(s.digestHour),
    digestSkipWhenEmpty: yes(s.digestSkipWhenEmpty),
  };
}

/** This week's digest as the admin's own email would read, and "send now" for everyone subscribed. */
function DigestTools() {
  const [preview, setPreview] = useState<Schemas['DigestPreviewView'] | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(call: () => Promise<void>) {
    setError(null);
    setSent(null);
    setBusy(true);
    try {
      await call();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="digest-tools-title">
      <h2 id="digest-tools-title">This week’s digest</h2>
      <p className="muted">See your own digest exactly as it would be emailed, or send this week’s to everyone now.</p>
      <FormError message={error} />
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              setPreview(
                (await unwrap(
                  api.GET('/api/v1/digests/preview', { params: { query: {} } }),
                )) as Schemas['DigestPreviewView'],
              ),
            )
          }
        >
          Preview my digest
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const result = await unwrap(api.POST('/api/v1/digests/send-now', { body: { force: false } }));
              setSent(
                result.queued === 0
                  ? 'Nobody is waiting for this week’s digest: everyone subscribed already has it.'
                  : `${plural(result.queued, 'digest', 'digests')} queued for this week.`,
              );
            })
          }
        >
          Send this week’s digest now
        </button>
      </div>
      {sent ? (
        <p role="status" className="text-green">
          {sent}
        </p>
      ) : null}
      {preview ? (
        <figure className="digest-preview" aria-label="Digest preview">
          <figcaption>
            <strong>{preview.subject}</strong>
            {preview.wouldSkip ? <span className="muted"> · nothing to report: it would be skipped</span> : null}
          </figcaption>
          <pre>{preview.text}</pre>
        </figure>
      ) : null}
    </section>
  );
}
