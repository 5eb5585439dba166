import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatShortDate, plural } from '../lib/format';

/** The frozen content of a period report (libs/domain/src/reports/report-content.ts, ReportContent). */
export interface ReportContent {
  title: string;
  clientName: string;
  executiveName: string;
  function: string;
  period: { start: string; end: string };
  nextPeriod: { start: string; end: string };
  generatedOn: string;
  headline: string;
  figures: {
    milestonesLanded: number;
    landedOnTime: number;
    landedLate: number;
    replans: number;
    daysSlipped: number;
    openOverdue: number;
    driftStart: number | null;
    driftEnd: number | null;
    averageConfidence: number | null;
  };
  landed: Array<{
    title: string;
    priorityTitle: string;
    baselineDueDate: string;
    completedOn: string;
    daysLate: number;
  }>;
  slips: Array<{
    title: string;
    priorityTitle: string;
    changedOn: string;
    fromDate: string;
    toDate: string;
    days: number;
    reason: string;
  }>;
  driftTrend: Array<{ date: string; score: number }>;
  confidenceTrends: Array<{ priorityTitle: string; points: Array<{ date: string; confidence: number }> }>;
  highlights: Array<{
    priorityTitle: string;
    date: string;
    rag: string;
    confidence: number;
    note: string;
    authorName: string | null;
  }>;
  blockers: Array<{ priorityTitle: string; date: string; text: string }>;
  nextPeriodPriorities: Array<{
    title: string;
    rank: number;
    ownerName: string;
    health: string;
    targetDate: string;
    milestonesDue: Array<{ title: string; dueDate: string }>;
  }>;
  /** Absent in reports frozen before the client pulse existed. */
  pulse?: {
    answers: number;
    mean: number | null;
    previousMean: number | null;
    comments: Array<{ date: string; score: number; comment: string }>;
  };
}

const words = (value: string) => value.replace(/_/g, ' ');

function late(days: number): string {
  if (days === 0) return 'on the baseline date';
  return days < 0 ? `${plural(-days, 'day', 'days')} early` : `${plural(days, 'day', 'days')} late`;
}

