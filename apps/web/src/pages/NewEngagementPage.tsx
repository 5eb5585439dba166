import { DateTime } from 'luxon';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, idempotent, unwrap } from '../api/client';
import { FormError, SelectField, TextField, useForm, type FieldErrors } from '../components/forms';
import { unusualDueDate } from '../lib/date-sanity';
import { focusCapHint } from '../lib/focus-cap';
import { useLoad } from '../lib/use-load';
import { useTitle } from '../lib/use-title';

interface MilestoneDraft {
  title: string;
  dueDate: string;
  /** An unusual due date (years ago, after the target) the person said is right. */
  confirmed: boolean;
}
interface PriorityDraft {
  title: string;
  targetDate: string;
  status: 'active' | 'draft';
  ownerId: string;
  ownerName: string;
  ownerEmail: string;
  milestones: MilestoneDraft[];
}

const NEW = 'new';
const emptyPriority = (): PriorityDraft => ({
  title: '',
  targetDate: '',
  status: 'active',
  ownerId: NEW,
  ownerName: '',
  ownerEmail: '',
  milestones: [],
});

/**
 * One page for a whole engagement (issue 14): the client (or a new one), executive, function, dates, status and
 * allocation, and its priorities in rank order, each with one owner (existing or new) and its milestones. One
 * request writes it all or nothing; the API's messages show beside the field they name.
 */
