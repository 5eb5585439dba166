import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, idempotent, unwrap, type ApiError, type Schemas } from '../api/client';
import { FormError, SelectField, TextField, useForm, type FieldErrors } from '../components/forms';
import { Empty, ErrorState, Loading } from '../components/states';
import { formatDate, plural } from '../lib/format';
import { focusCapHint } from '../lib/focus-cap';
import { useLoad, type Loaded } from '../lib/use-load';

const required = (values: Record<string, string>, messages: Record<string, string>): FieldErrors =>
  Object.fromEntries(Object.entries(messages).filter(([field]) => !values[field]?.trim()));

function ListState<T>({
  loaded,
  what,
  children,
}: {
  loaded: Loaded<{ items: T[] }>;
  what: string;
  children: (items: T[]) => React.ReactNode;
}) {
  if (loaded.state === 'loading' && !loaded.data) return <Loading what={what} />;
  if (loaded.state === 'error' && !loaded.data) return <ErrorState error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data || loaded.data.items.length === 0) return <Empty>No {what} yet.</Empty>;
  return <>{children(loaded.data.items)}</>;
}

const useClients = () => useLoad(() => unwrap(api.GET('/api/v1/clients', { params: { query: { limit: 100 } } })), []);
const useExecutives = () =>
  useLoad(() => unwrap(api.GET('/api/v1/executives', { params: { query: { limit: 100 } } })), []);

export function ClientsSection() {
  const clients = useClients();
  const [editing, setEditing] = useState<Schemas['ClientView'] | null>(null);
  const [name, setName] = useState('');
  const [industry, setIndustry] = useState('');
  const [stage, setStage] = useState<Schemas['CreateClientDto']['stage']>('growth');
  const [status, setStatus] = useState<Schemas['CreateClientDto']['status']>('active');
  const reset = () => {
    setEditing(null);
    setName('');
    setIndustry('');
    setStage('growth');
    setStatus('active');
  };
  const form = useForm(
    (key) => {
      const body = { name, industry: industry.trim() || null, stage, status };
      return editing
        ? unwrap(api.PATCH('/api/v1/clients/{id}', { params: { path: { id: editing.id } }, body }))
        : unwrap(api.POST('/api/v1/clients', { params: idempotent(key), body }));
    },
    {
      validate: () => required({ name }, { name: 'Enter the company name.' }),
      reset,
      onDone: () => clients.reload(),
    },
  );
  return (
    <div className="manage-grid">
      <ListState loaded={clients} what="clients">
        {(items) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Stage</th>
                <th scope="col">Status</th>
                <th scope="col">Edit</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td data-label="Client">
                    {c.name}
                    <div className="muted">{c.industry}</div>
                  </td>
                  <td data-label="Stage">{c.stage}</td>
                  <td data-label="Status">{c.status}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => (
                        setEditing(c),
                        setName(c.name),
                        setIndustry(c.industry ?? ''),
                        setStage(c.stage),
                        setStatus(c.status)
                      )}
                      aria-label={`Edit ${c.name}`}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
      <form className="card" onSubmit={form.onSubmit} noValidate aria-label={editing ? 'Edit client' : 'New client'}>
        <h2>{editing ? `Edit ${editing.name}` : 'New client'}</h2>
        <FormError message={form.formError} />
        <TextField
          label="Company name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.name}
        />
        <TextField
          label="Industry"
          value={industry}
          onChange={(e) => setIndustry(e.target.value)}
          error={form.errors.industry}
        />
        <SelectField
          label="Stage"
          value={stage}
          onChange={(e) => setStage(e.target.value as typeof stage)}
          error={form.errors.stage}
        >
          <option value="emerging">Emerging</option>
          <option value="growth">Growth</option>
          <option value="enterprise">Enterprise</option>
        </SelectField>
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          error={form.errors.status}
        >
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </SelectField>
        <EditActions
          editing={Boolean(editing)}
          busy={form.busy}
          save="Save client"
          create="Create client"
          onCancel={reset}
        />
      </form>
    </div>
  );
}

