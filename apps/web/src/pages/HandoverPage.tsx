import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { FormError } from '../components/forms';
import { ErrorState, Loading } from '../components/states';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { useTitle } from '../lib/use-title';

/** The handover pack as frozen by the API (libs/domain/src/executive-changes/handover-content.ts). */
interface HandoverPack {
  clientName: string;
  function: string;
  fromExecutiveName: string;
  toExecutiveName: string;
  effectiveDate: string;
  reason: string;
  generatedOn: string;
  summary: Record<
    | 'openPriorities'
    | 'openMilestones'
    | 'overdueMilestones'
    | 'replans'
    | 'checkInsLast8Weeks'
    | 'blockers'
    | 'unacknowledgedCheckIns'
    | 'openAlerts',
    number
  >;
  priorities: Array<{
    title: string;
    rank: number;
    status: string;
    ownerName: string;
    ownerTitle: string | null;
    targetDate: string;
    health: string;
    confidenceTrend: Array<{ date: string; confidence: number }>;
    confidenceChange: number | null;
    milestones: Array<{
      title: string;
      baselineDueDate: string;
      dueDate: string;
      status: string;
      slipDays: number;
      overdue: boolean;
      replans: Array<{
        changedOn: string;
        fromDate: string;
        toDate: string;
        days: number;
        reason: string;
        category: string;
      }>;
    }>;
  }>;
  checkIns: Array<{
    priorityTitle: string;
    date: string;
    rag: string;
    confidence: number;
    note: string;
    blockers: string | null;
    authorName: string | null;
    acknowledged: boolean;
  }>;
  unacknowledgedCheckIns: Array<{ priorityTitle: string; date: string; rag: string; note: string; ageDays: number }>;
  openAlerts: Array<{ rule: string; severity: string; message: string; since: string }>;
  allocationHistory?: Array<{ effectiveDate: string; daysPerWeek: number; reason: string }>;
  people: Array<{ name: string; title: string | null; email: string | null; role: string; owns: string[] }>;
}

const human = (s: string) => s.replace(/_/g, ' ');

