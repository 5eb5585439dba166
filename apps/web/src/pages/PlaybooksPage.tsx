import { useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../api/client';
import { isInternal, useMe } from '../auth/session';
import { FormError, SelectField, TextArea, TextField, fieldErrorsOf, type FieldErrors } from '../components/forms';
import { Empty, ErrorState, Loading } from '../components/states';
import { formatInstant, plural } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { useTitle } from '../lib/use-title';

type Playbook = Schemas['PlaybookView'];
type Write = Schemas['WritePlaybookDto'];
type Fn = Write['function'];

export default function PlaybooksPage() {
  const me = useMe();
  if (!isInternal(me.role))
    return <p className="state state-error">Only admins and account managers manage playbooks.</p>;
  return (
    <Routes>
      <Route index element={<PlaybookList />} />
      <Route path="new" element={<PlaybookEditor />} />
      <Route path=":id" element={<PlaybookEditor />} />
    </Routes>
  );
}

function PlaybookList() {
  useTitle('Playbooks');
  const [archived, setArchived] = useState(false);
  const list = useLoad(
    () => unwrap(api.GET('/api/v1/playbooks', { params: { query: archived ? { includeArchived: true } : {} } })),
    [archived],
  );
  const effectiveness = useLoad(() => unwrap(api.GET('/api/v1/playbooks/effectiveness')), []);
  return (
    <section>
      <h1>Playbooks</h1>
      <p>
        Proven plans: ordered priorities with milestones at day offsets from the start. Apply one from an engagement’s
        page; every edit keeps the earlier version for the engagements built from it.
      </p>
      <p className="actions">
        <Link className="button primary" to="/playbooks/new">
          New playbook
        </Link>
        <label className="inline">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Show archived
        </label>
      </p>
      {list.state === 'loading' && !list.data ? <Loading what="playbooks" /> : null}
      {list.state === 'error' ? <ErrorState error={list.error} retry={list.reload} /> : null}
      {list.data && list.data.length === 0 ? <Empty>No playbooks yet.</Empty> : null}
      {list.data && list.data.length > 0 ? (
        <table aria-label="Playbooks">
          <thead>
            <tr>
              <th>Playbook</th>
              <th>Function</th>
              <th>Plan</th>
              <th>Version</th>
              <th>Applied</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <td data-label="Playbook">
                  <Link to={`/playbooks/${p.id}`}>{p.name}</Link>
                  {p.archivedAt ? <span className="pill pill-none"> archived</span> : null}
                  {p.description ? <div className="muted">{p.description}</div> : null}
                </td>
                <td data-label="Function">{p.function}</td>
                <td data-label="Plan">
                  {plural(p.priorityCount, 'priority', 'priorities')},{' '}
                  {plural(p.milestoneCount, 'milestone', 'milestones')}
                </td>
                <td data-label="Version">v{p.version}</td>
                <td data-label="Applied">{plural(p.applications, 'time', 'times')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>Effectiveness</h2>
      <p className="muted">
        Per version, over the milestones its applications created: on time (done by the baseline date, of those done or
        already late), slip in days, re-plans per milestone, priorities achieved.
      </p>
      {effectiveness.state === 'error' ? <ErrorState error={effectiveness.error} retry={effectiveness.reload} /> : null}
      {effectiveness.data ? <EffectivenessTable rows={effectiveness.data} /> : null}
    </section>
  );
}

function EffectivenessTable({ rows }: { rows: Schemas['PlaybookEffectivenessView'][] }) {
  if (rows.length === 0) return <Empty>No playbook has been applied yet.</Empty>;
  const n = (v: number | null, suffix = '') => (v === null ? '—' : `${v}${suffix}`);
  return (
    <table aria-label="Playbook effectiveness">
      <thead>
        <tr>
          <th>Playbook</th>
          <th>Engagements</th>
          <th>On time</th>
          <th>Slip (median / mean)</th>
          <th>Re-plans per milestone</th>
          <th>Priorities achieved</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.playbookId}-${r.version}`}>
            <td data-label="Playbook">
              {r.playbookName} v{r.version}
            </td>
            <td data-label="Engagements">{r.engagements}</td>
            <td data-label="On time">
              {r.onTime} of {r.assessed} {r.onTimeRate === null ? '' : `(${Math.round(r.onTimeRate * 100)}%)`}
            </td>
            <td data-label="Slip (median / mean)">
              {n(r.medianSlipDays, ' d')} / {n(r.meanSlipDays, ' d')}
            </td>
            <td data-label="Re-plans per milestone">{n(r.replansPerMilestone)}</td>
            <td data-label="Priorities achieved">
              {r.prioritiesAchieved} of {r.priorities}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const emptyMilestone = (): Write['priorities'][number]['milestones'][number] => ({
  title: '',
  offsetDays: 14,
  weight: 1,
});
const emptyPriority = (): Write['priorities'][number] => ({
  title: '',
  description: null,
  suggestedOwnerTitle: null,
  startOffsetDays: 0,
  targetOffsetDays: 90,
  milestones: [emptyMilestone()],
});

function PlaybookEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useLoad(
    () => (id ? unwrap(api.GET('/api/v1/playbooks/{id}', { params: { path: { id } } })) : Promise.resolve(null)),
    [id],
  );
  const [draft, setDraft] = useState<Write>({
    name: '',
    function: 'any',
    description: null,
    priorities: [emptyPriority()],
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Playbook | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle(id ? (existing.data?.name ?? 'Playbook') : 'New playbook');
  useEffect(() => {
    const p = existing.data;
    if (p)
      setDraft({
        name: p.name,
        function: p.function,
        description: p.description,
        priorities: p.priorities.map((x) => ({ ...x, milestones: x.milestones.map((m) => ({ ...m })) })),
      });
  }, [existing.data]);

  if (id && existing.state === 'loading' && !existing.data) return <Loading what="the playbook" />;
  if (id && existing.state === 'error') return <ErrorState error={existing.error} />;

  const setPriority = (i: number, patch: Partial<Write['priorities'][number]>) =>
    setDraft((d) => ({ ...d, priorities: d.priorities.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const setMilestone = (i: number, k: number, patch: Partial<Write['priorities'][number]['milestones'][number]>) =>
    setPriority(i, { milestones: draft.priorities[i]!.milestones.map((m, j) => (j === k ? { ...m, ...patch } : m)) });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setSaved(null);
    if (!draft.name.trim()) return setErrors({ name: 'Give the playbook a name.' });
    setBusy(true);
    try {
      const result = id
        ? await unwrap(api.PUT('/api/v1/playbooks/{id}', { params: { path: { id } }, body: draft }))
        : await unwrap(api.POST('/api/v1/playbooks', { body: draft }));
      setSaved(result);
      if (!id) navigate(`/playbooks/${result.id}`, { replace: true });
      else existing.reload();
    } catch (caught) {
      const error = caught as ApiError;
      const byField = fieldErrorsOf(error);
      setErrors(byField);
      setFormError(Object.keys(byField).length ? `${error.message}` : error.message);
    } finally {
      setBusy(false);
    }
  }

  async function archive(archived: boolean) {
    if (!id) return;
    setBusy(true);
    try {
      await unwrap(
        api.POST(archived ? '/api/v1/playbooks/{id}/archive' : '/api/v1/playbooks/{id}/restore', {
          params: { path: { id } },
        }),
      );
      existing.reload();
    } catch (caught) {
      setFormError((caught as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  const current = existing.data;
  return (
    <section>
      <p>
        <Link to="/playbooks">← Playbooks</Link>
      </p>
      <h1>{id ? `Edit ${current?.name ?? 'playbook'}` : 'New playbook'}</h1>
      {current ? (
        <p className="muted">
          Version {current.version}, last changed {formatInstant(current.updatedAt)}; applied{' '}
          {plural(current.applications, 'time', 'times')}. Saving writes version {current.version + 1}.
          {current.archivedAt ? ' Archived.' : ''}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="text-green">
          Saved as version {saved.version}.
        </p>
      ) : null}
      <form className="card" onSubmit={save} noValidate aria-label="Playbook">
        <FormError message={formError} />
        <TextField
          label="Name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={errors.name}
        />
        <SelectField
          label="Function"
          value={draft.function}
          onChange={(e) => setDraft({ ...draft, function: e.target.value as Fn })}
        >
          {(['CRO', 'CMO', 'CPO', 'any'] as const).map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </SelectField>
        <TextArea
          label="Description"
          value={draft.description ?? ''}
          onChange={(e) => setDraft({ ...draft, description: e.target.value || null })}
        />
        <h2>Priorities, in order</h2>
        {draft.priorities.map((p, i) => (
          <fieldset key={i} className="subform">
            <legend>Priority {i + 1}</legend>
            <TextField label="Title" value={p.title} onChange={(e) => setPriority(i, { title: e.target.value })} />
            <TextField
              label="Suggested owner title"
              value={p.suggestedOwnerTitle ?? ''}
              onChange={(e) => setPriority(i, { suggestedOwnerTitle: e.target.value || null })}
            />
            <TextField
              label="Starts on day"
              type="number"
              min={0}
              value={p.startOffsetDays ?? 0}
              onChange={(e) => setPriority(i, { startOffsetDays: Number(e.target.value) })}
            />
            <TextField
              label="Target on day"
              type="number"
              min={0}
              value={p.targetOffsetDays}
              onChange={(e) => setPriority(i, { targetOffsetDays: Number(e.target.value) })}
            />
            <table aria-label={`Milestones of priority ${i + 1}`}>
              <thead>
                <tr>
                  <th>Milestone</th>
                  <th>Day</th>
                  <th>Weight</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {p.milestones.map((m, k) => (
                  <tr key={k}>
                    <td data-label="Milestone">
                      <input
                        aria-label={`Milestone ${k + 1} title`}
                        value={m.title}
                        onChange={(e) => setMilestone(i, k, { title: e.target.value })}
                      />
                    </td>
                    <td data-label="Day">
                      <input
                        aria-label={`Milestone ${k + 1} day`}
                        type="number"
                        min={0}
                        value={m.offsetDays}
                        onChange={(e) => setMilestone(i, k, { offsetDays: Number(e.target.value) })}
                      />
                    </td>
                    <td data-label="Weight">
                      <input
                        aria-label={`Milestone ${k + 1} weight`}
                        type="number"
                        min={0.01}
                        step={0.5}
                        value={m.weight ?? 1}
                        onChange={(e) => setMilestone(i, k, { weight: Number(e.target.value) })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setPriority(i, { milestones: p.milestones.filter((_, j) => j !== k) })}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions">
              <button type="button" onClick={() => setPriority(i, { milestones: [...p.milestones, emptyMilestone()] })}>
                Add milestone
              </button>
              {draft.priorities.length > 1 ? (
                <button
                  type="button"
                  onClick={() => setDraft({ ...draft, priorities: draft.priorities.filter((_, j) => j !== i) })}
                >
                  Remove priority
                </button>
              ) : null}
            </div>
          </fieldset>
        ))}
        <div className="actions">
          <button
            type="button"
            onClick={() => setDraft({ ...draft, priorities: [...draft.priorities, emptyPriority()] })}
          >
            Add priority
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {id ? 'Save as a new version' : 'Create playbook'}
          </button>
          {current ? (
            <button type="button" disabled={busy} onClick={() => void archive(!current.archivedAt)}>
              {current.archivedAt ? 'Restore' : 'Archive'}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