export function ExecutivesSection() {
  const executives = useExecutives();
  const [editing, setEditing] = useState<Schemas['ExecutiveView'] | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [functions, setFunctions] = useState<Array<'CRO' | 'CMO' | 'CPO'>>(['CRO']);
  const reset = () => (setEditing(null), setName(''), setEmail(''), setFunctions(['CRO']));
  const form = useForm(
    (key) =>
      editing
        ? unwrap(
            api.PATCH('/api/v1/executives/{id}', {
              params: { path: { id: editing.id } },
              body: { name, email, functions },
            }),
          )
        : unwrap(api.POST('/api/v1/executives', { params: idempotent(key), body: { name, email, functions } })),
    {
      validate: () =>
        required({ name, email }, { name: 'Enter the executive’s name.', email: 'Enter an email address.' }),
      reset,
      onDone: () => executives.reload(),
    },
  );
  return (
    <div className="manage-grid">
      <ListState loaded={executives} what="executives">
        {(items) => (
          <ul className="plain-list">
            {items.map((x) => (
              <li key={x.id}>
                <strong>{x.name}</strong> · {x.functions.join(', ')} · <span className="muted">{x.email}</span>{' '}
                <button
                  type="button"
                  onClick={() => (setEditing(x), setName(x.name), setEmail(x.email), setFunctions(x.functions))}
                  aria-label={`Edit ${x.name}`}
                >
                  Edit
                </button>
              </li>
            ))}
          </ul>
        )}
      </ListState>
      <form
        className="card"
        onSubmit={form.onSubmit}
        noValidate
        aria-label={editing ? 'Edit executive' : 'New executive'}
      >
        <h2>{editing ? `Edit ${editing.name}` : 'New executive'}</h2>
        <FormError message={form.formError} />
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={form.errors.name} />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.errors.email}
        />
        <fieldset>
          <legend>Functions</legend>
          {(['CRO', 'CMO', 'CPO'] as const).map((f) => (
            <label key={f} className="inline">
              <input
                type="checkbox"
                checked={functions.includes(f)}
                onChange={(e) => setFunctions(e.target.checked ? [...functions, f] : functions.filter((x) => x !== f))}
              />{' '}
              {f}
            </label>
          ))}
          {form.errors.functions ? <span className="field-error">{form.errors.functions}</span> : null}
        </fieldset>
        <EditActions
          editing={Boolean(editing)}
          busy={form.busy}
          save="Save executive"
          create="Create executive"
          onCancel={reset}
        />
      </form>
    </div>
  );
}

