import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganizationSection } from './OrganizationSection';

const settings = {
  name: 'Firm',
  timezone: 'Europe/London',
  focusCap: 5,
  healthAtRiskBelow: 0.15,
  healthOffTrackBelow: 0.3,
  overdueAtRiskDays: 7,
  digestsEnabled: true,
  digestWeekday: 1,
  digestHour: 8,
  digestSkipWhenEmpty: true,
  notifyPeopleWithoutAccount: false,
  termNoticeWarningDays: 30,
  checkInWeekday: 1,
  checkInMissedAfterDays: 2,
  ownersMayCheckIn: false,
};

function fakeApi() {
  const patches: Array<Record<string, unknown>> = [];
  let current = { ...settings };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init);
      const key = `${request.method} ${new URL(request.url).pathname}`;
      const answer = (body: unknown) =>
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      if (key === 'GET /api/v1/organization/settings') return answer(current);
      if (key === 'PATCH /api/v1/organization/settings') {
        const body = (await request.json()) as Record<string, unknown>;
        patches.push(body);
        current = { ...current, ...body };
        return answer(current);
      }
      throw new Error(`unexpected request ${key}`);
    }),
  );
  return patches;
}

describe('the notice deadline warning (termNoticeWarningDays) on Manage → Organization', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the setting, refuses a value out of range in a sentence, and saves a good one', async () => {
    const patches = fakeApi();
    render(<OrganizationSection />);
    const form = await screen.findByRole('form', { name: 'Organization settings' });
    const field = within(form).getByLabelText('Notice deadline warning (days)');
    expect(field).toHaveValue(30);
    expect(field).toHaveAccessibleDescription(/notice deadline is this many days away or less; 0 to 365\./);

    for (const bad of ['400', '-1', '2.5']) {
      await userEvent.clear(field);
      await userEvent.type(field, bad);
      await userEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
      expect(
        await within(form).findByText('Give the notice deadline warning as whole days, from 0 to 365.'),
      ).toBeInTheDocument();
    }
    await userEvent.clear(field);
    await userEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(await within(form).findByText('Notice deadline warning (days) must be a number.')).toBeInTheDocument();
    expect(patches).toEqual([]);

    await userEvent.type(field, '45');
    await userEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(await within(form).findByText('Settings saved.')).toBeInTheDocument();
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ termNoticeWarningDays: 45, focusCap: 5, digestHour: 8 });
    expect(within(form).getByLabelText('Notice deadline warning (days)')).toHaveValue(45);
  });
});
