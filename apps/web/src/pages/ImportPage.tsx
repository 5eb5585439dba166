import { useState } from 'react';
import { api, toApiError, unwrap, type ApiError, type Schemas } from '../api/client';
import { ErrorState } from '../components/states';

type Report = Schemas['ImportReportView'];
type ImportType = Report['rows'][number]['type'];

export const IMPORT_TYPES: ImportType[] = [
  'clients',
  'executives',
  'engagements',
  'owners',
  'priorities',
  'milestones',
];
const EXPORTS = ['portfolio', 'alerts', ...IMPORT_TYPES] as const;

type Download = Promise<{ data?: unknown; response: Response }>;

/** Saves a CSV the API answers (behind the login, so not a plain link) under `filename`. */
async function download(request: Download, filename: string): Promise<void> {
  const { data, response } = await request;
  if (!response.ok || !data) throw toApiError(undefined, response.status);
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** POST /imports with the chosen files as multipart/form-data. */
function upload(files: Partial<Record<ImportType, File>>, mode: 'dry-run' | 'commit'): Promise<Report> {
  const form = new FormData();
  for (const type of IMPORT_TYPES) if (files[type]) form.append(type, files[type]);
  return unwrap(
    api.POST('/api/v1/imports', {
      params: { query: { mode } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

/** Most rows the dry run's table shows. */
export const SHOWN_ROWS = 500;

/**
 * The rows the dry run's table shows: in file order, but with the rows that have errors first when there are any, so
 * an error on line 900 of a large file is not cut off.
 */
export function shownRows(report: Report): Report['rows'] {
  const rows = report.summary.error
    ? [...report.rows.filter((r) => r.outcome === 'error'), ...report.rows.filter((r) => r.outcome !== 'error')]
    : report.rows;
  return rows.slice(0, SHOWN_ROWS);
}

/**
 * The CSV import: choose a file per type, check it (a dry run: the table says what each row would do, or its errors),
 * then confirm to import every row at once. Also the templates and the exports.
 */
export function ImportSection() {
  const [files, setFiles] = useState<Partial<Record<ImportType, File>>>({});
  const [report, setReport] = useState<Report | null>(null);
  const [committed, setCommitted] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (mode: 'dry-run' | 'commit') => {
    setBusy(true);
    setError(null);
    try {
      const result = await upload(files, mode);
      if (mode === 'commit') {
        setCommitted(result);
        setReport(null);
      } else {
        setReport(result);
        setCommitted(null);
      }
    } catch (caught) {
      const apiError = toApiError(caught);
      // A commit refused for row errors carries the same per-row report as a dry run.
      const refused = (apiError.details as { report?: Report } | undefined)?.report;
      if (refused) setReport(refused);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };
  const chosen = IMPORT_TYPES.filter((t) => files[t]);
  const canCommit = report !== null && report.summary.error === 0 && !busy;

  return (
    <div>
      <div className="card">
        <h2>Import from CSV</h2>
        <p className="muted">
          One file per type, in the columns of its template. Rows are matched by <code>external_key</code>: importing
          the same file again changes nothing, and a changed row updates its record. Check first; nothing is written
          until you confirm, and then every row is written or none.
        </p>
        <p>
          Templates:{' '}
          {IMPORT_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className="link-button"
              aria-label={`${type} template`}
              onClick={() =>
                void download(
                  api.GET('/api/v1/imports/templates/{type}', { params: { path: { type } }, parseAs: 'blob' }),
                  `${type}-template.csv`,
                ).catch((e) => setError(toApiError(e)))
              }
            >
              {type}
            </button>
          ))}
        </p>
        <form
          aria-label="Import files"
          onSubmit={(e) => {
            e.preventDefault();
            void run('dry-run');
          }}
        >
          <div className="import-files">
            {IMPORT_TYPES.map((type) => (
              <label key={type} className="field">
                <span>{type[0].toUpperCase() + type.slice(1)}</span>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  name={type}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    setFiles((current) => ({ ...current, [type]: file }));
                    setReport(null);
                    setCommitted(null);
                  }}
                />
              </label>
            ))}
          </div>
          <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
            Check {chosen.length === 1 ? 'the file' : `${chosen.length} files`}
          </button>
        </form>
        {error ? <ErrorState error={error} /> : null}
        {committed ? (
          <p role="status" className="text-green">
            Imported: {committed.summary.created} created, {committed.summary.updated} updated,{' '}
            {committed.summary.unchanged} unchanged.
          </p>
        ) : null}
      </div>
      {report ? (
        <div className="card">
          <h2>Dry run</h2>
          <p role="status">
            {report.summary.created} to create, {report.summary.updated} to update, {report.summary.unchanged}{' '}
            unchanged,{' '}
            <strong className={report.summary.error ? 'text-red' : undefined}>
              {report.summary.error} with errors
            </strong>
            .
          </p>
          {report.summary.error === 0 ? (
            <p>
              <button
                type="button"
                className="primary"
                disabled={!canCommit}
                onClick={() => {
                  if (window.confirm(`Import ${report.rows.length} rows now?`)) void run('commit');
                }}
              >
                Import {report.rows.length} rows
              </button>
            </p>
          ) : (
            <p>Correct the rows with errors and check again: nothing is imported while any row has one.</p>
          )}
          <table aria-label="Rows of the dry run">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Line</th>
                <th scope="col">Key</th>
                <th scope="col">Result</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {shownRows(report).map((row) => (
                <tr key={`${row.type}-${row.line}`} className={row.outcome === 'error' ? 'row-error' : undefined}>
                  <td data-label="File">{row.type}</td>
                  <td data-label="Line">{row.line}</td>
                  <td data-label="Key">{row.externalKey}</td>
                  <td data-label="Result">{row.outcome}</td>
                  <td data-label="Details">
                    {row.errors.map((e) => `${e.column}: ${e.rule}`).join('; ') ||
                      (row.changed.length ? `changes ${row.changed.join(', ')}` : '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rows.length > SHOWN_ROWS ? (
            <p className="muted">
              {SHOWN_ROWS} of {report.rows.length} rows{report.summary.error ? ', those with errors first' : ''}.
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="card">
        <h2>Export as CSV</h2>
        <p>
          {EXPORTS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="link-button"
              aria-label={`Export ${kind}`}
              onClick={() =>
                void download(
                  api.GET('/api/v1/exports/{kind}', { params: { path: { kind } }, parseAs: 'blob' }),
                  `${kind}.csv`,
                ).catch((e) => setError(toApiError(e)))
              }
            >
              {kind}
            </button>
          ))}
        </p>
      </div>
    </div>
  );
}