/** An executive change's handover pack: the page and its PDF. */
export default function HandoverPage() {
  const { id = '' } = useParams();
  const change = useLoad(() => unwrap(api.GET('/api/v1/executive-changes/{id}', { params: { path: { id } } })), [id]);
  const pack = change.data?.handover as HandoverPack | undefined;
  useTitle(pack ? `Handover ${pack.clientName}` : 'Handover');
  const [pdfError, setPdfError] = useState<string | null>(null);

  if (change.state === 'loading' && !change.data) return <Loading what="the handover pack" />;
  if (change.state === 'error' && !change.data) return <ErrorState error={change.error} />;
  const c = change.data!;
  const p = pack!;

  async function downloadPdf() {
    setPdfError(null);
    const { data, response } = await api.GET('/api/v1/executive-changes/{id}/pdf', {
      params: { path: { id } },
      parseAs: 'blob',
    });
    if (!response.ok || !data) return setPdfError('The PDF could not be made; try again.');
    const url = URL.createObjectURL(data as Blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'handover.pdf';
    link.click();
    URL.revokeObjectURL(url);
  }

  const s = p.summary;
  return (
    <section className="handover">
      <p>
        <Link to={`/engagements/${c.engagementId}`}>← Engagement</Link>
      </p>
      <h1>Handover pack · {p.clientName}</h1>
      <p>
        {p.function}: <strong>{p.fromExecutiveName}</strong> → <strong>{p.toExecutiveName}</strong>, effective{' '}
        {formatDate(p.effectiveDate)}
        {c.appliedAt ? '' : ' (pending)'}
      </p>
      <p>Reason: {p.reason}</p>
      <p className="muted">Frozen on {formatDate(p.generatedOn)}.</p>
      <p className="actions">
        <button type="button" onClick={() => void downloadPdf()}>
          Download PDF
        </button>
        <FormError message={pdfError} />
      </p>
      <ul className="handover-summary">
        <li>{s.openPriorities} open priorities</li>
        <li>
          {s.openMilestones} open milestones ({s.overdueMilestones} overdue)
        </li>
        <li>{s.replans} re-plans</li>
        <li>
          {s.checkInsLast8Weeks} check-ins in the last 8 weeks ({s.blockers} with blockers)
        </li>
        <li>{s.unacknowledgedCheckIns} check-ins not acknowledged</li>
        <li>{s.openAlerts} open alerts</li>
      </ul>

      <h2>Open priorities</h2>
      {p.priorities.length === 0 ? <p className="muted">No open priority.</p> : null}
      {p.priorities.map((pr) => (
        <article key={pr.rank + pr.title} className="handover-priority">
          <h3>
            {pr.rank}. {pr.title}
          </h3>
          <p>
            Owner {pr.ownerName}
            {pr.ownerTitle ? ` (${pr.ownerTitle})` : ''} · {human(pr.status)} · {human(pr.health)} · target{' '}
            {formatDate(pr.targetDate)} · confidence{' '}
            {pr.confidenceTrend.map((t) => t.confidence).join(' → ') || 'no check-ins'}
          </p>
          <ul>
            {pr.milestones.map((m) => (
              <li key={m.title + m.dueDate}>
                {m.title}: due {formatDate(m.dueDate)} ({human(m.status)}
                {m.overdue ? ', overdue' : ''}
                {m.slipDays !== 0 ? `, ${m.slipDays > 0 ? '+' : ''}${m.slipDays} days vs baseline` : ''})
                {m.replans.length ? (
                  <ul>
                    {m.replans.map((r) => (
                      <li key={r.changedOn + r.toDate}>
                        Re-planned {formatDate(r.changedOn)}: {formatDate(r.fromDate)} → {formatDate(r.toDate)} [
                        {r.category}] {r.reason}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </article>
      ))}

      <h2>Check-ins of the last 8 weeks</h2>
      {p.checkIns.length === 0 ? <p className="muted">None.</p> : null}
      <ul>
        {p.checkIns.map((ci, i) => (
          <li key={i}>
            {formatDate(ci.date)} · {ci.priorityTitle} · {human(ci.rag)} · confidence {ci.confidence}
            {ci.acknowledged ? '' : ' · not acknowledged'}: {ci.note}
            {ci.blockers ? <strong> Blockers: {ci.blockers}</strong> : null}
          </li>
        ))}
      </ul>

      <h2>Not acknowledged by the client</h2>
      {p.unacknowledgedCheckIns.length === 0 ? <p className="muted">None.</p> : null}
      <ul>
        {p.unacknowledgedCheckIns.map((u, i) => (
          <li key={i}>
            {formatDate(u.date)} · {u.priorityTitle}: {u.note}
          </li>
        ))}
      </ul>

      <h2>Open alerts</h2>
      {p.openAlerts.length === 0 ? <p className="muted">None.</p> : null}
      <ul>
        {p.openAlerts.map((a, i) => (
          <li key={i}>
            [{a.severity}] {a.message} (since {formatDate(a.since)})
          </li>
        ))}
      </ul>

      {p.allocationHistory ? (
        <>
          <h2>Allocation history</h2>
          <ul>
            {p.allocationHistory.map((a, i) => (
              <li key={i}>
                From {formatDate(a.effectiveDate)}: {a.daysPerWeek} days/week — {a.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>The client’s people</h2>
      {p.people.length === 0 ? <p className="muted">Nobody recorded.</p> : null}
      <ul>
        {p.people.map((person, i) => (
          <li key={i}>
            {person.name}
            {person.title ? `, ${person.title}` : ''} · {person.role}
            {person.email ? ` · ${person.email}` : ''}
            {person.owns.length ? ` · owns ${person.owns.join('; ')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