export function EngagementsSection() {
  const engagements = useLoad(() => unwrap(api.GET('/api/v1/engagements', { params: { query: { limit: 100 } } })), []);
  const clients = useClients();
  const executives = useExecutives();
  const [clientId, setClientId] = useState('');
  const [executiveId, setExecutiveId] = useState('');
  const [fn, setFn] = useState<'CRO' | 'CMO' | 'CPO'>('CRO');
  const [startDate, setStartDate] = useState('');
  const [daysPerWeek, setDaysPerWeek] = useState('2');
  const [checkInCadence, setCheckInCadence] = useState<CheckInCadence>('weekly');
  const form = useForm(
    (key) =>
      unwrap(
        api.POST('/api/v1/engagements', {
          params: idempotent(key),
          body: {
            clientId,
            executiveId,
            function: fn,
            startDate,
            daysPerWeek: Number(daysPerWeek),
            status: 'active',
            checkInCadence,
          },
        }),
      ),
    {
      validate: () =>
        required(
          { clientId, executiveId, startDate },
          { clientId: 'Choose a client.', executiveId: 'Choose an executive.', startDate: 'Choose a start date.' },
        ),
      reset: () => (
        setClientId(''),
        setExecutiveId(''),
        setFn('CRO'),
        setStartDate(''),
        setDaysPerWeek('2'),
        setCheckInCadence('weekly')
      ),
      onDone: () => engagements.reload(),
    },
  );
  return (
    <div className="manage-grid">
      <ListState loaded={engagements} what="engagements">
        {(items) => (
          <ul className="plain-list">
            {items.map((e) => (
              <li key={e.id}>
                <Link to={`/engagements/${e.id}`}>
                  {e.clientName} · {e.function}
                </Link>{' '}
                · {e.executiveName} · {e.status} · from {formatDate(e.startDate)}
                {e.daysPerWeek !== undefined ? ` · ${e.daysPerWeek} d/wk` : ''}
                {e.checkInCadence === 'off' ? ' · check-ins off' : ''}
                <EngagementEditor engagement={e} onSaved={engagements.reload} />
              </li>
            ))}
          </ul>
        )}
      </ListState>
      <form className="card" onSubmit={form.onSubmit} noValidate aria-label="New engagement">
        <h2>New engagement</h2>
        <p>
          <Link to="/manage/engagements/new">Set up an engagement on one page</Link>: a new client, priorities, owners
          and milestones at once.
        </p>
        <FormError message={form.formError} />
        <SelectField
          label="Client"
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          error={form.errors.clientId}
        >
          <option value="">Choose…</option>
          {clients.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Executive"
          value={executiveId}
          onChange={(e) => setExecutiveId(e.target.value)}
          error={form.errors.executiveId}
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
          onChange={(e) => setFn(e.target.value as typeof fn)}
          error={form.errors.function}
        >
          <option>CRO</option>
          <option>CMO</option>
          <option>CPO</option>
        </SelectField>
        <TextField
          label="Start date"
          type="date"
          value={startDate}
          onChange={(e) => setStartDate(e.target.value)}
          error={form.errors.startDate}
        />
        <TextField
          label="Days per week"
          type="number"
          step="0.5"
          value={daysPerWeek}
          onChange={(e) => setDaysPerWeek(e.target.value)}
          error={form.errors.daysPerWeek}
        />
        <CheckInCadenceField value={checkInCadence} onChange={setCheckInCadence} error={form.errors.checkInCadence} />
        <button type="submit" className="primary" disabled={form.busy}>
          Create engagement
        </button>
      </form>
    </div>
  );
}

export function OwnersSection() {
  const owners = useLoad(() => unwrap(api.GET('/api/v1/owners', { params: { query: { limit: 100 } } })), []);
  const clients = useClients();
  const [editing, setEditing] = useState<Schemas['OwnerView'] | null>(null);
  const [clientId, setClientId] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const reset = () => (setEditing(null), setName(''), setTitle(''), setEmail(''));
  const form = useForm(
    (key) => {
      const body = { name, title: title.trim() || null, email: email.trim() || null };
      return editing
        ? unwrap(api.PATCH('/api/v1/owners/{id}', { params: { path: { id: editing.id } }, body }))
        : unwrap(api.POST('/api/v1/owners', { params: idempotent(key), body: { clientId, ...body } }));
    },
    {
      validate: () =>
        required(
          { clientId: editing ? 'kept' : clientId, name },
          { clientId: 'Choose the client this owner belongs to.', name: 'Enter the owner’s name.' },
        ),
      reset,
      onDone: () => owners.reload(),
    },
  );
  const clientName = new Map(clients.data?.items.map((c) => [c.id, c.name]));
  return (
    <div className="manage-grid">
      <ListState loaded={owners} what="owners">
        {(items) => (
          <ul className="plain-list">
            {items.map((o) => (
              <li key={o.id}>
                <strong>{o.name}</strong>
                {o.title ? `, ${o.title}` : ''} · {clientName.get(o.clientId) ?? ''} ·{' '}
                {plural(o.activePriorities, 'active priority', 'active priorities')}{' '}
                <button
                  type="button"
                  onClick={() => (
                    setEditing(o),
                    setClientId(o.clientId),
                    setName(o.name),
                    setTitle(o.title ?? ''),
                    setEmail(o.email ?? '')
                  )}
                  aria-label={`Edit ${o.name}`}
                >
                  Edit
                </button>
              </li>
            ))}
          </ul>
        )}
      </ListState>
      <form className="card" onSubmit={form.onSubmit} noValidate aria-label={editing ? 'Edit owner' : 'New owner'}>
        <h2>{editing ? `Edit ${editing.name}` : 'New accountability owner'}</h2>
        <FormError message={form.formError} />
        <SelectField
          label="Client"
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          error={form.errors.clientId}
          disabled={Boolean(editing)}
        >
          <option value="">Choose…</option>
          {clients.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={form.errors.name} />
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={form.errors.title} />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.errors.email}
        />
        <EditActions
          editing={Boolean(editing)}
          busy={form.busy}
          save="Save owner"
          create="Create owner"
          onCancel={reset}
        />
      </form>
    </div>
  );
}

export function PrioritiesSection() {
  const engagements = useLoad(() => unwrap(api.GET('/api/v1/engagements', { params: { query: { limit: 100 } } })), []);
  const [engagementId, setEngagementId] = useState('');
  const engagement = engagements.data?.items.find((e) => e.id === engagementId);
  const owners = useLoad(
    () =>
      engagement
        ? unwrap(api.GET('/api/v1/owners', { params: { query: { limit: 100, clientId: engagement.clientId } } }))
        : Promise.resolve({ items: [] as Schemas['OwnerView'][] }),
    [engagement?.clientId],
  );
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [status, setStatus] = useState<'active' | 'draft'>('active');
  // The focus cap said before it is hit ("4 of 5 active"): the organization's cap and the engagement's count.
  const settings = useLoad(() => unwrap(api.GET('/api/v1/organization/settings')), []);
  const existing = useLoad(
    () =>
      engagementId
        ? unwrap(api.GET('/api/v1/engagements/{id}/priorities', { params: { path: { id: engagementId } } }))
        : Promise.resolve([] as Schemas['PriorityView'][]),
    [engagementId],
  );
  const activeCount = existing.data?.filter((p) => p.status === 'active').length;
  const capHint =
    engagementId && settings.data && activeCount !== undefined
      ? focusCapHint(activeCount, settings.data.focusCap, status)
      : undefined;
  const form = useForm(
    (key) =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/priorities', {
          params: { path: { id: engagementId }, ...idempotent(key) },
          body: { title, ownerId, targetDate, status },
        }),
      ),
    {
      validate: () =>
        required(
          { engagementId, title, ownerId, targetDate },
          {
            engagementId: 'Choose an engagement.',
            title: 'Give the priority a title.',
            ownerId: 'Every priority needs exactly one owner.',
            targetDate: 'Choose a target date.',
          },
        ),
      // The engagement stays chosen: the next priority usually goes to the same one.
      reset: () => (setTitle(''), setOwnerId(''), setTargetDate(''), setStatus('active')),
      onDone: () => existing.reload(),
    },
  );
  return (
    <div className="manage-grid">
      <div>
        <p>Priorities are ranked and re-ranked on each engagement’s dashboard (↑/↓ buttons).</p>
        {engagements.state === 'error' ? (
          <ErrorState error={(engagements as { error: ApiError }).error} retry={engagements.reload} />
        ) : null}
        {form.done && engagementId ? (
          <p role="status" className="text-green">
            Priority created. <Link to={`/engagements/${engagementId}`}>Open the engagement</Link>
          </p>
        ) : null}
      </div>
      <form className="card" onSubmit={form.onSubmit} noValidate aria-label="New priority">
        <h2>New priority</h2>
        <FormError message={form.formError} />
        <SelectField
          label="Engagement"
          value={engagementId}
          onChange={(e) => (setEngagementId(e.target.value), setOwnerId(''))}
          error={form.errors.engagementId}
        >
          <option value="">Choose…</option>
          {engagements.data?.items.map((e) => (
            <option key={e.id} value={e.id}>
              {e.clientName} · {e.function} ({e.executiveName})
            </option>
          ))}
        </SelectField>
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={form.errors.title} />
        <SelectField
          label="Owner"
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          error={form.errors.ownerId}
        >
          <option value="">Choose…</option>
          {owners.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Target date"
          type="date"
          value={targetDate}
          onChange={(e) => setTargetDate(e.target.value)}
          error={form.errors.targetDate}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          error={form.errors.status}
          hint={capHint}
        >
          <option value="active">Active (counts against the focus cap)</option>
          <option value="draft">Draft</option>
        </SelectField>
        <button type="submit" className="primary" disabled={form.busy}>
          Create priority
        </button>
      </form>
    </div>
  );
}

