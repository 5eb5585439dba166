import type { Schemas } from '../api/client';
import { dateRange, formatDate } from '../lib/format';

export type Milestone = Schemas['MilestoneView'];

export interface TimelineRow {
  milestone: Milestone;
  /** Positions on the shared axis, 0..100 (%). */
  baselineAt: number;
  landsAt: number;
  landsOn: string;
  slipped: boolean;
  label: string;
  /** The P50–P80 forecast band of an open milestone (positions 0..100), when the last scan forecast it. */
  band: { from: number; to: number; p50: string; p80: string } | null;
}

/** Where a milestone lands: completion day when done, else the later of due and forecast dates. */
export function landingDate(m: Milestone): string {
  if (m.status === 'done' && m.completedAt) return m.completedAt.slice(0, 10);
  return m.forecastDate && m.forecastDate > m.dueDate ? m.forecastDate : m.dueDate;
}

/** Pure layout of the timeline: one shared date axis for baselines, landings and today. */
export function timelineRows(
  milestones: Milestone[],
  asOf: string,
): { rows: TimelineRow[]; todayAt: number; from: string; to: string } {
  const dates = [
    asOf,
    ...milestones.flatMap((m) => [
      m.baselineDueDate,
      landingDate(m),
      ...(m.landingForecast ? [m.landingForecast.p80] : []),
    ]),
  ].sort();
  const from = dates[0];
  const to = dates[dates.length - 1];
  const span = Math.max(1, Date.parse(to) - Date.parse(from));
  const at = (date: string) => Math.round(((Date.parse(date) - Date.parse(from)) / span) * 1000) / 10;
  const rows = milestones.map((m): TimelineRow => {
    const slipped = m.slipDays > 0;
    const parts: string[] = [];
    const days = `${m.slipDays} ${m.slipDays === 1 ? 'day' : 'days'}`;
    if (m.status === 'done') parts.push(slipped ? `done ${days} late` : 'done on time');
    else if (m.status === 'cancelled') parts.push('cancelled');
    else parts.push(slipped ? `slipped ${days}` : 'on plan');
    if (m.replanCount > 0) parts.push(`re-planned ${m.replanCount}×`);
    if (m.overdue) parts.push('overdue');
    return {
      milestone: m,
      baselineAt: at(m.baselineDueDate),
      landsAt: at(landingDate(m)),
      landsOn: landingDate(m),
      slipped,
      label: parts.join(', '),
      band: m.landingForecast
        ? {
            from: at(m.landingForecast.p50),
            to: at(m.landingForecast.p80),
            p50: m.landingForecast.p50,
            p80: m.landingForecast.p80,
          }
        : null,
    };
  });
  return { rows, todayAt: at(asOf), from, to };
}

/** Baseline (hollow) against where each milestone lands (filled): slips and re-plans visible at a glance. */
export function MilestoneTimeline({
  milestones,
  asOf,
  onSelect,
}: {
  milestones: Milestone[];
  asOf: string;
  onSelect?: (m: Milestone) => void;
}) {
  if (milestones.length === 0) return <p className="state state-empty">No milestones yet.</p>;
  const { rows, todayAt, from, to } = timelineRows(milestones, asOf);
  return (
    <div className="timeline">
      <div className="timeline-axis" aria-hidden="true">
        <span>{formatDate(from)}</span>
        <span>{formatDate(to)}</span>
      </div>
      <ul className="timeline-rows">
        {rows.map((row) => {
          const left = Math.min(row.baselineAt, row.landsAt);
          const width = Math.abs(row.landsAt - row.baselineAt);
          const m = row.milestone;
          return (
            <li key={m.id} className={`timeline-row${row.slipped ? ' is-slipped' : ''}`} data-testid="timeline-row">
              <div className="timeline-label">
                <span className="timeline-title">{m.title}</span>
                <span className="timeline-dates">
                  Baseline {formatDate(m.baselineDueDate)}
                  {m.dueDate !== m.baselineDueDate ? <> → due {formatDate(m.dueDate)}</> : null}
                  {m.forecastDate && m.forecastDate !== m.dueDate ? (
                    <> · forecast {formatDate(m.forecastDate)}</>
                  ) : null}
                  {row.band ? (
                    <span className="timeline-likely" title={m.landingForecast?.basis}>
                      {' '}
                      · likely {dateRange(row.band.p50, row.band.p80, asOf)}
                    </span>
                  ) : null}
                </span>
                <span className={`timeline-status ${row.slipped ? 'text-red' : 'text-green'}`}>{row.label}</span>
                {onSelect ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelect(m)}
                    aria-label={`Details: actions and history for ${m.title}`}
                  >
                    Details
                  </button>
                ) : null}
              </div>
              <div
                className="timeline-track"
                role="img"
                aria-label={`${m.title}: baseline ${formatDate(m.baselineDueDate)}, lands ${formatDate(row.landsOn)} (${row.label})${row.band ? `, likely ${dateRange(row.band.p50, row.band.p80, asOf)}` : ''}`}
              >
                <span className="timeline-today" style={{ left: `${todayAt}%` }} />
                {row.band ? (
                  <span
                    className="timeline-forecast"
                    data-testid="forecast-band"
                    style={{ left: `${row.band.from}%`, width: `${Math.max(row.band.to - row.band.from, 0.8)}%` }}
                    title={`P50 ${formatDate(row.band.p50)} – P80 ${formatDate(row.band.p80)}: ${m.landingForecast?.basis ?? ''}`}
                  />
                ) : null}
                {width > 0 ? <span className="timeline-slip" style={{ left: `${left}%`, width: `${width}%` }} /> : null}
                <span className="timeline-baseline" style={{ left: `${row.baselineAt}%` }} title="Baseline" />
                <span
                  className={`timeline-current status-${m.status}`}
                  style={{ left: `${row.landsAt}%` }}
                  title="Current"
                />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="timeline-legend muted">
        <span className="legend-baseline" aria-hidden="true" /> baseline{' '}
        <span className="legend-current" aria-hidden="true" /> where it lands{' '}
        <span className="legend-slip" aria-hidden="true" /> slip <span className="legend-forecast" aria-hidden="true" />{' '}
        likely landing (P50–P80) <span className="legend-today" aria-hidden="true" /> today
      </p>
    </div>
  );
}
