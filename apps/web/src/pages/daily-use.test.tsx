import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, type ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../auth/session';
import AlertsPage from './AlertsPage';
import EngagementPage from './EngagementPage';
import { OwnersSection, PrioritiesSection } from './manage-sections';
import PortfolioPage from './PortfolioPage';

/** The API as answers by "METHOD /path"; a function gets the request (and may answer a Response). */
type Answer = unknown | ((request: Request) => unknown);
function fakeApi(routes: Record<string, Answer>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init);
    requests.push(request.clone());
    const key = `${request.method} ${new URL(request.url).pathname}`;
    if (!(key in routes)) throw new Error(`unexpected request ${key}`);
    const route = routes[key];
    const body = typeof route === 'function' ? await (route as (r: Request) => unknown)(request) : route;
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return { requests };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const me = {
  id: 'u1',
  name: 'Ann Manager',
  email: 'ann@example.com',
  role: 'account_manager',
  organizationId: 'o1',
  organizationName: 'Firm',
  organizationTimezone: 'UTC',
  timezone: null,
  clientIds: [],
  executiveIds: [],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const signIn = {
  'POST /api/v1/auth/login': { accessToken: 'a', refreshToken: 'r', expiresIn: 900 },
  'GET /api/v1/me': me,
};

/** Logs in through the real session provider, then shows the page. */
function SignedIn({ children }: { children: ReactNode }) {
  const { me: current, login } = useSession();
  useEffect(() => {
    if (current === null) void login('ann@example.com', 'a long enough password');
  }, [current, login]);
  return current ? children : null;
}

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderAt(url: string, path: string, page: ReactNode) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider>
        <SignedIn>
          <Routes>
            <Route
              path={path}
              element={
                <>
                  {page}
                  <Where />
                </>
              }
            />
          </Routes>
        </SignedIn>
      </SessionProvider>
    </MemoryRouter>,
  );
}

const where = () => screen.getByTestId('where').textContent;

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

function portfolioItem(id: string, fn: 'CRO' | 'CMO', health: 'on_track' | 'at_risk') {
  return {
    engagementId: id,
    clientId: 'c1',
    clientName: 'Acme',
    executiveId: 'x1',
    executiveName: 'Eve',
    function: fn,
    status: 'active',
    health,
    reportedRag: null,
    ragDisagrees: false,
    driftScore: 10,
    driftTrend: [],
    progress: 0.5,
    expectedProgress: 0.5,
    priorityCounts: { active: 1 },
    overdueMilestones: 0,
    openAlerts: { critical: 0, warning: 0, info: 0 },
    nextMilestone: null,
    lastCheckInAt: null,
  };
}

describe('portfolio', () => {
  const portfolio = {
    items: [portfolioItem('e1', 'CRO', 'on_track'), portfolioItem('e2', 'CMO', 'at_risk')],
    total: 2,
    limit: 100,
    offset: 0,
    asOf: '2026-03-01',
  };

  it('keeps its filters in the URL, so a reload shows the same view; the tab says "Portfolio"', async () => {
    fakeApi({ ...signIn, 'GET /api/v1/portfolio': portfolio });
    const first = renderAt('/portfolio?function=CMO', '/portfolio', <PortfolioPage />);
    expect(await screen.findByLabelText('Function')).toHaveValue('CMO');
    expect(screen.getAllByTestId('portfolio-row')).toHaveLength(1);
    expect(screen.getByText('1 of 2 engagements')).toBeInTheDocument();
    expect(document.title).toBe('Portfolio — Throughline');

    await userEvent.selectOptions(screen.getByLabelText('Health'), 'at_risk');
    await userEvent.selectOptions(screen.getByLabelText('Function'), '');
    expect(where()).toBe('/portfolio?health=at_risk');

    const url = where()!;
    first.unmount();
    renderAt(url, '/portfolio', <PortfolioPage />);
    expect(await screen.findByLabelText('Health')).toHaveValue('at_risk');
    expect(screen.getByLabelText('Function')).toHaveValue('');
    expect(screen.getAllByTestId('portfolio-row')).toHaveLength(1);
  });
});

