import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { useMe, useTimezone } from '../auth/session';
import { Filter, FormError, TextArea } from '../components/forms';
import { Empty, ErrorState, Loading } from '../components/states';
import { alertAge, formatInstant, plural } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { useQueryState } from '../lib/use-query-state';
import { useTitle } from '../lib/use-title';

type Alert = Schemas['AlertView'];
type Status = NonNullable<Alert['status']>;
type Severity = Alert['severity'];

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export interface AlertGroup {
  key: string;
  /** "Acme Robotics · CRO", or "Across engagements" for alerts that span them (owner overload). */
  title: string;
  engagementId: string | null;
  alerts: Alert[];
  bySeverity: Record<Severity, number>;
}

/**
 * The inbox grouped by engagement (issue 14): the groups with the worst alerts first (then by name), and inside
 * each group the most severe first, as the API lists them.
 */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of alerts) {
    const key = a.engagementId ?? 'across';
    let group = groups.get(key);
    if (!group) {
      const title = a.engagementId
        ? [a.clientName ?? 'Engagement', a.engagementFunction].filter(Boolean).join(' · ')
        : 'Across engagements';
      group = {
        key,
        title,
        engagementId: a.engagementId,
        alerts: [],
        bySeverity: { critical: 0, warning: 0, info: 0 },
      };
      groups.set(key, group);
    }
    group.alerts.push(a);
    group.bySeverity[a.severity] += 1;
  }
  const worst = (g: AlertGroup) => Math.min(...g.alerts.map((a) => SEVERITY_ORDER[a.severity]));
  for (const g of groups.values()) g.alerts.sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  return [...groups.values()].sort(
    (x, y) =>
      worst(x) - worst(y) ||
      y.bySeverity.critical - x.bySeverity.critical ||
      y.alerts.length - x.alerts.length ||
      x.title.localeCompare(y.title),
  );
}

/** "2 critical, 1 warning". */
function severityCounts(bySeverity: Record<Severity, number>): string {
  return (['critical', 'warning', 'info'] as const)
    .filter((s) => bySeverity[s] > 0)
    .map((s) => `${bySeverity[s]} ${s}`)
    .join(', ');
}

export default function AlertsPage() {
  useTitle('Alerts');
  const me = useMe();
  const canManage = me.role !== 'client_viewer';
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
          <GroupedInbox items={alerts.data.items} canManage={canManage} onChange={alerts.reload} />
        )
      ) : null}
    </section>
  );
}

/** The groups, each with a "select all" box, and the bar that acts on every selected alert at once. */
function GroupedInbox({
  items,
  canManage,
  onChange,
}: {
  items: readonly Alert[];
  canManage: boolean;
  onChange: () => void;
}) {
  const groups = useMemo(() => groupAlerts(items), [items]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only alerts still listed can stay selected (a reload may have dropped some).
  const chosen = items.filter((a) => selected.has(a.id));
  const selectable = (a: Alert) => canManage && a.status !== 'resolved';
  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });

  async function bulk(action: 'acknowledge' | 'resolve') {
    setError(null);
    setDone(null);
    if (action === 'resolve' && !note.trim()) {
      setNoteError('Say how they were resolved.');
      return;
    }
    setNoteError(undefined);
    setBusy(true);
    try {
      const result = await unwrap(
        api.POST('/api/v1/alerts/bulk', {
          body: {
            action,
            alertIds: chosen.map((a) => a.id),
            ...(action === 'resolve' ? { note: note.trim() } : {}),
          },
        }),
      );
      const verb = action === 'acknowledge' ? 'acknowledged' : 'resolved';
      setDone(`${plural(result.changed, 'alert', 'alerts')} ${verb}.`);
      setSelected(new Set());
      setResolving(false);
      setNote('');
      onChange();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {canManage ? (
        <div className="bulk-bar" role="region" aria-label="Act on the selected alerts">
          <span aria-live="polite">
            {chosen.length === 0 ? 'Select alerts to act on several at once' : `${chosen.length} selected`}
          </span>
          <button
            type="button"
            disabled={busy || chosen.length === 0 || chosen.every((a) => a.status !== 'open')}
            onClick={() => void bulk('acknowledge')}
          >
            Acknowledge selected
          </button>
          <button
            type="button"
            disabled={busy || chosen.length === 0}
            aria-expanded={resolving}
            onClick={() => setResolving(!resolving)}
          >
            Resolve selected…
          </button>
          {chosen.length > 0 ? (
            <button type="button" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          ) : null}
          {resolving && chosen.length > 0 ? (
            <form
              className="subform"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void bulk('resolve');
              }}
            >
              <TextArea
                label={`Resolution note for ${plural(chosen.length, 'alert', 'alerts')}`}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                error={noteError}
              />
              <button type="submit" className="primary" disabled={busy}>
                Resolve {plural(chosen.length, 'alert', 'alerts')}
              </button>
            </form>
          ) : null}
          {done ? (
            <p className="text-green" role="status">
              {done}
            </p>
          ) : null}
          <FormError message={error} />
        </div>
      ) : null}
      {groups.map((group) => {
        const ids = group.alerts.filter(selectable).map((a) => a.id);
        const all = ids.length > 0 && ids.every((id) => selected.has(id));
        return (
          <section key={group.key} className="alert-group" aria-labelledby={`group-${group.key}`}>
            <header>
              <h2 id={`group-${group.key}`}>
                {group.engagementId ? (
                  <Link to={`/engagements/${group.engagementId}`}>{group.title}</Link>
                ) : (
                  group.title
                )}
              </h2>
              <span className="muted">{severityCounts(group.bySeverity)}</span>
              {ids.length > 1 ? (
                <label className="select-alert">
                  <input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} />
                  Select all {ids.length}
                </label>
              ) : null}
            </header>
            <ul className="alerts-inbox">
              {group.alerts.map((a) => (
                <AlertItem
                  key={a.id}
                  alert={a}
                  onChange={onChange}
                  selected={selectable(a) ? selected.has(a.id) : undefined}
                  onSelect={(on) => toggle([a.id], on)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** One alert with its acknowledge/resolve actions (the inbox and an alert's own page). */
export function AlertItem({
  alert: a,
  onChange,
  selected,
  onSelect,
}: {
  alert: Alert;
  onChange: () => void;
  /** In the inbox: whether it is selected for a bulk action (undefined: not selectable). */
  selected?: boolean;
  onSelect?: (on: boolean) => void;
}) {
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
        {selected !== undefined && onSelect ? (
          <input
            type="checkbox"
            aria-label={`Select “${a.message}”`}
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
          />
        ) : null}{' '}
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
