import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../auth/session';
import { ImportSection, SHOWN_ROWS, shownRows } from './ImportPage';

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

function SignedIn({ children }: { children: ReactNode }) {
  const { me: current, login } = useSession();
  useEffect(() => {
    if (current === null) void login('ann@example.com', 'a long enough password');
  }, [current, login]);
  return current ? children : null;
}

const report = (mode: string, rows: Array<Record<string, unknown>>) => ({
  mode,
  committed: mode === 'commit',
  summary: {
    created: rows.filter((r) => r.outcome === 'created').length,
    updated: rows.filter((r) => r.outcome === 'updated').length,
    unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
    error: rows.filter((r) => r.outcome === 'error').length,
  },
  rows,
});

function fakeApi(imports: (request: Request) => Response | Promise<Response>) {
  const uploads: Array<{ mode: string | null; fields: string[] }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init);
      const url = new URL(request.url);
      const key = `${request.method} ${url.pathname}`;
      if (key === 'POST /api/v1/auth/login') return json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
      if (key === 'GET /api/v1/me') return json(200, me);
      if (key === 'POST /api/v1/imports') {
        const form = await request.clone().formData();
        uploads.push({ mode: url.searchParams.get('mode'), fields: [...form.keys()] });
        return imports(request);
      }
      throw new Error(`unexpected request ${key}`);
    }),
  );
  return uploads;
}

function renderImport() {
  return render(
    <MemoryRouter>
      <SessionProvider>
        <SignedIn>
          <ImportSection />
        </SignedIn>
      </SessionProvider>
    </MemoryRouter>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('ImportSection', () => {
  it('shows the dry run as a table, and imports only after confirmation', async () => {
    const uploads = fakeApi((request) => {
      const mode = new URL(request.url).searchParams.get('mode')!;
      return json(
        200,
        report(mode, [
          { type: 'clients', line: 2, externalKey: 'CL-1', outcome: 'created', changed: [], errors: [] },
          { type: 'clients', line: 3, externalKey: 'CL-2', outcome: 'updated', changed: ['name'], errors: [] },
        ]),
      );
    });
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const user = userEvent.setup();
    renderImport();
    await user.upload(await screen.findByLabelText('Clients'), new File(['external_key,name,stage\n'], 'clients.csv'));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['FileLineKeyResultDetails', 'clients2CL-1created', 'clients3CL-2updatedchanges name']);
    expect(screen.getByText(/1 to create, 1 to update, 0 unchanged/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import 2 rows' }));
    expect(confirm).toHaveBeenCalledWith('Import 2 rows now?');
    expect(await screen.findByText(/Imported: 1 created, 1 updated, 0 unchanged/)).toBeTruthy();
    expect(uploads).toEqual([
      { mode: 'dry-run', fields: ['clients'] },
      { mode: 'commit', fields: ['clients'] },
    ]);
  }, 20_000);

  it('names each row error and offers no import while any row has one', async () => {
    fakeApi(() =>
      json(
        200,
        report('dry-run', [
          {
            type: 'milestones',
            line: 4,
            externalKey: 'MS-9',
            outcome: 'error',
            changed: [],
            errors: [{ column: 'replan_reason', rule: 'required when due_date changes (a re-plan keeps its reason)' }],
          },
        ]),
      ),
    );
    const user = userEvent.setup();
    renderImport();
    await user.upload(await screen.findByLabelText('Milestones'), new File(['x'], 'm.csv'));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(
      await screen.findByText('replan_reason: required when due_date changes (a re-plan keeps its reason)'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(screen.getByText(/nothing is imported while any row has one/)).toBeTruthy();
  });

  it('shows a file the API cannot read with its message', async () => {
    fakeApi(() =>
      json(422, {
        statusCode: 422,
        code: 'IMPORT.FILE_INVALID',
        message: 'clients.csv: missing required column stage',
        correlationId: 'c',
      }),
    );
    const user = userEvent.setup();
    renderImport();
    await user.upload(await screen.findByLabelText('Clients'), new File(['x'], 'c.csv'));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect((await screen.findByRole('alert')).textContent).toContain('clients.csv: missing required column stage');
  });
});

describe('shownRows', () => {
  const row = (line: number, outcome: string) => ({
    type: 'milestones',
    line,
    externalKey: `MS-${line}`,
    outcome,
    errors: outcome === 'error' ? [{ column: 'due_date', rule: 'a date YYYY-MM-DD' }] : [],
    changed: [],
  });

  it('keeps the file order when no row has an error', () => {
    const r = report('dry-run', [row(2, 'created'), row(3, 'unchanged')]);
    expect(shownRows(r as never).map((x) => x.line)).toEqual([2, 3]);
  });

  it('puts the rows with errors first, so an error past the first 500 rows is shown', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i + 2, i === 900 ? 'error' : 'created'));
    const shown = shownRows(report('dry-run', rows) as never);
    expect(shown).toHaveLength(SHOWN_ROWS);
    expect(shown[0]).toMatchObject({ line: 902, outcome: 'error' });
    expect(shown[1].line).toBe(2);
  });
});
