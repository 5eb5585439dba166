import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { useMe, useTimezone } from '../auth/session';
import { StatusPill } from '../components/HealthBadge';
import { ErrorState, Loading } from '../components/states';
import { formatDate, formatInstant, percent, plural } from '../lib/format';
import { useLoad } from '../lib/use-load';

type ClientSummary = Schemas['ClientSummaryView'];

/**
 * The client executive's one screen per engagement (issue 18): the headline sentence, what was done, what is due,
 * risks, asks, the trends and the latest check-in with its acknowledge button. Reads top to bottom at 375 px.
 */
export function ClientSummaryCard({
  summary: s,
  onChange,
  linkToEngagement = false,
}: {
  summary: ClientSummary;
  onChange: () => void;
  linkToEngagement?: boolean;
}) {
  const me = useMe();
  const zone = useTimezone();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const e = s.engagement;
  const c = s.latestCheckIn;
  const headingId = `client-summary-${e.id}`;

  async function acknowledge(id: string) {
    setError(null);
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/check-ins/{id}/acknowledge', { params: { path: { id } } }));
      onChange();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="client-summary card" data-testid="client-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {linkToEngagement ? (
          <Link to={`/engagements/${e.id}`}>
            {e.clientName} · {e.function}
          </Link>
        ) : (
          <>Summary for {e.clientName}</>
        )}
      </h2>
      <p className="muted">
        {e.executiveName} · as of {formatDate(s.asOf)}
      </p>
      <p className="client-headline" data-testid="client-headline">
        <StatusPill status={s.health} /> <strong>{s.headline}</strong>
      </p>

      {s.pulseDue && me.role === 'client_viewer' ? (
        <PulseQuestion engagementId={e.id} reason={s.pulseDue} onAnswered={onChange} />
      ) : null}

      <div className="client-summary-grid">
        <section aria-label="Asks">
          <h3>What we need from you</h3>
          {s.asks.length === 0 ? (
            <p className="muted">Nothing right now.</p>
          ) : (
            <ul className="client-asks">
              {s.asks.map((a, i) => (
                <li key={`${a.checkInId}-${i}`}>
                  <strong>{a.text}</strong>
                  <br />
                  <span className="muted">
                    {a.priorityTitle} · asked {formatInstant(a.askedAt, zone)}
                    {a.askedBy ? ` by ${a.askedBy}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-label="Done">
          <h3>Done since {formatDate(s.periodStart)}</h3>
          {s.done.length === 0 ? (
            <p className="muted">No milestones completed this week.</p>
          ) : (
            <ul>
              {s.done.map((m) => (
                <li key={m.id}>
                  ✓ {m.title} <span className="muted">· {m.priorityTitle}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-label="Due in the next 30 days">
          <h3>Due in the next 30 days</h3>
          {s.dueSoon.length === 0 ? (
            <p className="muted">Nothing due.</p>
          ) : (
            <ul>
              {s.dueSoon.map((m) => (
                <li key={m.id}>
                  {formatDate(m.dueDate)} · {m.title} <span className="muted">· {m.priorityTitle}</span>
                  {m.overdue ? <span className="pill pill-red">overdue</span> : null}
                  {m.slipDays > 0 ? (
                    <span className="muted"> (slipped {plural(m.slipDays, 'day', 'days')})</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-label="Risks">
          <h3>Risks</h3>
          {s.risks.length === 0 ? (
            <p className="muted">No open risks.</p>
          ) : (
            <ul>
              {s.risks.map((r) => (
                <li key={r.alertId}>
                  <span
                    className={`pill pill-${r.severity === 'critical' ? 'red' : r.severity === 'warning' ? 'amber' : 'none'}`}
                  >
                    {r.severity}
                  </span>{' '}
                  {r.text} <span className="muted">· since {formatDate(r.since)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-label="Trends">
          <h3>Trend</h3>
          <Trend
            label="Progress"
            values={s.progressTrend.map((p) => p.progress * 100)}
            describe={(first, last) =>
              `${percent(first / 100)} → ${percent(last / 100)} over ${s.progressTrend.length} weeks`
            }
          />
          <Trend
            label="Drift (lower is better)"
            values={s.driftTrend.map((p) => p.score)}
            describe={(first, last) => `${first} → ${last}`}
          />
        </section>

        <section aria-label="Latest check-in">
          <h3>Latest check-in</h3>
          {!c ? (
            <p className="muted">No check-ins yet.</p>
          ) : (
            <div className="client-checkin">
              <p>
                <StatusPill status={c.rag} /> {c.priorityTitle} · confidence {c.confidence}/10 ·{' '}
                {formatInstant(c.createdAt, zone)}
                {c.authorName ? ` · ${c.authorName}` : ''}
              </p>
              <blockquote>{c.note}</blockquote>
              {c.acknowledgedAt ? (
                <p className="acknowledged">✓ Acknowledged {formatInstant(c.acknowledgedAt, zone)}</p>
              ) : me.role === 'client_viewer' ? (
                <button type="button" disabled={busy} onClick={() => void acknowledge(c.id)}>
                  Acknowledge the latest check-in
                </button>
              ) : (
                <p className="muted">Not acknowledged by the client yet</p>
              )}
              {error ? (
                <p className="form-error" role="alert">
                  {error}
                </p>
              ) : null}
            </div>
          )}
        </section>
      </div>
    </article>
  );
}

/** A small line of the values with the first and last in words (the words carry it; the line is decoration). */
function Trend({
  label,
  values,
  describe,
}: {
  label: string;
  values: number[];
  describe: (first: number, last: number) => string;
}) {
  if (values.length === 0)
    return (
      <p>
        {label}: <span className="muted">no history yet</span>
      </p>
    );
  const max = Math.max(100, ...values);
  const step = values.length > 1 ? 100 / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(30 - (v / max) * 28).toFixed(1)}`).join(' ');
  return (
    <p className="client-trend">
      {label}: {describe(Math.round(values[0]), Math.round(values[values.length - 1]))}{' '}
      <svg viewBox="0 0 100 32" width="100" height="32" aria-hidden="true" preserveAspectRatio="none">
        <polyline points={points} fill="none" stroke="#1d4ed8" strokeWidth="2" />
      </svg>
    </p>
  );
}

/** The client viewer's home: the summary of each active engagement they may see. */
export function ClientSummaries() {
  const list = useLoad(() => unwrap(api.GET('/api/v1/client-summaries', {})), []);
  if (list.state === 'loading' && !list.data) return <Loading what="your summary" />;
  if (list.state === 'error' && !list.data) return <ErrorState error={list.error} retry={list.reload} />;
  const { items, total } = list.data!;
  if (items.length === 0) return null;
  return (
    <div className="client-summaries">
      {items.map((s) => (
        <ClientSummaryCard key={s.engagement.id} summary={s} onChange={list.reload} linkToEngagement />
      ))}
      {total > items.length ? (
        <p className="muted">
          {items.length} of {total} engagements summarised; the others are in the list below.
        </p>
      ) : null}
    </div>
  );
}

const PULSE_REASONS = {
  monthly: 'Our monthly question',
  priority_achieved: 'A priority was just achieved',
} as const;

/** The client pulse question, asked monthly and when a priority is achieved (the API says when: pulseDue). */
export function PulseQuestion({
  engagementId,
  reason,
  onAnswered,
}: {
  engagementId: string;
  reason: keyof typeof PULSE_REASONS;
  onAnswered: () => void;
}) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = `pulse-${engagementId}`;

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (score === null) {
      setError('Choose a score from 1 to 5.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/engagements/{id}/pulses', {
          params: { path: { id: engagementId } },
          body: { score, comment: comment.trim() || null },
        }),
      );
      onAnswered();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="pulse-question" onSubmit={(e) => void send(e)} aria-label="Client pulse">
      <fieldset>
        <legend>How satisfied are you with progress?</legend>
        <p className="muted">{PULSE_REASONS[reason]}. 1 is not at all, 5 is very.</p>
        <div className="pulse-scores">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input type="radio" name={name} value={n} checked={score === n} onChange={() => setScore(n)} /> {n}
            </label>
          ))}
        </div>
        <label htmlFor={`${name}-comment`}>Comment (optional)</label>
        <textarea
          id={`${name}-comment`}
          value={comment}
          maxLength={2000}
          rows={2}
          onChange={(e) => setComment(e.target.value)}
        />
      </fieldset>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        Send
      </button>
    </form>
  );
}