/** A period report as a page: the same sections, in the same order, as its PDF. */
export function ReportDocument({ content: c }: { content: ReportContent }) {
  const f = c.figures;
  return (
    <article className="report">
      <header>
        <p className="muted">Period report · {c.function}</p>
        <h1>{c.clientName}</h1>
        <p>
          {c.function} engagement with {c.executiveName} · {formatDate(c.period.start)} – {formatDate(c.period.end)}
        </p>
        <p className="report-headline">{c.headline}</p>
      </header>
      <section aria-labelledby="report-summary">
        <h2 id="report-summary">Executive summary</h2>
        <ul>
          <li>
            Milestones landed: {f.milestonesLanded} ({f.landedOnTime} on time, {f.landedLate} late)
          </li>
          <li>
            Re-plans that moved a date later: {f.replans} ({plural(f.daysSlipped, 'day', 'days')} in total)
          </li>
          <li>Open milestones overdue: {f.openOverdue}</li>
          <li>
            Drift score: {f.driftStart ?? '–'} → {f.driftEnd ?? '–'} (lower is better)
          </li>
          <li>Average confidence in check-ins: {f.averageConfidence ?? '–'} / 10</li>
        </ul>
      </section>
      <section aria-labelledby="report-landed">
        <h2 id="report-landed">What landed against baseline</h2>
        {c.landed.length === 0 ? <p className="muted">No milestone was completed in this period.</p> : null}
        <ul>
          {c.landed.map((l) => (
            <li key={`${l.title}-${l.completedOn}`}>
              <strong>{l.title}</strong> ({l.priorityTitle}): done {formatDate(l.completedOn)}, baseline{' '}
              {formatDate(l.baselineDueDate)} · {late(l.daysLate)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="report-slips">
        <h2 id="report-slips">Slips and their reasons</h2>
        {c.slips.length === 0 ? <p className="muted">No date moved later in this period.</p> : null}
        <ul>
          {c.slips.map((s) => (
            <li key={`${s.title}-${s.changedOn}-${s.toDate}`}>
              <strong>{s.title}</strong> ({s.priorityTitle}): {formatDate(s.fromDate)} → {formatDate(s.toDate)} (+
              {plural(s.days, 'day', 'days')}) — {s.reason}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="report-trends">
        <h2 id="report-trends">Drift and confidence</h2>
        <TrendChart
          label="Drift score"
          points={c.driftTrend.map((p) => ({ date: p.date, value: p.score }))}
          max={100}
        />
        {c.confidenceTrends.map((t) => (
          <TrendChart
            key={t.priorityTitle}
            label={`Confidence: ${t.priorityTitle}`}
            points={t.points.map((p) => ({ date: p.date, value: p.confidence }))}
            max={10}
          />
        ))}
      </section>
      <section aria-labelledby="report-check-ins">
        <h2 id="report-check-ins">Check-in highlights</h2>
        {c.highlights.length === 0 ? <p className="muted">No check-ins in this period.</p> : null}
        <ul>
          {c.highlights.map((h) => (
            <li key={h.priorityTitle}>
              <strong>{h.priorityTitle}</strong> · {formatDate(h.date)} · {words(h.rag)} · confidence {h.confidence}
              <br />
              {h.note}
            </li>
          ))}
        </ul>
        <h3>Blockers raised</h3>
        {c.blockers.length === 0 ? <p className="muted">None.</p> : null}
        <ul>
          {c.blockers.map((b) => (
            <li key={`${b.priorityTitle}-${b.date}-${b.text}`}>
              <strong>{b.priorityTitle}</strong> · {formatDate(b.date)}: {b.text}
            </li>
          ))}
        </ul>
      </section>
      {c.pulse ? (
        <section aria-labelledby="report-pulse">
          <h2 id="report-pulse">Client pulse</h2>
          {c.pulse.answers === 0 ? (
            <p className="muted">No pulse answers in this period.</p>
          ) : (
            <p>
              Satisfaction with progress: <strong>{c.pulse.mean} of 5</strong> (
              {plural(c.pulse.answers, 'answer', 'answers')})
              {c.pulse.previousMean !== null ? `; the period before: ${c.pulse.previousMean} of 5` : ''}
            </p>
          )}
          <ul>
            {c.pulse.comments.map((p) => (
              <li key={`${p.date}-${p.comment}`}>
                {formatDate(p.date)} · {p.score} of 5: {p.comment}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="report-next">
        <h2 id="report-next">
          Next period ({formatDate(c.nextPeriod.start)} – {formatDate(c.nextPeriod.end)})
        </h2>
        <ol>
          {c.nextPeriodPriorities.map((p) => (
            <li key={p.title}>
              <strong>{p.title}</strong> · owner {p.ownerName} · {words(p.health)}
              {p.milestonesDue.length ? (
                <ul>
                  {p.milestonesDue.map((m) => (
                    <li key={m.title}>
                      {m.title}: due {formatDate(m.dueDate)}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted"> · no milestone due</span>
              )}
            </li>
          ))}
        </ol>
      </section>
      <footer className="muted">Prepared with Throughline on {formatDate(c.generatedOn)}</footer>
    </article>
  );
}

function TrendChart({
  label,
  points,
  max,
}: {
  label: string;
  points: Array<{ date: string; value: number }>;
  max: number;
}) {
  if (points.length === 0) return <p className="muted">{label}: no data in this period.</p>;
  return (
    <figure
      className="chart"
      role="img"
      aria-label={`${label}: from ${points[0].value} to ${points[points.length - 1].value}`}
    >
      <figcaption>{label}</figcaption>
      <ResponsiveContainer width="100%" height={140}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -18 }}>
          <CartesianGrid stroke="#e4e7ec" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={formatShortDate}
            minTickGap={24}
            tick={{ fontSize: 12, fill: '#475467' }}
          />
          <YAxis domain={[0, max]} tick={{ fontSize: 12, fill: '#475467' }} />
          <Tooltip labelFormatter={(d) => formatShortDate(String(d))} />
          <Line
            type="monotone"
            dataKey="value"
            name={label}
            stroke="#1d4ed8"
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
