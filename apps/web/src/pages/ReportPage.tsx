import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap, type ApiError } from '../api/client';
import { isInternal, useMe } from '../auth/session';
import { Field, FormError, useForm } from '../components/forms';
import { ErrorState, Loading } from '../components/states';
import { formatInstant } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { useTitle } from '../lib/use-title';
import { ReportDocument, type ReportContent } from './ReportView';

/** A period report for signed-in people: the page, its PDF, and (for managers) its share links. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const report = useLoad(() => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })), [id]);
  const content = report.data?.content as ReportContent | undefined;
  useTitle(content ? `Report ${content.clientName}` : 'Report');
  const [pdfError, setPdfError] = useState<string | null>(null);

  if (report.state === 'loading' && !report.data) return <Loading what="the report" />;
  if (report.state === 'error' && !report.data) return <ErrorState error={report.error} />;
  const r = report.data!;

  async function downloadPdf() {
    setPdfError(null);
    const { data, response } = await api.GET('/api/v1/reports/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' });
    if (!response.ok || !data) return setPdfError('The PDF could not be made; try again.');
    const url = URL.createObjectURL(data as Blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report.pdf';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section>
      <p>
        <Link to={`/engagements/${r.engagementId}`}>← Engagement</Link>
      </p>
      <p className="actions">
        <button type="button" onClick={() => void downloadPdf()}>
          Download PDF
        </button>
        <FormError message={pdfError} />
      </p>
      {isInternal(me.role) ? <ShareLinks reportId={id} /> : null}
      <ReportDocument content={content!} />
    </section>
  );
}

function ShareLinks({ reportId }: { reportId: string }) {
  const links = useLoad(
    () => unwrap(api.GET('/api/v1/reports/{id}/share-links', { params: { path: { id: reportId } } })),
    [reportId],
  );
  const [days, setDays] = useState('14');
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const form = useForm(
    () =>
      unwrap(
        api.POST('/api/v1/reports/{id}/share-links', {
          params: { path: { id: reportId } },
          body: { expiresInDays: Number(days) },
        }),
      ),
    { onDone: () => links.reload() },
  );
  async function revoke(id: string) {
    setRevokeError(null);
    try {
      await unwrap(api.DELETE('/api/v1/report-share-links/{id}', { params: { path: { id } } }));
      links.reload();
    } catch (error) {
      setRevokeError((error as ApiError).message);
    }
  }
  return (
    <details className="share-links">
      <summary>Share without login</summary>
      <form onSubmit={form.onSubmit} noValidate aria-label="New share link">
        <FormError message={form.formError} />
        <Field label="Link works for (days)" error={form.errors.expiresInDays} hint="1 to 90 days; you can revoke it">
          {(props) => (
            <input {...props} type="number" min={1} max={90} value={days} onChange={(e) => setDays(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="primary" disabled={form.busy}>
          Create share link
        </button>
      </form>
      {form.done ? (
        <p role="status">
          Send this link (shown once): <input readOnly value={form.done.url} aria-label="Share link" size={60} />
        </p>
      ) : null}
      <FormError message={revokeError} />
      <ul>
        {(links.data?.items ?? []).map((l) => (
          <li key={l.id}>
            {l.revokedAt ? `Revoked ${formatInstant(l.revokedAt)}` : `Works until ${formatInstant(l.expiresAt)}`} ·{' '}
            {l.viewCount} {l.viewCount === 1 ? 'view' : 'views'}
            {!l.revokedAt ? (
              <button type="button" onClick={() => void revoke(l.id)}>
                Revoke
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
