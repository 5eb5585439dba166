import { api, unwrap, type Schemas } from '../api/client';
import { Empty, ErrorState, Loading } from '../components/states';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/use-load';

type Report = Schemas['DisciplineReportView'];

const KIND_LABEL: Record<Report['items'][number]['kind'], string> = { executive: 'Executive', owner: 'Owner' };

/** On time as a share of the due check-ins counted, or null when none was due. */
export function onTimeShare(row: { onTime: number; late: number; missed: number }): number | null {
  const due = row.onTime + row.late + row.missed;
  return due === 0 ? null : Math.round((row.onTime / due) * 100);
}

/** The discipline report as a table: worst first (most missed, then most late). */
export function DisciplineTable({ report }: { report: Report }) {
  if (report.items.length === 0) return <Empty>No check-ins were due in the last {report.weeks} weeks.</Empty>;
  const rows = [...report.items].sort((a, b) => b.missed - a.missed || b.late - a.late || a.name.localeCompare(b.name));
  return (
    <table className="portfolio discipline">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">On time</th>
          <th scope="col">Late</th>
          <th scope="col">Missed</th>
          <th scope="col">On-time rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const share = onTimeShare(r);
          return (
            <tr key={`${r.kind}-${r.id}`}>
              <td data-label="Person">
                <span className="strong">{r.name}</span> <span className="muted">{KIND_LABEL[r.kind]}</span>
              </td>
              <td data-label="On time">{r.onTime}</td>
              <td data-label="Late">{r.late}</td>
              <td data-label="Missed" className={r.missed ? 'text-red' : undefined}>
                {r.missed}
              </td>
              <td data-label="On-time rate">{share === null ? '—' : `${share}%`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The check-in discipline section of the portfolio (admins, account managers, executives). */
export function CheckInDisciplineSection() {
  const report = useLoad(() => unwrap(api.GET('/api/v1/check-ins/discipline')), []);
  return (
    <section aria-labelledby="discipline-heading">
      <h2 id="discipline-heading">Check-in discipline</h2>
      {report.data ? (
        <p className="muted">
          Weekly check-ins due in the last {report.data.weeks} weeks, as of {formatDate(report.data.asOf)}: on time (by
          the due day), late (later that week), missed (none that week).
        </p>
      ) : null}
      {report.state === 'loading' && !report.data ? <Loading what="check-in discipline" /> : null}
      {report.state === 'error' ? <ErrorState error={report.error} retry={report.reload} /> : null}
      {report.data ? <DisciplineTable report={report.data} /> : null}
    </section>
  );
}