export default function NewEngagementPage() {
  useTitle('New engagement');
  const navigate = useNavigate();
  const clients = useLoad(() => unwrap(api.GET('/api/v1/clients', { params: { query: { limit: 100 } } })), []);
  const executives = useLoad(() => unwrap(api.GET('/api/v1/executives', { params: { query: { limit: 100 } } })), []);
  const owners = useLoad(() => unwrap(api.GET('/api/v1/owners', { params: { query: { limit: 100 } } })), []);
  const settings = useLoad(() => unwrap(api.GET('/api/v1/organization/settings')), []);
  const [clientId, setClientId] = useState(NEW);
  const [clientName, setClientName] = useState('');
  const [clientStage, setClientStage] = useState<'emerging' | 'growth' | 'enterprise'>('growth');
  const [executiveId, setExecutiveId] = useState('');
  const [fn, setFn] = useState<'CRO' | 'CMO' | 'CPO'>('CRO');
  const [status, setStatus] = useState<'proposed' | 'active'>('active');
  const [startDate, setStartDate] = useState('');
  const [plannedEndDate, setPlannedEndDate] = useState('');
  const [daysPerWeek, setDaysPerWeek] = useState('2');
  const [priorities, setPriorities] = useState<PriorityDraft[]>([emptyPriority()]);

  const newClient = clientId === NEW;
  // A due date years in the past or after its priority's target is probably a typo: asked about, not refused.
  const today = DateTime.now().toISODate()!;
  const unusual = (p: PriorityDraft, m: MilestoneDraft) => unusualDueDate(m.dueDate, today, p.targetDate || null);
  const clientOwners = newClient ? [] : (owners.data?.items.filter((o) => o.clientId === clientId) ?? []);
  const focusCap = settings.data?.focusCap ?? 5;
  const update = (i: number, change: Partial<PriorityDraft>) =>
    setPriorities((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const updateMilestone = (i: number, k: number, change: Partial<MilestoneDraft>) =>
    update(i, { milestones: priorities[i]!.milestones.map((m, j) => (j === k ? { ...m, ...change } : m)) });

  const body = () => ({
    ...(newClient ? { client: { name: clientName, stage: clientStage, status: 'active' as const } } : { clientId }),
    executiveId,
    function: fn,
    status,
    startDate,
    plannedEndDate: plannedEndDate || null,
    daysPerWeek: Number(daysPerWeek),
    priorities: priorities.map((p) => ({
      title: p.title,
      targetDate: p.targetDate,
      status: p.status,
      ...(p.ownerId === NEW
        ? { owner: { name: p.ownerName, email: p.ownerEmail.trim() || null } }
        : { ownerId: p.ownerId }),
      // Every row is sent, so the API's `priorities[i].milestones[k]` names the row on screen.
      milestones: p.milestones.map((m) => ({
        title: m.title,
        dueDate: m.dueDate,
        status: 'planned' as const,
        weight: 1,
      })),
    })),
  });

  const form = useForm(
    (key) => unwrap(api.POST('/api/v1/engagements/setup', { params: idempotent(key), body: body() })),
    {
      byPath: true,
      validate: () => {
        const errors: FieldErrors = {};
        if (newClient && !clientName.trim()) errors['client.name'] = 'Name the new client.';
        if (!executiveId) errors.executiveId = 'Choose an executive.';
        if (!startDate) errors.startDate = 'Choose a start date.';
        priorities.forEach((p, i) => {
          if (!p.title.trim()) errors[`priorities[${i}].title`] = 'Title is required.';
          if (!p.targetDate) errors[`priorities[${i}].targetDate`] = 'Choose a target date.';
          if (p.ownerId === NEW && !p.ownerName.trim()) errors[`priorities[${i}].owner.name`] = 'Name the owner.';
          p.milestones.forEach((m, k) => {
            const odd = unusual(p, m);
            if (odd && !m.confirmed)
              errors[`priorities[${i}].milestones[${k}].dueDate`] = `${odd} Tick “This date is right” to keep it.`;
          });
        });
        return errors;
      },
      onDone: (created) => navigate(`/engagements/${created.engagement.id}`),
    },
  );
  const e = form.errors;
  const activeBefore = (i: number) => priorities.slice(0, i).filter((p) => p.status === 'active').length;

  return (
    <section>
      <h1>New engagement</h1>
      <p>
        <Link to="/manage/engagements">Back to engagements</Link>
      </p>
      <form className="card" onSubmit={form.onSubmit} noValidate aria-label="New engagement on one page">
        <FormError message={form.formError} />
        <fieldset>
          <legend>Engagement</legend>
          <SelectField
            label="Client"
            value={clientId}
            onChange={(ev) => setClientId(ev.target.value)}
            error={e.clientId}
          >
            <option value={NEW}>New client…</option>
            {clients.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          {newClient ? (
            <>
              <TextField
                label="New client name"
                value={clientName}
                onChange={(ev) => setClientName(ev.target.value)}
                error={e['client.name']}
              />
              <SelectField
                label="Client stage"
                value={clientStage}
                onChange={(ev) => setClientStage(ev.target.value as typeof clientStage)}
                error={e['client.stage']}
              >
                <option value="emerging">emerging</option>
                <option value="growth">growth</option>
                <option value="enterprise">enterprise</option>
              </SelectField>
            </>
          ) : null}
          <SelectField
            label="Executive"
            value={executiveId}
            onChange={(ev) => setExecutiveId(ev.target.value)}
            error={e.executiveId}
          >
            <option value="">Choose…</option>
            {executives.data?.items.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Function"
            value={fn}
            onChange={(ev) => setFn(ev.target.value as typeof fn)}
            error={e.function}
          >
            <option>CRO</option>
            <option>CMO</option>
            <option>CPO</option>
          </SelectField>
          <SelectField
            label="Status"
            value={status}
            onChange={(ev) => setStatus(ev.target.value as typeof status)}
            error={e.status}
          >
            <option value="active">active</option>
            <option value="proposed">proposed</option>
          </SelectField>
          <TextField
            label="Start date"
            type="date"
            value={startDate}
            onChange={(ev) => setStartDate(ev.target.value)}
            error={e.startDate}
          />
          <TextField
            label="Planned end date"
            type="date"
            value={plannedEndDate}
            onChange={(ev) => setPlannedEndDate(ev.target.value)}
            error={e.plannedEndDate}
          />
          <TextField
            label="Days per week"
            type="number"
            step="0.5"
            value={daysPerWeek}
            onChange={(ev) => setDaysPerWeek(ev.target.value)}
            error={e.daysPerWeek}
          />
        </fieldset>
        {priorities.map((p, i) => (
          <fieldset key={i} aria-label={`Priority ${i + 1}`}>
            <legend>Priority {i + 1}</legend>
            <TextField
              label={`Priority ${i + 1} title`}
              value={p.title}
              onChange={(ev) => update(i, { title: ev.target.value })}
              error={e[`priorities[${i}].title`]}
            />
            <TextField
              label={`Priority ${i + 1} target date`}
              type="date"
              value={p.targetDate}
              onChange={(ev) => update(i, { targetDate: ev.target.value })}
              error={e[`priorities[${i}].targetDate`]}
            />
            <SelectField
              label={`Priority ${i + 1} status`}
              value={p.status}
              onChange={(ev) => update(i, { status: ev.target.value as PriorityDraft['status'] })}
              hint={focusCapHint(activeBefore(i), focusCap, p.status)}
              error={e[`priorities[${i}].status`]}
            >
              <option value="active">active</option>
              <option value="draft">draft</option>
            </SelectField>
            <SelectField
              label={`Priority ${i + 1} owner`}
              value={p.ownerId}
              onChange={(ev) => update(i, { ownerId: ev.target.value })}
              error={e[`priorities[${i}].ownerId`]}
            >
              <option value={NEW}>New owner…</option>
              {clientOwners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            {p.ownerId === NEW ? (
              <>
                <TextField
                  label={`Priority ${i + 1} owner name`}
                  value={p.ownerName}
                  onChange={(ev) => update(i, { ownerName: ev.target.value })}
                  error={e[`priorities[${i}].owner.name`]}
                />
                <TextField
                  label={`Priority ${i + 1} owner email`}
                  type="email"
                  value={p.ownerEmail}
                  onChange={(ev) => update(i, { ownerEmail: ev.target.value })}
                  error={e[`priorities[${i}].owner.email`]}
                />
              </>
            ) : null}
            {p.milestones.map((m, k) => (
              <div key={k} className="milestone-row">
                <TextField
                  label={`Priority ${i + 1} milestone ${k + 1} title`}
                  value={m.title}
                  onChange={(ev) => updateMilestone(i, k, { title: ev.target.value })}
                  error={e[`priorities[${i}].milestones[${k}].title`]}
                />
                <TextField
                  label={`Priority ${i + 1} milestone ${k + 1} due date`}
                  type="date"
                  value={m.dueDate}
                  onChange={(ev) => updateMilestone(i, k, { dueDate: ev.target.value, confirmed: false })}
                  error={e[`priorities[${i}].milestones[${k}].dueDate`]}
                  hint={unusual(p, m) ? `${unusual(p, m)} Is it right?` : undefined}
                />
                {unusual(p, m) ? (
                  <label className="confirm-date">
                    <input
                      type="checkbox"
                      checked={m.confirmed}
                      onChange={(ev) => updateMilestone(i, k, { confirmed: ev.target.checked })}
                    />{' '}
                    This date is right
                  </label>
                ) : null}
                <button type="button" onClick={() => update(i, { milestones: p.milestones.filter((_, j) => j !== k) })}>
                  Remove milestone {k + 1} of priority {i + 1}
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={() => update(i, { milestones: [...p.milestones, { title: '', dueDate: '', confirmed: false }] })}
            >
              Add a milestone to priority {i + 1}
            </button>{' '}
            {priorities.length > 1 ? (
              <button type="button" onClick={() => setPriorities((ps) => ps.filter((_, j) => j !== i))}>
                Remove priority {i + 1}
              </button>
            ) : null}
          </fieldset>
        ))}
        <p>
          <button type="button" onClick={() => setPriorities((ps) => [...ps, emptyPriority()])}>
            Add a priority
          </button>
        </p>
        <button type="submit" className="primary" disabled={form.busy}>
          Create engagement with its priorities
        </button>
      </form>
    </section>
  );
}
