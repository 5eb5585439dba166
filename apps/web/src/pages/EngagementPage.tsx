import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { isInternal, useMe, useTimezone } from '../auth/session';
import { ConfidenceTrend, DriftTrendChart } from '../components/charts';
import { HealthVsRag, ProgressCaption, StatusPill } from '../components/HealthBadge';
import { EXPLAIN, Legend } from '../components/Legend';
import { MilestoneTimeline, type Milestone } from '../components/MilestoneTimeline';
import { Empty, ErrorState, Loading } from '../components/states';
import { ageOf, alertAge, dateRange, formatDate, formatInstant, percent, plural } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { useTitle } from '../lib/use-title';
import { AddMilestoneForm, CheckInForm, MilestonePanel } from './engagement-actions';
import { EngagementExecutiveChanges } from './engagement-executive-changes';
import { EngagementReports } from './engagement-reports';
import { ClientSummaryCard, PulseHistory } from './client-summary';
import { ApplyPlaybookPanel } from './playbook-apply';
import { SavePlaybookPanel } from './playbook-save';

type Summary = Schemas['EngagementSummaryView'];
type Priority = Schemas['SummaryPriorityView'];

export default function EngagementPage() {
  const { id = '' } = useParams();
  // Alert emails link here with ?alert=<id>: that alert is scrolled to and outlined.
  const [searchParams] = useSearchParams();
  const linkedAlertId = searchParams.get('alert');
  const me = useMe();
  const summary = useLoad(
    () => unwrap(api.GET('/api/v1/engagements/{id}/summary', { params: { path: { id } } })),
    [id],
  );
  const alerts = useLoad(
    () =>
      unwrap(api.GET('/api/v1/alerts', { params: { query: { engagementId: id, limit: 100 } } })).then((page) =>
        page.items.filter((a) => a.status !== 'resolved'),
      ),
    [id],
  );
  useEffect(() => {
    if (linkedAlertId && alerts.data)
      document.getElementById(`alert-${linkedAlertId}`)?.scrollIntoView({ block: 'center' });
  }, [linkedAlertId, alerts.data]);
  const clientSummary = useLoad(
    () => unwrap(api.GET('/api/v1/engagements/{id}/client-summary', { params: { path: { id } } })),
    [id],
  );
  const allocation = useLoad(
    () =>
      me.role === 'client_viewer'
        ? Promise.resolve(null)
        : unwrap(api.GET('/api/v1/engagements/{id}/allocation-changes', { params: { path: { id } } })),
    [id, me.role],
  );
  const shown = summary.data?.engagement;
  useTitle(shown?.clientName, shown?.function);

  if (summary.state === 'loading' && !summary.data) return <Loading what="the engagement" />;
  if (summary.state === 'error' && !summary.data) {
    return (
      <section>
        <ErrorState error={summary.error} retry={summary.error.statusCode === 404 ? undefined : summary.reload} />
        <p>
          <Link to="/portfolio">Back to {isInternal(me.role) ? 'the portfolio' : 'your engagements'}</Link>
        </p>
      </section>
    );
  }
  const s = summary.data!;
  const e = s.engagement;
  const refresh = () => {
    summary.reload();
    alerts.reload();
    clientSummary.reload();
  };
  return (
    <section className="engagement">
      <p>
        <Link to="/portfolio">← {isInternal(me.role) ? 'Portfolio' : 'Your engagements'}</Link>
      </p>
      <header className="engagement-header">
        <h1>
          {e.clientName} · {e.function}
        </h1>
        <p>
          {e.executiveName} · {e.status} · {formatDate(e.startDate)} –{' '}
          {e.plannedEndDate ? formatDate(e.plannedEndDate) : 'open-ended'}
          {e.daysPerWeek !== undefined ? ` · ${e.daysPerWeek} days/week now` : ''}
        </p>
        <p className="engagement-health" data-testid="engagement-health">
          {e.headline ? (
            <HealthVsRag
              headline={e.headline}
              health={e.health}
              reportedRag={e.reportedRag}
              disagrees={false}
              note={e.healthNote}
            />
          ) : (
            <span className="muted">No active priorities yet.</span>
          )}
        </p>
        {e.termEndDate || e.renewalDate ? (
          <p className="engagement-term">
            {e.termEndDate ? `Term ends ${formatDate(e.termEndDate)}` : 'No term end'}
            {e.noticeDeadline && e.noticePeriodDays > 0 ? ` · notice by ${formatDate(e.noticeDeadline)}` : ''}
            {e.renewalDate ? ` · renewal ${formatDate(e.renewalDate)}` : ''}
            {e.autoRenew ? ' · renews automatically' : ''}
          </p>
        ) : null}
        <LikelyToLand forecast={s.landingForecast} asOf={s.asOf} />
        {allocation.data && allocation.data.length > 1 ? (
          <details>
            <summary>Allocation history ({plural(allocation.data.length, 'change', 'changes')})</summary>
            <ul>
              {allocation.data.map((a) => (
                <li key={a.id}>
                  From {formatDate(a.effectiveDate)}:{' '}
                  {a.previousDaysPerWeek !== null ? `${a.previousDaysPerWeek} → ` : ''}
                  {a.daysPerWeek} days/week — {a.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {me.role === 'client_viewer' ? <p className="muted">Read-only view shared with {e.clientName}.</p> : null}
      </header>

      {clientSummary.data ? <ClientSummaryCard summary={clientSummary.data} onChange={refresh} /> : null}
      {me.role === 'admin' || me.role === 'account_manager' ? <PulseHistory engagementId={e.id} /> : null}

      <div className="engagement-grid">
        <div>
          <h2>Priorities</h2>
          <Legend items={['headline', 'expected', 'confidence', 'drift', 'threshold']} />
          {s.priorities.length === 0 ? <Empty>No priorities yet.</Empty> : null}
          <ol className="priorities">
            {s.priorities.map((p) => (
              <PriorityCard key={p.id} priority={p} summary={s} onChange={refresh} />
            ))}
          </ol>
          {isInternal(me.role) ? (
            <>
              <ApplyPlaybookPanel engagementId={e.id} clientId={e.clientId} onApplied={refresh} />
              {s.priorities.length > 0 ? (
                <SavePlaybookPanel engagementId={e.id} suggestedName={`${e.clientName} ${e.function} plan`} />
              ) : null}
            </>
          ) : null}
        </div>
        <aside>
          <h2 title={EXPLAIN.drift}>Drift trend</h2>
          <DriftTrendChart points={s.driftTrend} />
          <p className="chart-legend muted">
            {EXPLAIN.drift} {EXPLAIN.threshold}
          </p>
          <h2>Open alerts</h2>
          {alerts.state === 'error' ? <ErrorState error={alerts.error} retry={alerts.reload} /> : null}
          {alerts.state === 'loading' ? <Loading what="alerts" /> : null}
          {alerts.data && linkedAlertId && !alerts.data.some((a) => a.id === linkedAlertId) ? (
            <p className="state state-empty" role="status">
              This alert is resolved. <Link to={`/alerts/${linkedAlertId}`}>See what happened to it</Link>.
            </p>
          ) : null}
          {alerts.data && alerts.data.length === 0 ? <Empty>No open alerts.</Empty> : null}
          <ul className="alerts-list">
            {alerts.data?.map((a) => (
              <li
                key={a.id}
                id={`alert-${a.id}`}
                className={`alert alert-${a.severity}${a.id === linkedAlertId ? ' alert-linked' : ''}`}
                aria-current={a.id === linkedAlertId ? 'true' : undefined}
              >
                <span
                  className={`pill pill-${a.severity === 'critical' ? 'red' : a.severity === 'warning' ? 'amber' : 'none'}`}
                >
                  {a.severity}
                </span>{' '}
                {a.message}
                <span className="muted"> · {a.status === 'acknowledged' ? 'acknowledged' : alertAge(a)}</span>
              </li>
            ))}
          </ul>
          <h2>Check-ins</h2>
          <CheckInFeed summary={s} onChange={refresh} />
          <h2>Reports</h2>
          <EngagementReports engagementId={e.id} startDate={e.startDate} />
          <h2>Executive changes</h2>
          <EngagementExecutiveChanges
            engagementId={e.id}
            executiveId={e.executiveId}
            fn={e.function}
            onChanged={refresh}
          />
        </aside>
      </div>
    </section>
  );
}

function PriorityCard({
  priority: p,
  summary,
  onChange,
}: {
  priority: Priority;
  summary: Summary;
  onChange: () => void;
}) {
  const me = useMe();
  const [selected, setSelected] = useState<Milestone | null>(null);
  const [showCheckIn, setShowCheckIn] = useState(false);
  const [showMilestone, setShowMilestone] = useState(false);
  const [rankError, setRankError] = useState<string | null>(null);
  const upButton = useRef<HTMLButtonElement>(null);
  const downButton = useRef<HTMLButtonElement>(null);
  // The re-rank button clicked last: the reload re-orders the list (the browser drops focus from a moved or newly
  // disabled button), so focus goes back to this card's button once the new rank shows.
  const refocus = useRef<'up' | 'down' | null>(null);
  useEffect(() => {
    const wanted = refocus.current;
    refocus.current = null;
    if (!wanted) return;
    const [first, other] = wanted === 'up' ? [upButton, downButton] : [downButton, upButton];
    (first.current && !first.current.disabled ? first.current : other.current)?.focus();
  }, [p.rank]);
  const internal = isInternal(me.role);
  const canCheckIn = me.role !== 'client_viewer' && p.status === 'active';
  const activeCount = summary.priorities.filter((x) => x.status === 'active').length;

  async function patch(body: Schemas['UpdatePriorityDto'], focusAfter: 'up' | 'down' | null = null) {
    setRankError(null);
    try {
      await unwrap(api.PATCH('/api/v1/priorities/{id}', { params: { path: { id: p.id } }, body }));
      refocus.current = focusAfter;
      onChange();
    } catch (error) {
      const e = error as ApiError;
      setRankError(e.code === 'PRIORITY.FOCUS_CAP_EXCEEDED' ? `Focus cap reached. ${e.message}.` : e.message);
    }
  }

  return (
    <li className="priority card" data-testid="priority" aria-labelledby={`priority-${p.id}`}>
      <div className="priority-head">
        <h3 id={`priority-${p.id}`}>
          {p.status === 'active' ? (
            <span className="rank">#{p.rank}</span>
          ) : (
            <span className="pill pill-none">{p.status}</span>
          )}{' '}
          {p.title}
        </h3>
        {internal && p.status === 'active' ? (
          <span className="rank-buttons">
            <button
              type="button"
              ref={upButton}
              disabled={p.rank <= 1}
              onClick={() => void patch({ rank: p.rank - 1 }, 'up')}
              aria-label={`Move "${p.title}" up`}
            >
              ↑ Up
            </button>
            <button
              type="button"
              ref={downButton}
              disabled={p.rank >= activeCount}
              onClick={() => void patch({ rank: p.rank + 1 }, 'down')}
              aria-label={`Move "${p.title}" down`}
            >
              ↓ Down
            </button>
          </span>
        ) : null}
        {internal && p.status === 'draft' ? (
          <button type="button" onClick={() => void patch({ status: 'active' })}>
            Activate
          </button>
        ) : null}
      </div>
      {rankError ? (
        <p className="form-error" role="alert">
          {rankError}
        </p>
      ) : null}
      <p className="owner">
        Owner: <strong>{p.owner.name}</strong>
        {p.owner.title ? `, ${p.owner.title}` : ''} · {formatDate(p.startDate)} → {formatDate(p.targetDate)}
      </p>
      <div
        className="progress"
        aria-label={`Progress ${percent(p.progress)}, expected ${percent(p.expectedProgress)} by today`}
        role="img"
      >
        <span className="progress-bar" style={{ width: percent(p.progress) }} />
        <span className="progress-expected" style={{ left: percent(p.expectedProgress) }} title={EXPLAIN.expected} />
      </div>
      <ProgressCaption health={p.health} progress={p.progress} expectedProgress={p.expectedProgress} />
      <div className="priority-status">
        <HealthVsRag
          health={p.health}
          reportedRag={p.reportedRag}
          disagrees={p.ragDisagrees}
          headline={p.headline}
          note={p.healthNote}
        />
        <span className="confidence" title={EXPLAIN.confidence}>
          Confidence <ConfidenceTrend points={p.confidenceTrend} />
        </span>
      </div>
      {p.landingForecast ? (
        <p className={`priority-forecast${p.landingForecast.beyondTarget ? ' text-red' : ''}`}>
          Likely to land {dateRange(p.landingForecast.p50, p.landingForecast.p80, summary.asOf)}
          {p.landingForecast.beyondTarget ? ' — after its target date' : ''}
        </p>
      ) : null}
      <h4>Milestones</h4>
      <MilestoneTimeline
        milestones={p.milestones}
        asOf={summary.asOf}
        onSelect={me.role === 'client_viewer' ? undefined : (m) => setSelected(selected?.id === m.id ? null : m)}
      />
      {selected ? (
        <MilestonePanel
          key={selected.id}
          milestone={selected}
          onClose={() => setSelected(null)}
          onChange={() => {
            setSelected(null);
            onChange();
          }}
        />
      ) : null}
      <div className="actions">
        {canCheckIn ? (
          <button type="button" aria-expanded={showCheckIn} onClick={() => setShowCheckIn(!showCheckIn)}>
            Post check-in
          </button>
        ) : null}
        {internal ? (
          <button type="button" aria-expanded={showMilestone} onClick={() => setShowMilestone(!showMilestone)}>
            Add milestone
          </button>
        ) : null}
      </div>
      {showCheckIn ? (
        <CheckInForm
          priority={p}
          onDone={() => {
            setShowCheckIn(false);
            onChange();
          }}
        />
      ) : null}
      {showMilestone ? (
        <AddMilestoneForm
          priority={p}
          onDone={() => {
            setShowMilestone(false);
            onChange();
          }}
        />
      ) : null}
    </li>
  );
}

function CheckInFeed({ summary, onChange }: { summary: Summary; onChange: () => void }) {
  const me = useMe();
  const zone = useTimezone();
  const [error, setError] = useState<string | null>(null);
  const titles = new Map(summary.priorities.map((p) => [p.id, p.title]));
  if (summary.latestCheckIns.length === 0) return <Empty>No check-ins yet.</Empty>;
  async function acknowledge(id: string) {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/check-ins/{id}/acknowledge', { params: { path: { id } } }));
      onChange();
    } catch (e) {
      setError((e as ApiError).message);
    }
  }
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="checkins">
        {summary.latestCheckIns.map((c) => (
          <li key={c.id} className="checkin" data-testid="checkin">
            <div>
              <StatusPill status={c.rag} /> <strong>{titles.get(c.priorityId)}</strong> · confidence {c.confidence}/10
            </div>
            <p>{c.note}</p>
            {c.blockers ? <p className="blockers">Blockers: {c.blockers}</p> : null}
            <p className="muted">
              {c.authorName ?? 'Someone'} · {formatInstant(c.createdAt, zone)} ({ageOf(c.createdAt)})
            </p>
            {c.acknowledgedAt ? (
              <p className="acknowledged">✓ Acknowledged {formatInstant(c.acknowledgedAt, zone)}</p>
            ) : me.role === 'client_viewer' ? (
              <button
                type="button"
                onClick={() => void acknowledge(c.id)}
                aria-label={`Acknowledge the check-in on ${titles.get(c.priorityId)}`}
              >
                Acknowledge
              </button>
            ) : (
              <p className="muted">Not acknowledged by the client yet</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The engagement's forecast in one sentence: "Likely to land 12–19 May" (the latest P50 and P80 of its open
 * milestones, from the firm's own slip history), and whether that is after the planned end.
 */
function LikelyToLand({ forecast, asOf }: { forecast: Summary['landingForecast']; asOf: string }) {
  if (!forecast) return null;
  return (
    <p className="engagement-forecast" data-testid="engagement-forecast">
      <strong>Likely to land {dateRange(forecast.p50, forecast.p80, asOf)}</strong>
      {forecast.targetDate ? (
        <span className={forecast.beyondTarget ? 'text-red' : 'muted'}>
          {' '}
          ({forecast.beyondTarget ? 'after' : 'within'} the planned end, {formatDate(forecast.targetDate)})
        </span>
      ) : null}
      <span className="muted"> · from the firm’s own history of how similar milestones landed</span>
    </p>
  );
}
