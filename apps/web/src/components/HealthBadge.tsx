import type { Schemas } from '../api/client';
import { percent } from '../lib/format';

export type Health = NonNullable<Schemas['PortfolioItemView']['health']>;
export type Rag = NonNullable<Schemas['PortfolioItemView']['reportedRag']>;

const LABELS: Record<Health, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  overdue: 'Overdue',
  achieved: 'Achieved',
  dropped: 'Dropped',
};
/** Traffic-light colour of a status: green, amber or red (overdue counts as red); a dropped priority is grey. */
export const tone = (status: Health | Rag): 'green' | 'amber' | 'red' | 'none' =>
  status === 'on_track' || status === 'achieved'
    ? 'green'
    : status === 'at_risk'
      ? 'amber'
      : status === 'dropped'
        ? 'none'
        : 'red';

/** A finished priority reads as its outcome ("Achieved"), not "0% done · 100% expected". */
export function ProgressCaption({
  health,
  progress,
  expectedProgress,
}: {
  health: Health;
  progress: number;
  expectedProgress: number;
}) {
  return (
    <p className="progress-caption">
      {health === 'achieved' || health === 'dropped'
        ? LABELS[health]
        : `${percent(progress)} done · ${percent(expectedProgress)} expected by today`}
    </p>
  );
}

export function StatusPill({ status, prefix }: { status: Health | Rag | null; prefix?: string }) {
  if (!status) return <span className="pill pill-none">{prefix ? `${prefix}: ` : ''}none yet</span>;
  return (
    <span className={`pill pill-${tone(status)}`}>
      {prefix ? `${prefix}: ` : ''}
      {LABELS[status]}
    </span>
  );
}

/**
 * Computed health next to the reported RAG; when the report is better than the numbers, says so in words
 * ("Reported green, computed red") rather than by colour alone.
 */
export function HealthVsRag({
  health,
  reportedRag,
  disagrees,
  why,
  headline,
  note,
}: {
  health: Health | null;
  reportedRag: Rag | null;
  disagrees: boolean;
  /** Why the numbers are worse, when known ("1 milestone 25 days overdue"). */
  why?: string | null;
  /** The one word the API derives for everyone (dashboard, digests, emails); shown first when given. */
  headline?: Health | null;
  /** The API's line when reported and computed differ ("reported on track; computed at risk: …"). */
  note?: string | null;
}) {
  return (
    <span className="health-vs-rag">
      {headline !== undefined ? (
        <span className="headline-status" title="The worse of computed health and reported status">
          <StatusPill status={headline} />
        </span>
      ) : null}
      <StatusPill status={health} prefix="Computed" />
      <StatusPill status={reportedRag} prefix="Reported" />
      {note !== undefined ? (
        note ? (
          <span className="disagree" role="note">
            ⚠ {note.charAt(0).toUpperCase() + note.slice(1)}
          </span>
        ) : null
      ) : disagrees && health && reportedRag ? (
        <span className="disagree" role="note">
          ⚠ Reported {colourWord(reportedRag)}, computed {colourWord(health)}
          {why ? `: ${why}` : ''}
        </span>
      ) : null}
    </span>
  );
}

function colourWord(status: Health | Rag): string {
  return { green: 'green', amber: 'amber', red: 'red', none: 'grey' }[tone(status)];
}

/** "1 milestone 25 days overdue" / "3 milestones overdue, the oldest by 40 days"; null when none is overdue. */
export function overdueReason(
  milestones: readonly { overdue: boolean; dueDate: string }[],
  asOf: string,
): string | null {
  const late = milestones.filter((m) => m.overdue);
  if (!late.length) return null;
  const days = Math.max(...late.map((m) => Math.round((Date.parse(asOf) - Date.parse(m.dueDate)) / 86_400_000)));
  const unit = days === 1 ? 'day' : 'days';
  return late.length === 1
    ? `1 milestone ${days} ${unit} overdue`
    : `${late.length} milestones overdue, the oldest by ${days} ${unit}`;
}
