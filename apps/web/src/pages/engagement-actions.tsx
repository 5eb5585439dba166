import { useState } from 'react';
import { api, idempotent, unwrap, type Schemas } from '../api/client';
import { useTimezone } from '../auth/session';
import { FormError, SelectField, TextArea, TextField, useForm, type FieldErrors } from '../components/forms';
import type { Milestone } from '../components/MilestoneTimeline';
import { Empty, ErrorState, Loading } from '../components/states';
import { unusualDueDate } from '../lib/date-sanity';
import { formatDate, formatInstant } from '../lib/format';
import { DateTime } from 'luxon';
import { useLoad } from '../lib/use-load';

type Priority = Schemas['SummaryPriorityView'];

/** Weekly check-in on a priority: RAG, confidence 0–10, note, blockers. */
export function CheckInForm({ priority, onDone }: { priority: Priority; onDone: () => void }) {
  const [rag, setRag] = useState<'on_track' | 'at_risk' | 'off_track'>('on_track');
  const [confidence, setConfidence] = useState('7');
  const [note, setNote] = useState('');
  const [blockers, setBlockers] = useState('');
  const [clientAction, setClientAction] = useState(false);
  const form = useForm(
    (key) =>
      unwrap(
        api.POST('/api/v1/priorities/{id}/check-ins', {
          params: { path: { id: priority.id }, ...idempotent(key) },
          body: {
            rag,
            confidence: Number(confidence),
            note,
            blockers: blockers.trim() ? blockers : null,
            blockersNeedClientAction: blockers.trim() ? clientAction : false,
          },
        }),
      ),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!note.trim()) errors.note = 'Write a short progress note.';
        if (confidence.trim() === '' || Number.isNaN(Number(confidence)))
          errors.confidence = 'Give your confidence as a number from 0 to 10.';
        return errors;
      },
      reset: () => (setRag('on_track'), setConfidence('7'), setNote(''), setBlockers(''), setClientAction(false)),
      onDone,
    },
  );
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-label={`Check-in on ${priority.title}`}>
      <FormError message={form.formError} />
      <SelectField
        label="Status (RAG)"
        value={rag}
        onChange={(e) => setRag(e.target.value as typeof rag)}
        error={form.errors.rag}
      >
        <option value="on_track">On track (green)</option>
        <option value="at_risk">At risk (amber)</option>
        <option value="off_track">Off track (red)</option>
      </SelectField>
      <TextField
        label="Confidence (0–10)"
        type="number"
        inputMode="numeric"
        value={confidence}
        onChange={(e) => setConfidence(e.target.value)}
        error={form.errors.confidence}
      />
      <TextArea label="Progress note" value={note} onChange={(e) => setNote(e.target.value)} error={form.errors.note} />
      <TextArea
        label="Blockers (optional)"
        value={blockers}
        onChange={(e) => setBlockers(e.target.value)}
        error={form.errors.blockers}
      />
      <div className="field checkbox">
        <input
          id={`client-action-${priority.id}`}
          type="checkbox"
          checked={clientAction}
          disabled={!blockers.trim()}
          onChange={(e) => setClientAction(e.target.checked)}
        />
        <label htmlFor={`client-action-${priority.id}`}>The blockers need the client’s action</label>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        Post check-in
      </button>
    </form>
  );
}

