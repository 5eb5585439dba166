import type { Schemas } from '../api/client';

export type Health = NonNullable<Schemas['PortfolioItemView']['health']>;
export type Rag = NonNullable<Schemas['PortfolioItemView']['reportedRag']>;

const LABELS: Record<Health, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  overdue: 'Overdue',
};
/** Traffic-light colour of a status: green, amber or red (overdue counts as red). */
export const tone = (status: Health | Rag): 'green' | 'amber' | 'red' =>
  status === 'on_track' ? 'green' : status === 'at_risk' ? 'amber' : 'red';

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
}: {
  health: Health | null;
  reportedRag: Rag | null;
  disagrees: boolean;
}) {
  return (
    <span className="health-vs-rag">
      <StatusPill status={health} prefix="Computed" />
      <StatusPill status={reportedRag} prefix="Reported" />
      {disagrees && health && reportedRag ? (
        <span className="disagree" role="note">
          ⚠ Reported {colourWord(reportedRag)}, computed {colourWord(health)}
        </span>
      ) : null}
    </span>
  );
}

function colourWord(status: Health | Rag): string {
  return { green: 'green', amber: 'amber', red: 'red' }[tone(status)];
}
