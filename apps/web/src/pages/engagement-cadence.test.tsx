import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngagementsSection } from './manage-sections';

/** The check-in cadence (issue 17, "Done when"): chosen when an engagement is created and changed when it is edited. */
const engagement = {
  id: '6f1c1b0e-0000-4000-8000-0000000000e1',
  clientId: '6f1c1b0e-0000-4000-8000-0000000000c1',
  clientName: 'Acme',
  executiveId: '6f1c1b0e-0000-4000-8000-0000000000a1',
  executiveName: 'Eve Exec',
  function: 'CRO',
  status: 'active',
  allowedTransitions: ['paused', 'ended'],
  startDate: '2026-01-05',
  plannedEndDate: null,
  termEndDate: null,
  renewalDate: null,
  noticePeriodDays: 0,
  noticeDeadline: null,
  autoRenew: false,
  daysPerWeek: 2,
  checkInCadence: 'weekly',
};

function fakeApi() {
  const sent: Array<{ key: string; body: unknown }> = [];
  const fetch = vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init);
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const answer = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (key === 'GET /api/v1/engagements') return answer({ items: [engagement], nextCursor: null });
    if (key === 'GET /api/v1/clients') return answer({ items: [{ id: engagement.clientId, name: 'Acme' }] });
    if (key === 'GET /api/v1/executives') return answer({ items: [{ id: engagement.executiveId, name: 'Eve Exec' }] });
    if (key === 'POST /api/v1/engagements' || key === `PATCH /api/v1/engagements/${engagement.id}`) {
      const body: unknown = await request.json();
      sent.push({ key, body });
      return answer({ ...engagement, ...(body as object) }, key.startsWith('POST') ? 201 : 200);
    }
    throw new Error(`unexpected request ${key}`);
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

describe('the check-in cadence in the engagement forms', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a new engagement is weekly unless the manager turns check-ins off', async () => {
    const sent = fakeApi();
    render(
      <MemoryRouter>
        <EngagementsSection />
      </MemoryRouter>,
    );
    const form = screen.getByRole('form', { name: 'New engagement' });
    await within(form).findByRole('option', { name: 'Acme' });
    await within(form).findByRole('option', { name: 'Eve Exec' });
    const cadence = within(form).getByLabelText('Check-ins');
    expect(cadence).toHaveValue('weekly');
    expect(cadence).toHaveAccessibleDescription(/organization’s check-in day/);
    await userEvent.selectOptions(within(form).getByLabelText('Client'), 'Acme');
    await userEvent.selectOptions(within(form).getByLabelText('Executive'), 'Eve Exec');
    await userEvent.type(within(form).getByLabelText('Start date'), '2026-02-02');
    await userEvent.selectOptions(cadence, 'Off');
    await userEvent.click(within(form).getByRole('button', { name: 'Create engagement' }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      key: 'POST /api/v1/engagements',
      body: expect.objectContaining({ startDate: '2026-02-02', checkInCadence: 'off' }),
    });
  });

  it('editing shows the cadence, and sends it only when it changes', async () => {
    const sent = fakeApi();
    render(
      <MemoryRouter>
        <EngagementsSection />
      </MemoryRouter>,
    );
    const edit = await screen.findByRole('form', { name: 'Edit engagement Acme CRO' });
    const cadence = within(edit).getByLabelText('Check-ins');
    expect(cadence).toHaveValue('weekly');

    await userEvent.click(within(edit).getByRole('button', { name: 'Save engagement' }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].body).not.toHaveProperty('checkInCadence');

    await userEvent.selectOptions(cadence, 'Off');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save engagement' }));
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({
      key: `PATCH /api/v1/engagements/${engagement.id}`,
      body: expect.objectContaining({ checkInCadence: 'off' }),
    });
  });
});