export function AddMilestoneForm({ priority, onDone }: { priority: Priority; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [weight, setWeight] = useState('1');
  // A date years in the past or after the priority's target is probably a typo: asked about, not refused.
  // The viewer's today: a day either way changes nothing for "years ago" or "after the target".
  const today = DateTime.now().toISODate()!;
  const unusual = unusualDueDate(dueDate, today, priority.targetDate);
  const [confirmed, setConfirmed] = useState(false);
  const form = useForm(
    (key) =>
      unwrap(
        api.POST('/api/v1/priorities/{id}/milestones', {
          params: { path: { id: priority.id }, ...idempotent(key) },
          body: { title, dueDate, weight: Number(weight), status: 'planned' },
        }),
      ),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!title.trim()) errors.title = 'Give the milestone a title.';
        if (!dueDate) errors.dueDate = 'Choose a due date.';
        else if (unusual && !confirmed) errors.dueDate = `${unusual} Tick “This date is right” to keep it.`;
        return errors;
      },
      reset: () => (setTitle(''), setDueDate(''), setWeight('1'), setConfirmed(false)),
      onDone,
    },
  );
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-label={`New milestone for ${priority.title}`}>
      <FormError message={form.formError} />
      <TextField
        label="Milestone title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={form.errors.title}
      />
      <TextField
        label="Due date"
        type="date"
        value={dueDate}
        onChange={(e) => (setDueDate(e.target.value), setConfirmed(false), form.edited('dueDate'))}
        error={form.errors.dueDate}
        hint={unusual ? `${unusual} Is it right?` : 'Becomes the baseline; later changes are re-plans.'}
      />
      {unusual ? (
        <label className="confirm-date">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => (setConfirmed(e.target.checked), form.edited('dueDate'))}
          />{' '}
          This date is right
        </label>
      ) : null}
      <TextField
        label="Weight"
        type="number"
        step="0.01"
        value={weight}
        onChange={(e) => setWeight(e.target.value)}
        error={form.errors.weight}
      />
      <button type="submit" className="primary" disabled={form.busy}>
        Create milestone
      </button>
    </form>
  );
}

type ReplanCategory = Schemas['ReplanMilestoneDto']['category'];
/** The re-plan causes as the form offers them; client and allocation are not the executive's own slips. */
export const REPLAN_CAUSES: Array<[ReplanCategory, string]> = [
  ['client', 'The client (decisions, people, legal, budget)'],
  ['allocation', 'The allocation (days bought)'],
  ['dependency', 'A dependency (vendor, partner, another team)'],
  ['scope', 'A change of scope'],
  ['executive', 'Our own planning'],
];
const CAUSE_LABEL = Object.fromEntries(REPLAN_CAUSES) as Record<ReplanCategory, string>;

/** Re-plan with a required cause and reason. */
export function ReplanForm({ milestone, onDone }: { milestone: Milestone; onDone: () => void }) {
  const [dueDate, setDueDate] = useState(milestone.dueDate);
  const [category, setCategory] = useState<ReplanCategory | ''>('');
  const [reason, setReason] = useState('');
  const form = useForm(
    () =>
      unwrap(
        api.POST('/api/v1/milestones/{id}/replan', {
          params: { path: { id: milestone.id } },
          body: { dueDate, reason, category: category as ReplanCategory },
        }),
      ),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!dueDate) errors.dueDate = 'Choose the new due date.';
        else if (dueDate === milestone.dueDate) errors.dueDate = 'Pick a date different from the current one.';
        if (!category) errors.category = 'Choose what caused the change.';
        if (!reason.trim()) errors.reason = 'A re-plan needs a reason: say why the date moves.';
        return errors;
      },
      onDone,
    },
  );
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-label={`Re-plan ${milestone.title}`}>
      <FormError message={form.formError} />
      <TextField
        label="New due date"
        type="date"
        value={dueDate}
        onChange={(e) => (setDueDate(e.target.value), form.edited('dueDate'))}
        error={form.errors.dueDate}
      />
      <SelectField
        label="Cause"
        value={category}
        onChange={(e) => (setCategory(e.target.value as ReplanCategory), form.edited('category'))}
        error={form.errors.category}
      >
        <option value="">Choose…</option>
        {REPLAN_CAUSES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <TextArea
        label="Reason for the change"
        value={reason}
        onChange={(e) => (setReason(e.target.value), form.edited('reason'))}
        error={form.errors.reason}
      />
      <button type="submit" className="primary" disabled={form.busy}>
        Re-plan
      </button>
    </form>
  );
}

