import { useParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { useLoad } from '../lib/use-load';
import { useTitle } from '../lib/use-title';
import { ReportDocument, type ReportContent } from './ReportView';

/** A report opened from a share link: no login, read-only, a clear page when the link has ended. */
export default function SharedReportPage() {
  const { token = '' } = useParams();
  const report = useLoad(
    () => unwrap(api.GET('/api/v1/shared-reports/{token}', { params: { path: { token } } })),
    [token],
  );
  const content = report.data?.content as ReportContent | undefined;
  useTitle(content ? `Report ${content.clientName}` : 'Shared report');
  if (report.state === 'loading' && !report.data) return <main className="shared-report">Loading the report…</main>;
  if (report.state === 'error' && !report.data) {
    const ended = report.error.statusCode === 410;
    return (
      <main className="shared-report">
        <h1>{ended ? 'This link has ended' : 'This link does not work'}</h1>
        <p>
          {ended
            ? 'The report link expired or was revoked. Ask the person who sent it for a new one.'
            : report.error.statusCode === 429
              ? report.error.message
              : 'Check that the whole link was copied, or ask the person who sent it for a new one.'}
        </p>
      </main>
    );
  }
  return (
    <main className="shared-report">
      <p className="actions">
        <a href={`/api/v1/shared-reports/${encodeURIComponent(token)}/pdf`}>Download PDF</a>
      </p>
      <ReportDocument content={content!} />
    </main>
  );
}
