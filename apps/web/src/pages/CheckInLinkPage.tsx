import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { FormError, SelectField, TextArea, TextField, useForm, type FieldErrors } from '../components/forms';
import { Loading } from '../components/states';
import { formatDate } from '../lib/format';
import { useTitle } from '../lib/use-title';

/** What the page says for a link that cannot be followed (the API's 403/410 codes), in plain words. */
const LINK_PROBLEMS: Record<string, { title: string; text: string }> = {
  'CHECK_IN_LINK.INVALID_TOKEN': {
    title: 'This check-in link is not valid',
    text: 'It may be incomplete or mistyped. Open the link in your latest reminder email again, or log in to post your check-in.',
  },
  'CHECK_IN_LINK.USED': {
    title: 'This check-in link was already used',
    text: 'Your check-in is recorded; each reminder link works once. To add another, log in and post it from the engagement.',
  },
  'CHECK_IN_LINK.EXPIRED': {
    title: 'This check-in link has expired',
    text: 'Reminder links work for 7 days. Log in to post your check-in from the engagement.',
  },
  'CHECK_IN_LINK.CLOSED': {
    title: 'This priority no longer takes check-ins',
    text: 'The priority or its engagement was closed since the reminder was sent, so there is nothing to check in on.',
  },
};

const RAG_NAMES: Record<string, string> = {
  on_track: 'On track (green)',
  at_risk: 'At risk (amber)',
  off_track: 'Off track (red)',
};

function problemOf(error: ApiError): { title: string; text: string } {
  if (error.statusCode === 400) return LINK_PROBLEMS['CHECK_IN_LINK.INVALID_TOKEN']!;
  const known = LINK_PROBLEMS[error.code ?? ''];
  if (known) return known;
  if (error.statusCode === 429) return { title: 'Too many attempts', text: error.message };
  return { title: 'The check-in form could not be opened', text: `${error.message} Try the link again in a minute.` };
}

/**
 * `/check-in?token=…`, where check-in reminder emails link: no login. Shows the priority and the person the check-in
 * is recorded as, then a short form (RAG, confidence, note, blockers with the client-action flag). Nothing is
 * written on load (a mail scanner opening the link does nothing); the link works once.
 */
export default function CheckInLinkPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  useTitle('Weekly check-in');
  const [link, setLink] = useState<Schemas['CheckInLinkView'] | ApiError | undefined>(undefined);
  const [recorded, setRecorded] = useState<Schemas['CheckInView'] | null>(null);
  useEffect(() => {
    if (!token) return;
    unwrap(api.POST('/api/v1/check-in-links/inspect', { body: { token } })).then(setLink, (error: ApiError) =>
      setLink(error),
    );
  }, [token]);
  let content: React.ReactNode;
  if (!token) content = <Problem problem={LINK_PROBLEMS['CHECK_IN_LINK.INVALID_TOKEN']!} />;
  else if (link === undefined) content = <Loading what="your check-in" />;
  else if ('statusCode' in link) content = <Problem problem={problemOf(link)} />;
  else if (recorded)
    content = (
      <section aria-label="Check-in recorded">
        <h2>Thank you, {link.recipientName}</h2>
        <p role="status">
          Your check-in on <strong>{link.priorityTitle}</strong> ({link.clientName}) is recorded:{' '}
          {RAG_NAMES[recorded.rag] ?? recorded.rag}, confidence {recorded.confidence}/10.
        </p>
        <p>You can close this page. This link now no longer works.</p>
      </section>
    );
  else content = <CheckInLinkForm token={token} link={link} onDone={setRecorded} />;
  return (
    <main id="main" className="login check-in-link">
      <h1>Throughline</h1>
      {content}
      <p>
        <Link to="/login">Log in</Link>
      </p>
    </main>
  );
}

function Problem({ problem }: { problem: { title: string; text: string } }) {
  return (
    <section role="alert" aria-label={problem.title}>
      <h2>{problem.title}</h2>
      <p>{problem.text}</p>
    </section>
  );
}

function CheckInLinkForm({
  token,
  link,
  onDone,
}: {
  token: string;
  link: Schemas['CheckInLinkView'];
  onDone: (created: Schemas['CheckInView']) => void;
}) {
  const [rag, setRag] = useState<Schemas['CreateCheckInDto']['rag']>('on_track');
  const [confidence, setConfidence] = useState('7');
  const [note, setNote] = useState('');
  const [blockers, setBlockers] = useState('');
  const [clientAction, setClientAction] = useState(false);
  const form = useForm(
    () =>
      unwrap(
        api.POST('/api/v1/check-in-links/check-in', {
          body: {
            token,
            rag,
            confidence: Number(confidence),
            note,
            blockers: blockers.trim() ? blockers : null,
            blockersNeedClientAction: blockers.trim() ? clientAction : false,
          },
        }),
      ),
    {
      validate: (): FieldErrors => {
        const errors: FieldErrors = {};
        if (!note.trim()) errors.note = 'Write a short progress note.';
        const n = Number(confidence);
        if (confidence.trim() === '' || !Number.isInteger(n) || n < 0 || n > 10)
          errors.confidence = 'Give your confidence as a whole number from 0 to 10.';
        return errors;
      },
      onDone,
    },
  );
  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Weekly check-in">
      <h2>{link.priorityTitle}</h2>
      <p>
        {link.clientName} · week {link.isoWeek}, due {formatDate(link.dueOn)}. Recorded as{' '}
        <strong>{link.recipientName}</strong>.
      </p>
      <FormError message={form.formError} />
      <SelectField
        label="Status (RAG)"
        value={rag}
        onChange={(e) => (setRag(e.target.value as typeof rag), form.edited('rag'))}
        error={form.errors.rag}
      >
        {link.rags.map((r) => (
          <option key={r} value={r}>
            {RAG_NAMES[r] ?? r}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Confidence (0–10)"
        type="number"
        inputMode="numeric"
        min={0}
        max={10}
        value={confidence}
        onChange={(e) => (setConfidence(e.target.value), form.edited('confidence'))}
        error={form.errors.confidence}
        hint="How confident you are that the priority lands on time."
      />
      <TextArea
        label="Progress note"
        value={note}
        onChange={(e) => (setNote(e.target.value), form.edited('note'))}
        error={form.errors.note}
      />
      <TextArea
        label="Blockers (optional)"
        value={blockers}
        onChange={(e) => (setBlockers(e.target.value), form.edited('blockers'))}
        error={form.errors.blockers}
      />
      <div className="field checkbox">
        <input
          id="blockers-client-action"
          type="checkbox"
          checked={clientAction}
          disabled={!blockers.trim()}
          onChange={(e) => setClientAction(e.target.checked)}
        />
        <label htmlFor="blockers-client-action">The blockers need the client’s action</label>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        Send check-in
      </button>
    </form>
  );
}