export function MilestonePanel({
  milestone,
  onClose,
  onChange,
}: {
  milestone: Milestone;
  onClose: () => void;
  onChange: () => void;
}) {
  const history = useLoad(
    () => unwrap(api.GET('/api/v1/milestones/{id}/history', { params: { path: { id: milestone.id } } })),
    [milestone.id],
  );
  const [completeError, setCompleteError] = useState<string | null>(null);
  const zone = useTimezone();
  const open = milestone.status === 'planned' || milestone.status === 'in_progress';
  async function complete() {
    setCompleteError(null);
    try {
      await unwrap(api.POST('/api/v1/milestones/{id}/complete', { params: { path: { id: milestone.id } }, body: {} }));
      onChange();
    } catch (e) {
      setCompleteError((e as { message: string }).message);
    }
  }
  return (
    <section className="milestone-panel" aria-label={`Milestone ${milestone.title}`}>
      <div className="panel-head">
        <h5>{milestone.title}</h5>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        Baseline {formatDate(milestone.baselineDueDate)} · due {formatDate(milestone.dueDate)} ·{' '}
        {milestone.status.replace('_', ' ')}
        {milestone.completedAt ? ` · completed ${formatInstant(milestone.completedAt, zone)}` : ''}
      </p>
      {open ? (
        <>
          <FormError message={completeError} />
          <button type="button" className="primary" onClick={() => void complete()}>
            Mark complete
          </button>
          <ReplanForm milestone={milestone} onDone={onChange} />
          <EditMilestoneForm milestone={milestone} onDone={onChange} />
        </>
      ) : null}
      <h6>Due-date history</h6>
      {history.state === 'loading' ? <Loading what="history" /> : null}
      {history.state === 'error' ? <ErrorState error={history.error} retry={history.reload} /> : null}
      {history.data && history.data.length === 0 ? <Empty>Never re-planned.</Empty> : null}
      <ul>
        {history.data?.map((h) => (
          <li key={h.id}>
            {formatDate(h.oldDueDate)} → {formatDate(h.newDueDate)} · {CAUSE_LABEL[h.category] ?? h.category}: “
            {h.reason}” ({h.changedByName ?? 'someone'}, {formatInstant(h.changedAt, zone)})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Title, forecast, weight and status (cancel); the due date moves only by re-planning, with a reason. */
export function EditMilestoneForm({ milestone, onDone }: { milestone: Milestone; onDone: () => void }) {
  const [title, setTitle] = useState(milestone.title);
  const [forecastDate, setForecastDate] = useState(milestone.forecastDate ?? '');
  const [weight, setWeight] = useState(String(milestone.weight));
  const [status, setStatus] = useState<'planned' | 'in_progress' | 'cancelled'>(
    milestone.status === 'in_progress' ? 'in_progress' : 'planned',
  );
  const form = useForm(
    () =>
      unwrap(
        api.PATCH('/api/v1/milestones/{id}', {
          params: { path: { id: milestone.id } },
          body: { title, forecastDate: forecastDate || null, weight: Number(weight), status },
        }),
      ),
    { validate: (): FieldErrors => (title.trim() ? {} : { title: 'Give the milestone a title.' }), onDone },
  );
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-label={`Edit ${milestone.title}`}>
      <FormError message={form.formError} />
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={form.errors.title} />
      <TextField
        label="Forecast date (optional)"
        type="date"
        value={forecastDate}
        onChange={(e) => setForecastDate(e.target.value)}
        error={form.errors.forecastDate}
      />
      <TextField
        label="Weight"
        type="number"
        step="0.01"
        value={weight}
        onChange={(e) => setWeight(e.target.value)}
        error={form.errors.weight}
      />
      <SelectField
        label="Status"
        value={status}
        onChange={(e) => setStatus(e.target.value as typeof status)}
        error={form.errors.status}
      >
        <option value="planned">Planned</option>
        <option value="in_progress">In progress</option>
        <option value="cancelled">Cancelled</option>
      </SelectField>
      <button type="submit" disabled={form.busy}>
        Save milestone
      </button>
    </form>
  );
}
