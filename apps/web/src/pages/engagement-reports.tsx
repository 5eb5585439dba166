import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, idempotent, unwrap } from '../api/client';
import { isInternal, useMe } from '../auth/session';
import { FormError, TextField, useForm, type FieldErrors } from '../components/forms';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/use-load';

/** An engagement's period reports (QBRs): the list for everyone, and a form to freeze a new one for managers. */
export function EngagementReports({ engagementId, startDate }: { engagementId: string; startDate: string }) {
  const me = useMe();
  const reports = useLoad(
    () => unwrap(api.GET('/api/v1/engagements/{id}/reports', { params: { path: { id: engagementId } } })),
    [engagementId],
  );
  const canCreate = isInternal(me.role);
  const items = reports.data?.items ?? [];
  return (
    <div className="engagement-reports">
      {items.length === 0 ? <p className="muted">No reports yet.</p> : null}
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <Link to={`/reports/${r.id}`}>
              {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
            </Link>
            <br />
            <span className="muted">{r.headline}</span>
          </li>
        ))}
      </ul>
      {canCreate ? <NewReportForm engagementId={engagementId} startDate={startDate} onDone={reports.reload} /> : null}
    </div>
  );
}

/** The last full quarter that ended before today, but never before the engagement started. */
function lastQuarter(startDate: string): { start: string; end: string } {
  const today = new Date();
  const quarterStartMonth = Math.floor(today.getUTCMonth() / 3) * 3;
  const end = new Date(Date.UTC(today.getUTCFullYear(), quarterStartMonth, 0));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 2, 1));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { start: iso(start) < startDate ? startDate : iso(start), end: iso(end) < startDate ? startDate : iso(end) };
}

function NewReportForm({
  engagementId,
  startDate,
  onDone,
}: {
  engagementId: string;
  startDate: string;
  onDone: () => void;
}) {
  const initial = lastQuarter(startDate);
  const [periodStart, setPeriodStart] = useState(initial.start);
  const [periodEnd, setPeriodEnd] = useState(initial.end);
  const form = useForm(
    (key) =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/reports', {
          params: { path: { id: engagementId }, ...idempotent(key) },
          body: { periodStart, periodEnd },
        }),
      ),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!periodStart) errors.periodStart = 'Choose the first day of the period.';
        if (!periodEnd) errors.periodEnd = 'Choose the last day of the period.';
        else if (periodStart && periodEnd < periodStart)
          errors.periodEnd = 'The period must end on or after its start.';
        return errors;
      },
      onDone,
    },
  );
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-label="New period report">
      <FormError message={form.formError} />
      <TextField
        label="Period from"
        type="date"
        value={periodStart}
        onChange={(e) => (setPeriodStart(e.target.value), form.edited('periodStart'))}
        error={form.errors.periodStart}
      />
      <TextField
        label="Period to"
        type="date"
        value={periodEnd}
        onChange={(e) => (setPeriodEnd(e.target.value), form.edited('periodEnd'))}
        error={form.errors.periodEnd}
        hint="The report is frozen: later changes do not alter it."
      />
      <button type="submit" className="primary" disabled={form.busy}>
        Create report
      </button>
      {form.done ? (
        <p role="status">
          Report created: <Link to={`/reports/${form.done.id}`}>open it</Link>
        </p>
      ) : null}
    </form>
  );
}
