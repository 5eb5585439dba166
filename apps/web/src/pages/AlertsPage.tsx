import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { useTimezone } from '../auth/session';
import { Filter, FormError, TextArea } from '../components/forms';
import { Empty, ErrorState, Loading } from '../components/states';
import { alertAge, formatInstant } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { useQueryState } from '../lib/use-query-state';
import { useTitle } from '../lib/use-title';

type Alert = Schemas['AlertView'];
type Status = NonNullable<Alert['status']>;
type Severity = Alert['severity'];

export default function AlertsPage() {
  useTitle('Alerts');
  const [status, setStatus] = useQueryState<Status | ''>('status', 'open');
  const [severity, setSeverity] = useQueryState<Severity | ''>('severity', '');
  const alerts = useLoad(
    () =>
      unwrap(
        api.GET('/api/v1/alerts', {
          params: { query: { limit: 100, ...(status ? { status } : {}), ...(severity ? { severity } : {}) } },
        }),
      ),
    [status, severity],
  );
  return (
    <section>
      <h1>Alerts</h1>
      <form className="filters" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
        <Filter label="Status">
          {(id) => (
            <>
              <select id={id} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
                <option value="open">Open</option>
                <option value="acknowledged">Acknowledged</option>
                <option value="resolved">Resolved</option>
                <option value="">Any</option>
              </select>
            </>
          )}
        </Filter>
        <Filter label="Severity">
          {(id) => (
            <>
              <select id={id} value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')}>
                <option value="">Any</option>
                <option value="critical">Critical</option>
                <option value="warning">Warning</option>
                <option value="info">Info</option>
              </select>
            </>
          )}
        </Filter>
      </form>
      {alerts.state === 'loading' ? <Loading what="alerts" /> : null}
      {alerts.state === 'error' ? <ErrorState error={alerts.error} retry={alerts.reload} /> : null}
      {alerts.data ? (
        alerts.data.items.length === 0 ? (
          <Empty>No alerts match. Drift alerts appear here when the worker detects slips, stalls or overload.</Empty>
        ) : (
          <ul className="alerts-inbox">
            {alerts.data.items.map((a) => (
              <AlertItem key={a.id} alert={a} onChange={alerts.reload} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

/** One alert with its acknowledge/resolve actions (the inbox and an alert's own page). */
export function AlertItem({ alert: a, onChange }: { alert: Alert; onChange: () => void }) {
  const zone = useTimezone();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | undefined>();
  async function act(call: () => Promise<unknown>) {
    setError(null);
    try {
      await call();
      onChange();
    } catch (e) {
      setError((e as ApiError).message);
    }
  }
  return (
    <li className={`card alert alert-${a.severity}`} data-testid="alert">
      <p>
        <span
          className={`pill pill-${a.severity === 'critical' ? 'red' : a.severity === 'warning' ? 'amber' : 'none'}`}
        >
          {a.severity}
        </span>{' '}
        <strong>{a.message}</strong>
      </p>
      <p className="muted">
        {a.clientName ?? 'Across clients'} · {a.rule.replaceAll('_', ' ')} · {a.status} ·{' '}
        {a.conditionSince ? `${alertAge(a)}, first seen ` : 'first seen '}
        {formatInstant(a.firstSeenAt, zone)}
        {a.engagementId ? (
          <>
            {' '}
            · <Link to={`/engagements/${a.engagementId}`}>open the engagement</Link>
          </>
        ) : null}
      </p>
      {a.resolutionNote ? <p>Resolution: {a.resolutionNote}</p> : null}
      <FormError message={error} />
      {a.status !== 'resolved' ? (
        <div className="actions">
          {a.status === 'open' ? (
            <button
              type="button"
              onClick={() =>
                void act(() => unwrap(api.POST('/api/v1/alerts/{id}/acknowledge', { params: { path: { id: a.id } } })))
              }
            >
              Acknowledge
            </button>
          ) : null}
          <button type="button" aria-expanded={resolving} onClick={() => setResolving(!resolving)}>
            Resolve…
          </button>
        </div>
      ) : null}
      {resolving ? (
        <form
          className="subform"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) {
              setNoteError('Say how it was resolved.');
              return;
            }
            setNoteError(undefined);
            void act(() =>
              unwrap(api.POST('/api/v1/alerts/{id}/resolve', { params: { path: { id: a.id } }, body: { note } })),
            );
          }}
        >
          <TextArea label="Resolution note" value={note} onChange={(e) => setNote(e.target.value)} error={noteError} />
          <button type="submit" className="primary">
            Resolve alert
          </button>
        </form>
      ) : null}
    </li>
  );
}
