import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { isInternal, useMe } from '../auth/session';
import { FormError, SelectField, TextArea, TextField, useForm, type FieldErrors } from '../components/forms';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/use-load';

/**
 * An engagement's executive changes: the history with each handover pack for everyone who sees the engagement, and
 * (for managers) the form that replaces the placed executive from an effective date.
 */
export function EngagementExecutiveChanges({
  engagementId,
  executiveId,
  fn,
  onChanged,
}: {
  engagementId: string;
  executiveId: string;
  fn: string;
  onChanged: () => void;
}) {
  const me = useMe();
  const changes = useLoad(
    () => unwrap(api.GET('/api/v1/engagements/{id}/executive-changes', { params: { path: { id: engagementId } } })),
    [engagementId],
  );
  const items = changes.data?.items ?? [];
  return (
    <div className="executive-changes">
      {items.length === 0 ? <p className="muted">No change of executive.</p> : null}
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            {formatDate(c.effectiveDate)}: {c.fromExecutiveName} → {c.toExecutiveName}
            {c.appliedAt ? '' : ' (pending)'} — <Link to={`/handovers/${c.id}`}>handover pack</Link>
            <br />
            <span className="muted">{c.reason}</span>
          </li>
        ))}
      </ul>
      {isInternal(me.role) ? (
        <ChangeExecutiveForm
          engagementId={engagementId}
          executiveId={executiveId}
          fn={fn}
          onDone={() => (changes.reload(), onChanged())}
        />
      ) : null}
    </div>
  );
}

function ChangeExecutiveForm({
  engagementId,
  executiveId,
  fn,
  onDone,
}: {
  engagementId: string;
  executiveId: string;
  fn: string;
  onDone: () => void;
}) {
  const executives = useLoad(() => unwrap(api.GET('/api/v1/executives', { params: { query: { limit: 100 } } })), []);
  const candidates = (executives.data?.items ?? []).filter(
    (x) => x.id !== executiveId && (x.functions as string[]).includes(fn),
  );
  const [incoming, setIncoming] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const form = useForm(
    // No Idempotency-Key: a repeated change is refused by the rules themselves (same executive, overlapping date).
    () =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/executive-changes', {
          params: { path: { id: engagementId } },
          body: { executiveId: incoming, effectiveDate, reason },
        }),
      ),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!incoming) errors.executiveId = 'Choose the incoming executive.';
        if (!effectiveDate) errors.effectiveDate = 'Choose the first day of the new executive.';
        if (!reason.trim()) errors.reason = 'Say why the executive changes.';
        return errors;
      },
      onDone,
    },
  );
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-label="Change executive">
      <FormError message={form.formError} />
      <SelectField
        label="Incoming executive"
        value={incoming}
        onChange={(e) => (setIncoming(e.target.value), form.edited('executiveId'))}
        error={form.errors.executiveId}
      >
        <option value="">Choose…</option>
        {candidates.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Effective from"
        type="date"
        value={effectiveDate}
        onChange={(e) => (setEffectiveDate(e.target.value), form.edited('effectiveDate'))}
        error={form.errors.effectiveDate}
        hint="Access moves to the incoming executive on this date; priorities, owners and milestones stay."
      />
      <TextArea
        label="Reason"
        value={reason}
        onChange={(e) => (setReason(e.target.value), form.edited('reason'))}
        error={form.errors.reason}
      />
      <button type="submit" className="primary" disabled={form.busy}>
        Change executive
      </button>
      {form.done ? (
        <p role="status">
          Executive change recorded: <Link to={`/handovers/${form.done.id}`}>open the handover pack</Link>
        </p>
      ) : null}
    </form>
  );
}