export function UsersSection() {
  const users = useLoad(() => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100 } } })), []);
  const clients = useClients();
  return (
    <div className="manage-grid">
      <ListState loaded={users} what="users">
        {(items) => (
          <ul className="plain-list">
            {items.map((u) => (
              <li key={u.id}>
                <strong>{u.name}</strong> · {u.email} · {u.role.replace('_', ' ')}
                {u.disabled ? ' · disabled' : ''}
                {u.role === 'client_viewer' ? (
                  <GrantEditor user={u} clients={clients.data?.items ?? []} onSaved={users.reload} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </ListState>
      <InvitationsPanel inviter="admin" clients={clients.data?.items ?? []} />
    </div>
  );
}

/** An account manager's invitations: client viewers of the clients they manage, and placed executives. */
export function InvitationsSection({ userId }: { userId: string }) {
  const clients = useClients();
  const mine = (clients.data?.items ?? []).filter((c) => c.accountManagerId === userId);
  return (
    <div className="manage-grid">
      <InvitationsPanel inviter="account_manager" clients={mine} />
    </div>
  );
}

type InviteRole = Schemas['CreateInvitationDto']['role'];
const ROLE_LABELS: Record<InviteRole, string> = {
  admin: 'Admin',
  account_manager: 'Account manager',
  executive: 'Placed executive',
  client_viewer: 'Client viewer (client executive)',
};

/**
 * Users are created only by invitation: the invitee gets a single-use link (7 days) to choose their own password.
 * The pending list offers a resend (a new link; the old one stops working) and a revoke.
 */
function InvitationsPanel({
  inviter,
  clients,
}: {
  inviter: 'admin' | 'account_manager';
  clients: Schemas['ClientView'][];
}) {
  const roles: InviteRole[] =
    inviter === 'admin' ? ['admin', 'account_manager', 'executive', 'client_viewer'] : ['client_viewer', 'executive'];
  const pending = useLoad(() => unwrap(api.GET('/api/v1/invitations', { params: { query: { limit: 100 } } })), []);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InviteRole>(roles[0]);
  const [clientIds, setClientIds] = useState<string[]>([]);
  const form = useForm(
    (key) =>
      unwrap(
        api.POST('/api/v1/invitations', {
          params: idempotent(key),
          body: {
            email: email.trim(),
            role,
            ...(name.trim() ? { name: name.trim() } : {}),
            ...(role === 'client_viewer' ? { clientIds } : {}),
          },
        }),
      ),
    {
      validate: () => {
        const errors = required({ email }, { email: 'Enter an email address.' });
        if (inviter === 'account_manager' && role === 'client_viewer' && clientIds.length === 0)
          errors.clientIds = 'Choose at least one client.';
        return errors;
      },
      reset: () => (setName(''), setEmail(''), setClientIds([])),
      onDone: () => pending.reload(),
    },
  );
  return (
    <>
      <section aria-label="Pending invitations">
        <h2>Pending invitations</h2>
        <ListState loaded={pending} what="pending invitations">
          {(items) => (
            <ul className="plain-list">
              {items.map((i) => (
                <PendingInvitation key={i.id} invitation={i} onChanged={pending.reload} />
              ))}
            </ul>
          )}
        </ListState>
      </section>
      <form className="card" onSubmit={form.onSubmit} noValidate aria-label="Invite someone">
        <h2>Invite someone</h2>
        <p>They get an email with a link to choose their password (valid 7 days, works once).</p>
        <FormError message={form.formError} />
        {form.done ? <p role="status">Invitation sent to {form.done.email}.</p> : null}
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={(e) => (setEmail(e.target.value), form.edited('email'))}
          error={form.errors.email}
        />
        <TextField
          label="Name (optional)"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.name}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as InviteRole)}
          error={form.errors.role}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        {role === 'client_viewer' ? (
          <fieldset aria-invalid={Boolean(form.errors.clientIds)}>
            <legend>Clients they may see</legend>
            {clients.length === 0 ? <p>No clients to grant yet.</p> : null}
            {clients.map((c) => (
              <label key={c.id} className="inline">
                <input
                  type="checkbox"
                  checked={clientIds.includes(c.id)}
                  onChange={(e) => (
                    setClientIds(e.target.checked ? [...clientIds, c.id] : clientIds.filter((x) => x !== c.id)),
                    form.edited('clientIds')
                  )}
                />{' '}
                {c.name}
              </label>
            ))}
            {form.errors.clientIds ? <p className="field-error">{form.errors.clientIds}</p> : null}
          </fieldset>
        ) : null}
        <button type="submit" className="primary" disabled={form.busy}>
          Send invitation
        </button>
      </form>
    </>
  );
}

function PendingInvitation({
  invitation: i,
  onChanged,
}: {
  invitation: Schemas['InvitationView'];
  onChanged: () => void;
}) {
  const resend = useForm(
    () => unwrap(api.POST('/api/v1/invitations/{id}/resend', { params: { path: { id: i.id } } })),
    { onDone: onChanged },
  );
  const revoke = useForm(
    () => unwrap(api.POST('/api/v1/invitations/{id}/revoke', { params: { path: { id: i.id } } })),
    { onDone: onChanged },
  );
  return (
    <li>
      <strong>{i.email}</strong> · {ROLE_LABELS[i.role]} ·{' '}
      {i.status === 'expired' ? 'expired' : `expires ${formatDate(i.expiresAt)}`}
      {i.invitedByName ? ` · invited by ${i.invitedByName}` : ''}
      <form onSubmit={resend.onSubmit} className="inline-actions" aria-label={`Resend the invitation to ${i.email}`}>
        <button type="submit" disabled={resend.busy}>
          Resend
        </button>
      </form>
      <form onSubmit={revoke.onSubmit} className="inline-actions" aria-label={`Revoke the invitation to ${i.email}`}>
        <button type="submit" disabled={revoke.busy}>
          Revoke
        </button>
      </form>
      <FormError message={resend.formError ?? revoke.formError} />
    </li>
  );
}

function GrantEditor({
  user,
  clients,
  onSaved,
}: {
  user: Schemas['UserView'];
  clients: Schemas['ClientView'][];
  onSaved: () => void;
}) {
  const [selected, setSelected] = useState<string[]>(user.clientIds);
  const form = useForm(
    () =>
      unwrap(
        api.PUT('/api/v1/users/{id}/client-grants', {
          params: { path: { id: user.id } },
          body: { clientIds: selected },
        }),
      ),
    { onDone: onSaved },
  );
  return (
    <form onSubmit={form.onSubmit} className="grants" aria-label={`Client grants of ${user.name}`}>
      <FormError message={form.formError} />
      <fieldset>
        <legend>Clients {user.name} may see</legend>
        {clients.map((c) => (
          <label key={c.id} className="inline">
            <input
              type="checkbox"
              checked={selected.includes(c.id)}
              onChange={(e) => setSelected(e.target.checked ? [...selected, c.id] : selected.filter((x) => x !== c.id))}
            />{' '}
            {c.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={form.busy}>
        Save grants
      </button>
    </form>
  );
}

/**
 * Status (only the moves the lifecycle allows), planned end and term of an engagement, and a change of allocation
 * (kept as history, with a reason).
 */
function EngagementEditor({ engagement: e, onSaved }: { engagement: Schemas['EngagementView']; onSaved: () => void }) {
  const [status, setStatus] = useState(e.status);
  const [plannedEndDate, setPlannedEndDate] = useState(e.plannedEndDate ?? '');
  const [termEndDate, setTermEndDate] = useState(e.termEndDate ?? '');
  const [renewalDate, setRenewalDate] = useState(e.renewalDate ?? '');
  const [noticePeriodDays, setNoticePeriodDays] = useState(String(e.noticePeriodDays));
  const [autoRenew, setAutoRenew] = useState(e.autoRenew);
  const [checkInCadence, setCheckInCadence] = useState<CheckInCadence>(e.checkInCadence);
  const [daysPerWeek, setDaysPerWeek] = useState(String(e.daysPerWeek ?? ''));
  const [effectiveDate, setEffectiveDate] = useState('');
  const [reason, setReason] = useState('');
  const details = useForm(
    () =>
      unwrap(
        api.PATCH('/api/v1/engagements/{id}', {
          params: { path: { id: e.id } },
          body: {
            ...(status !== e.status ? { status } : {}),
            plannedEndDate: plannedEndDate || null,
            termEndDate: termEndDate || null,
            renewalDate: renewalDate || null,
            noticePeriodDays: Number(noticePeriodDays || 0),
            autoRenew,
            ...(checkInCadence !== e.checkInCadence ? { checkInCadence } : {}),
          },
        }),
      ),
    { onDone: onSaved },
  );
  const [whatIf, setWhatIf] = useState<Schemas['AllocationWhatIfView'] | null>(null);
  const [whatIfError, setWhatIfError] = useState<string | null>(null);
  // A dry run of the change as typed: writes nothing, lists the milestones it would overload.
  const tryAllocation = async () => {
    setWhatIf(null);
    setWhatIfError(null);
    try {
      setWhatIf(
        await unwrap(
          api.POST('/api/v1/engagements/{id}/allocation-changes/what-if', {
            params: { path: { id: e.id } },
            body: { daysPerWeek: Number(daysPerWeek), effectiveDate, reason: reason.trim() || 'What-if' },
          }),
        ),
      );
    } catch (error) {
      setWhatIfError((error as ApiError).message);
    }
  };
  const allocation = useForm(
    (key) =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/allocation-changes', {
          params: { path: { id: e.id }, ...idempotent(key) },
          body: { daysPerWeek: Number(daysPerWeek), effectiveDate, reason },
        }),
      ),
    {
      validate: () =>
        required(
          { daysPerWeek, effectiveDate, reason },
          {
            daysPerWeek: 'Give the new days per week.',
            effectiveDate: 'Choose when it takes effect.',
            reason: 'Say why the allocation changes.',
          },
        ),
      reset: () => (setEffectiveDate(''), setReason('')),
      onDone: onSaved,
    },
  );
  return (
    <details>
      <summary>Edit</summary>
      <form
        onSubmit={details.onSubmit}
        noValidate
        aria-label={`Edit engagement ${e.clientName} ${e.function}`}
        className="subform"
      >
        <FormError message={details.formError} />
        <SelectField
          label="Status"
          value={status}
          onChange={(ev) => setStatus(ev.target.value as typeof status)}
          error={details.errors.status}
        >
          {[e.status, ...e.allowedTransitions].map((s) => (
            <option key={s} value={s}>
              {s === e.status ? `${s} (now)` : s}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Planned end date"
          type="date"
          value={plannedEndDate}
          onChange={(ev) => setPlannedEndDate(ev.target.value)}
          error={details.errors.plannedEndDate}
        />
        <TextField
          label="Term ends"
          type="date"
          value={termEndDate}
          onChange={(ev) => setTermEndDate(ev.target.value)}
          error={details.errors.termEndDate}
        />
        <TextField
          label="Renewal date"
          type="date"
          value={renewalDate}
          onChange={(ev) => setRenewalDate(ev.target.value)}
          error={details.errors.renewalDate}
        />
        <TextField
          label="Notice period (days)"
          type="number"
          min="0"
          max="365"
          value={noticePeriodDays}
          onChange={(ev) => setNoticePeriodDays(ev.target.value)}
          error={details.errors.noticePeriodDays}
        />
        <label className="inline">
          <input type="checkbox" checked={autoRenew} onChange={(ev) => setAutoRenew(ev.target.checked)} /> Renews
          automatically unless notice is given
        </label>
        <CheckInCadenceField
          value={checkInCadence}
          onChange={setCheckInCadence}
          error={details.errors.checkInCadence}
        />
        <button type="submit" disabled={details.busy}>
          Save engagement
        </button>
      </form>
      <form
        onSubmit={allocation.onSubmit}
        noValidate
        aria-label={`Change allocation of ${e.clientName} ${e.function}`}
        className="subform"
      >
        <FormError message={allocation.formError} />
        <TextField
          label="New days per week"
          type="number"
          step="0.5"
          value={daysPerWeek}
          onChange={(ev) => setDaysPerWeek(ev.target.value)}
          error={allocation.errors.daysPerWeek}
        />
        <TextField
          label="Effective from"
          type="date"
          value={effectiveDate}
          onChange={(ev) => setEffectiveDate(ev.target.value)}
          error={allocation.errors.effectiveDate}
        />
        <TextField
          label="Reason"
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
          error={allocation.errors.reason}
        />
        <button type="submit" disabled={allocation.busy}>
          Change allocation
        </button>{' '}
        <button type="button" onClick={() => void tryAllocation()} disabled={allocation.busy || !effectiveDate}>
          What would it overload?
        </button>
        <FormError message={whatIfError} />
        {whatIf ? (
          <div role="status" aria-label="Allocation what-if">
            {whatIf.overloaded.length === 0 ? (
              <p>No milestone would be overloaded (limit {whatIf.limit} per allocated day).</p>
            ) : (
              <>
                <p>
                  {plural(whatIf.overloaded.length, 'milestone', 'milestones')} would be overloaded (limit{' '}
                  {whatIf.limit} per allocated day):
                </p>
                <ul>
                  {whatIf.overloaded.map((m) => (
                    <li key={m.id}>
                      {m.title} (due {formatDate(m.dueDate)}): {m.loadBefore ?? '∞'} → {m.loadAfter ?? '∞'}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : null}
      </form>
    </details>
  );
}

/** Submit (create, or save while editing) and, while editing, cancel: the foot of every create-or-edit form here. */
type CheckInCadence = Schemas['EngagementView']['checkInCadence'];

/** The engagement's check-in cadence (issue 18): weekly check-ins on the organization's check-in day, or none. */
function CheckInCadenceField({
  value,
  onChange,
  error,
}: {
  value: CheckInCadence;
  onChange: (cadence: CheckInCadence) => void;
  error?: string;
}) {
  return (
    <SelectField
      label="Check-ins"
      value={value}
      onChange={(ev) => onChange(ev.target.value as CheckInCadence)}
      error={error}
      hint="Weekly: a check-in is due on the organization’s check-in day, with a reminder. Off: no check-ins are asked for."
    >
      <option value="weekly">Weekly</option>
      <option value="off">Off</option>
    </SelectField>
  );
}

function EditActions({
  editing,
  busy,
  save,
  create,
  onCancel,
}: {
  editing: boolean;
  busy: boolean;
  save: string;
  create: string;
  onCancel: () => void;
}) {
  return (
    <>
      <button type="submit" className="primary" disabled={busy}>
        {editing ? save : create}
      </button>
      {editing ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </>
  );
}
