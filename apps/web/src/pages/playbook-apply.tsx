import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { FormError, SelectField, TextField, fieldErrorsOf, type FieldErrors } from '../components/forms';
import { ErrorState } from '../components/states';
import { formatDate, plural } from '../lib/format';
import { useLoad } from '../lib/use-load';

type Preview = Schemas['PlaybookApplicationView'];

/**
 * "Apply playbook" on an engagement: choose a playbook, a start date and one owner per priority, see exactly what
 * would be created (the API's dry run: ranks, dates, active or draft under the focus cap), then confirm.
 */
export function ApplyPlaybookPanel({
  engagementId,
  clientId,
  onApplied,
}: {
  engagementId: string;
  clientId: string;
  onApplied: () => void;
}) {
  const playbooks = useLoad(() => unwrap(api.GET('/api/v1/playbooks', { params: { query: {} } })), []);
  const owners = useLoad(
    () => unwrap(api.GET('/api/v1/owners', { params: { query: { limit: 100, clientId } } })),
    [clientId],
  );
  const [playbookId, setPlaybookId] = useState('');
  const playbook = useLoad(
    () =>
      playbookId
        ? unwrap(api.GET('/api/v1/playbooks/{id}', { params: { path: { id: playbookId } } }))
        : Promise.resolve(null),
    [playbookId],
  );
  const [startDate, setStartDate] = useState('');
  const [ownerIds, setOwnerIds] = useState<string[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [applied, setApplied] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const plan = playbook.data?.priorities ?? [];
  const body = () => ({
    playbookId,
    version: playbook.data?.version,
    ownerIds: plan.map((_, i) => ownerIds[i] ?? ''),
    ...(startDate ? { startDate } : {}),
  });
  const changed = () => (setPreview(null), setFormError(null));

  async function send(dryRun: boolean) {
    const local: FieldErrors = {};
    if (!playbookId) local.playbookId = 'Choose a playbook.';
    plan.forEach((_, i) => {
      if (!ownerIds[i]) local[`owner${i}`] = 'Every priority needs exactly one owner.';
    });
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const path = { params: { path: { id: engagementId } }, body: body() };
      if (dryRun) setPreview(await unwrap(api.POST('/api/v1/engagements/{id}/playbook-applications/preview', path)));
      else {
        const result = await unwrap(api.POST('/api/v1/engagements/{id}/playbook-applications', path));
        setApplied(result);
        setPreview(null);
        setPlaybookId('');
        setOwnerIds([]);
        setStartDate('');
        onApplied();
      }
    } catch (caught) {
      const error = caught as ApiError;
      const byField = fieldErrorsOf(error);
      setErrors(byField);
      setFormError(Object.keys(byField).length ? 'Please correct the fields marked below.' : error.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-label="Apply playbook">
      <h2>Apply playbook</h2>
      {applied ? (
        <p role="status" className="text-green">
          {applied.message} From “{applied.playbookName}” v{applied.version}.
        </p>
      ) : null}
      {playbooks.state === 'error' ? <ErrorState error={playbooks.error} retry={playbooks.reload} /> : null}
      {playbooks.data && playbooks.data.length === 0 ? (
        <p className="muted">
          No playbooks yet. <Link to="/playbooks/new">Write one</Link>.
        </p>
      ) : null}
      <FormError message={formError} />
      <SelectField
        label="Playbook"
        value={playbookId}
        onChange={(e) => (setPlaybookId(e.target.value), setOwnerIds([]), setApplied(null), changed())}
        error={errors.playbookId}
      >
        <option value="">Choose…</option>
        {playbooks.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.function}, v{p.version})
          </option>
        ))}
      </SelectField>
      {playbook.state === 'error' ? <ErrorState error={playbook.error} retry={playbook.reload} /> : null}
      {playbook.data ? (
        <>
          <TextField
            label="Start date (day 0)"
            type="date"
            hint="Empty: today in the organization’s timezone"
            value={startDate}
            onChange={(e) => (setStartDate(e.target.value), changed())}
            error={errors.startDate}
          />
          {plan.map((p, i) => (
            <SelectField
              key={`${playbookId}-${i}`}
              label={`Owner of “${p.title}”`}
              hint={p.suggestedOwnerTitle ? `Suggested: ${p.suggestedOwnerTitle}` : undefined}
              value={ownerIds[i] ?? ''}
              onChange={(e) => {
                const next = [...ownerIds];
                next[i] = e.target.value;
                setOwnerIds(next);
                changed();
              }}
              error={errors[`owner${i}`]}
            >
              <option value="">Choose…</option>
              {owners.data?.items.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {o.title ? ` (${o.title})` : ''}
                </option>
              ))}
            </SelectField>
          ))}
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void send(true)}>
              Preview
            </button>
            {preview ? (
              <button type="button" className="primary" disabled={busy} onClick={() => void send(false)}>
                Confirm and apply
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      {preview ? <PreviewTable preview={preview} owners={owners.data?.items ?? []} /> : null}
    </section>
  );
}

function PreviewTable({ preview, owners }: { preview: Preview; owners: Schemas['OwnerView'][] }) {
  const ownerName = (id: string) => owners.find((o) => o.id === id)?.name ?? id;
  const milestones = preview.priorities.reduce((n, p) => n + p.milestones.length, 0);
  return (
    <div className="playbook-preview">
      <p role="status">
        <strong>{preview.message}</strong> {plural(milestones, 'milestone', 'milestones')} from{' '}
        {formatDate(preview.startDate)}; {preview.activeBefore} active before, focus cap {preview.focusCap}. Nothing is
        written until you confirm.
      </p>
      <table aria-label="What applying creates">
        <thead>
          <tr>
            <th>Rank</th>
            <th>Priority</th>
            <th>Status</th>
            <th>Owner</th>
            <th>Dates</th>
            <th>Milestones</th>
          </tr>
        </thead>
        <tbody>
          {preview.priorities.map((p) => (
            <tr key={p.position}>
              <td data-label="Rank">{p.rank}</td>
              <td data-label="Priority">{p.title}</td>
              <td data-label="Status">
                <span className={`pill ${p.status === 'active' ? 'pill-green' : 'pill-none'}`}>
                  {p.status === 'active' ? 'active' : 'draft (focus cap)'}
                </span>
              </td>
              <td data-label="Owner">{ownerName(p.ownerId)}</td>
              <td data-label="Dates">
                {formatDate(p.startDate)} – {formatDate(p.targetDate)}
              </td>
              <td data-label="Milestones">
                <ul className="plain-list">
                  {p.milestones.map((m, i) => (
                    <li key={i}>
                      {formatDate(m.dueDate)} · {m.title}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