/** The account manager's view of the client pulse: the latest answers and the monthly trend. */
export function PulseHistory({ engagementId }: { engagementId: string }) {
  const zone = useTimezone();
  const history = useLoad(
    () => unwrap(api.GET('/api/v1/engagements/{id}/pulses', { params: { path: { id: engagementId } } })),
    [engagementId],
  );
  if (!history.data) return null;
  const h = history.data;
  const arrow = { up: '↑ up', down: '↓ down', flat: '→ flat' } as const;
  return (
    <section className="card pulse-history" aria-labelledby={`pulse-history-${engagementId}`}>
      <h2 id={`pulse-history-${engagementId}`}>Client pulse</h2>
      {h.items.length === 0 ? (
        <p className="muted">The client has not answered the pulse question yet.</p>
      ) : (
        <>
          <p>
            Latest: <strong>{h.latestScore} of 5</strong>
            {h.direction ? ` · trend ${arrow[h.direction]}` : ''} ·{' '}
            {h.months.map((m) => `${m.month}: ${m.mean}`).join(' · ')}
          </p>
          <ul>
            {h.items.slice(0, 6).map((p) => (
              <li key={p.id}>
                {p.score} of 5 · {formatInstant(p.createdAt, zone)}
                {p.respondentName ? ` · ${p.respondentName}` : ''}
                {p.comment ? `: “${p.comment}”` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