describe('alerts inbox', () => {
  it('takes its filters from the URL and writes them back; the tab says "Alerts"', async () => {
    const { requests } = fakeApi({
      ...signIn,
      'GET /api/v1/alerts': { items: [], total: 0, limit: 100, offset: 0 },
    });
    renderAt('/alerts?status=&severity=critical', '/alerts', <AlertsPage />);
    expect(await screen.findByLabelText('Status')).toHaveValue('');
    expect(screen.getByLabelText('Severity')).toHaveValue('critical');
    await screen.findByText(/No alerts match/);
    const query = new URL(requests.filter((r) => r.url.includes('/alerts'))[0].url).searchParams;
    expect(query.get('severity')).toBe('critical');
    expect(query.has('status')).toBe(false);
    expect(document.title).toBe('Alerts — Throughline');

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'open');
    expect(where()).toBe('/alerts?severity=critical');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'resolved');
    expect(where()).toBe('/alerts?severity=critical&status=resolved');
  });
});

describe('engagement dashboard', () => {
  const priority = (id: string, title: string, rank: number) => ({
    id,
    title,
    rank,
    status: 'active',
    owner: { id: 'ow', name: 'Ola', title: null, email: null },
    startDate: '2026-01-01',
    targetDate: '2026-06-30',
    progress: 0,
    expectedProgress: 0.3,
    health: 'on_track',
    reportedRag: null,
    ragDisagrees: false,
    confidenceTrend: [],
    milestones: [],
  });
  const summary = (order: string[]) => ({
    asOf: '2026-03-01',
    engagement: {
      id: 'e1',
      clientId: 'c1',
      clientName: 'Acme',
      executiveId: 'x1',
      executiveName: 'Eve',
      function: 'CRO',
      status: 'active',
      startDate: '2026-01-01',
      plannedEndDate: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    priorities: order.map((title, i) => priority(`p-${title}`, title, i + 1)),
    driftTrend: [],
    latestCheckIns: [],
  });

  it('names the tab after the client and function, and keeps focus on the moved priority’s button', async () => {
    let order = ['Pipeline', 'Pricing', 'Hiring'];
    fakeApi({
      ...signIn,
      'GET /api/v1/engagements/e1/summary': () => summary(order),
      'GET /api/v1/alerts': { items: [], total: 0, limit: 100, offset: 0 },
      'GET /api/v1/engagements/e1/allocation-changes': [],
      'PATCH /api/v1/priorities/p-Pricing': () => {
        order = ['Pricing', 'Pipeline', 'Hiring'];
        return {};
      },
    });
    renderAt('/engagements/e1', '/engagements/:id', <EngagementPage />);
    const up = await screen.findByRole('button', { name: 'Move "Pricing" up' });
    expect(document.title).toBe('Acme — CRO — Throughline');

    // To the top: its "up" button is now disabled (a browser drops focus from it), so focus goes to its "down".
    await userEvent.click(up);
    await vi.waitFor(() =>
      expect(
        screen.getAllByTestId('priority').map((li) => within(li).getByRole('heading', { level: 3 }).textContent),
      ).toEqual(['#1 Pricing', '#2 Pipeline', '#3 Hiring']),
    );
    await act(async () => {});
    expect(screen.getByRole('button', { name: 'Move "Pricing" up' })).toBeDisabled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move "Pricing" down' }));
  });
});

describe('manage', () => {
  const engagements = {
    items: [{ id: 'e1', clientId: 'c1', clientName: 'Acme', function: 'CRO', executiveName: 'Eve' }],
    total: 1,
    limit: 100,
    offset: 0,
  };
  const owners = {
    items: [
      { id: 'o1', clientId: 'c1', name: 'Ola', title: null, email: null, userId: null, activePriorities: 1 },
      { id: 'o2', clientId: 'c1', name: 'Per', title: null, email: null, userId: null, activePriorities: 2 },
    ],
    total: 2,
    limit: 100,
    offset: 0,
  };

  it('a priority: the form empties after a create, and a later error replaces the "created" message', async () => {
    const answers = [
      json(201, { id: 'p1' }),
      json(422, {
        statusCode: 422,
        code: 'PRIORITY.FOCUS_CAP_EXCEEDED',
        message: 'At most 5 active priorities',
        correlationId: 'c',
      }),
    ];
    const { requests } = fakeApi({
      'GET /api/v1/engagements': engagements,
      'GET /api/v1/owners': owners,
      'POST /api/v1/engagements/e1/priorities': () => answers.shift(),
    });
    render(
      <MemoryRouter>
        <PrioritiesSection />
      </MemoryRouter>,
    );
    // The selects render before their options arrive: choose only once the option is there.
    const engagementSelect = await screen.findByLabelText('Engagement');
    await within(engagementSelect).findByRole('option', { name: /Acme/ });
    await userEvent.selectOptions(engagementSelect, 'e1');
    async function fill(title: string) {
      await userEvent.type(screen.getByLabelText('Title'), title);
      const ownerSelect = await screen.findByRole('combobox', { name: 'Owner' });
      await within(ownerSelect).findByRole('option', { name: /Ola/ });
      await userEvent.selectOptions(ownerSelect, 'o1');
      await userEvent.type(screen.getByLabelText('Target date'), '2026-06-30');
      await userEvent.click(screen.getByRole('button', { name: 'Create priority' }));
    }
    await fill('Pipeline');
    expect(await screen.findByRole('status')).toHaveTextContent('Priority created.');
    expect(screen.getByLabelText('Title')).toHaveValue('');
    expect(screen.getByLabelText('Owner')).toHaveValue('');
    expect(screen.getByLabelText('Target date')).toHaveValue('');

    await fill('Pricing');
    expect(await screen.findByRole('alert')).toHaveTextContent('At most 5 active priorities');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(await Promise.all(posts.map((r) => r.json()))).toEqual([
      { title: 'Pipeline', ownerId: 'o1', targetDate: '2026-06-30', status: 'active' },
      { title: 'Pricing', ownerId: 'o1', targetDate: '2026-06-30', status: 'active' },
    ]);
  });

  it('a priority: the form says "4 of 5 active" before the cap is hit, and what to do once it is', async () => {
    const active = (id: string) => ({ id, status: 'active' });
    const lists = [[active('p1'), active('p2'), active('p3'), active('p4'), { id: 'p5', status: 'draft' }]];
    lists.push([...lists[0], active('p6')]);
    fakeApi({
      'GET /api/v1/engagements': engagements,
      'GET /api/v1/owners': owners,
      'GET /api/v1/organization/settings': { focusCap: 5 },
      'GET /api/v1/engagements/e1/priorities': () => (lists.length > 1 ? lists.shift() : lists[0]),
      'POST /api/v1/engagements/e1/priorities': () => json(201, { id: 'p6' }),
    });
    render(
      <MemoryRouter>
        <PrioritiesSection />
      </MemoryRouter>,
    );
    const engagementSelect = await screen.findByLabelText('Engagement');
    await within(engagementSelect).findByRole('option', { name: /Acme/ });
    await userEvent.selectOptions(engagementSelect, 'e1');
    const status = screen.getByLabelText('Status');
    await waitFor(() => expect(status).toHaveAccessibleDescription('4 of 5 active: room for 1 more active priority.'));
    await userEvent.type(screen.getByLabelText('Title'), 'Pipeline');
    const ownerSelect = await screen.findByRole('combobox', { name: 'Owner' });
    await within(ownerSelect).findByRole('option', { name: /Ola/ });
    await userEvent.selectOptions(ownerSelect, 'o1');
    await userEvent.type(screen.getByLabelText('Target date'), '2026-06-30');
    await userEvent.click(screen.getByRole('button', { name: 'Create priority' }));
    await waitFor(() =>
      expect(status).toHaveAccessibleDescription(
        '5 of 5 active: the focus cap is reached. Save this one as a draft, or achieve, drop or move one to draft first.',
      ),
    );
    await userEvent.selectOptions(status, 'draft');
    expect(status).toHaveAccessibleDescription('5 of 5 active; a draft does not count against the focus cap.');
  });

  it('owners: "1 active priority", "2 active priorities"', async () => {
    fakeApi({
      'GET /api/v1/owners': owners,
      'GET /api/v1/clients': { items: [{ id: 'c1', name: 'Acme' }], total: 1, limit: 100, offset: 0 },
    });
    render(
      <MemoryRouter>
        <OwnersSection />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/1 active priority\b/)).toHaveTextContent(/Ola.*1 active priority(?!i)/);
    expect(screen.getByText(/2 active priorities/)).toHaveTextContent(/Per/);
  });
});
