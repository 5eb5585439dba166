import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../api/client';
import { AddMilestoneForm, ReplanForm } from '../pages/engagement-actions';
import { fieldErrorsOf, humanFieldErrorsByPath } from './forms';
import type { Milestone } from './MilestoneTimeline';

const milestone: Milestone = {
  id: '6f1c1b0e-0000-4000-8000-000000000001',
  priorityId: 'p',
  title: 'API beta',
  baselineDueDate: '2026-03-01',
  dueDate: '2026-03-01',
  forecastDate: null,
  status: 'planned',
  weight: 1,
  completedAt: null,
  slipDays: 0,
  overdue: false,
  replanCount: 0,
  landingForecast: null,
};

function answer(status: number, body: unknown) {
  return vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

describe('form validation messages', () => {
  it('maps the API field problems to their fields', () => {
    const error = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid',
      correlationId: 'x',
      errors: [
        { field: 'dueDate', problems: ['dueDate must be a real date'] },
        { field: 'reason', problems: ['a', 'b'] },
      ],
    } as ApiError;
    expect(fieldErrorsOf(error)).toEqual({ dueDate: 'dueDate must be a real date', reason: 'a; b' });
  });

  it('re-plan: a reason is required before anything is sent', async () => {
    const fetch = answer(200, {});
    vi.stubGlobal('fetch', fetch);
    render(<ReplanForm milestone={milestone} onDone={() => {}} />);
    await userEvent.clear(screen.getByLabelText('New due date'));
    await userEvent.type(screen.getByLabelText('New due date'), '2026-04-10');
    await userEvent.click(screen.getByRole('button', { name: 'Re-plan' }));
    expect(screen.getByLabelText('Reason for the change')).toHaveAccessibleDescription(
      'A re-plan needs a reason: say why the date moves.',
    );
    expect(screen.getByLabelText('Reason for the change')).toHaveAttribute('aria-invalid', 'true');
    expect(fetch).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('re-plan: the "needs a reason" message goes once a reason is typed', async () => {
    vi.stubGlobal('fetch', answer(200, {}));
    render(<ReplanForm milestone={milestone} onDone={() => {}} />);
    await userEvent.clear(screen.getByLabelText('New due date'));
    await userEvent.type(screen.getByLabelText('New due date'), '2026-04-10');
    await userEvent.click(screen.getByRole('button', { name: 'Re-plan' }));
    const reason = screen.getByLabelText('Reason for the change');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(reason, 'Vendor slipped');
    expect(reason).toHaveAttribute('aria-invalid', 'false');
    expect(reason).not.toHaveAccessibleDescription();
    expect(screen.queryByText('A re-plan needs a reason: say why the date moves.')).not.toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it("re-plan: shows the API's field message next to the field", async () => {
    const fetch = answer(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request: reason',
      correlationId: 'c',
      errors: [{ field: 'reason', problems: ['reason must be shorter than or equal to 2000 characters'] }],
    });
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    render(<ReplanForm milestone={milestone} onDone={onDone} />);
    await userEvent.clear(screen.getByLabelText('New due date'));
    await userEvent.type(screen.getByLabelText('New due date'), '2026-04-10');
    await userEvent.selectOptions(screen.getByLabelText('Cause'), 'dependency');
    await userEvent.type(screen.getByLabelText('Reason for the change'), 'Vendor slipped');
    await userEvent.click(screen.getByRole('button', { name: 'Re-plan' }));
    // The API's words as a sentence for people (issue 14).
    expect(await screen.findByText('Reason can be at most 2000 characters.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(fetch).toHaveBeenCalledTimes(1);
    const request = (fetch.mock.calls[0] as unknown as [Request])[0];
    expect(request.url).toContain(`/api/v1/milestones/${milestone.id}/replan`);
    expect(await request.json()).toEqual({ dueDate: '2026-04-10', reason: 'Vendor slipped', category: 'dependency' });
    expect(onDone).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('Idempotency-Key on creates', () => {
  const priority = { id: '6f1c1b0e-0000-4000-8000-0000000000aa', title: 'Pipeline' } as Parameters<
    typeof AddMilestoneForm
  >[0]['priority'];
  const created = { id: 'm1', title: 'Beta' };

  async function submit() {
    await userEvent.clear(screen.getByLabelText('Milestone title'));
    await userEvent.type(screen.getByLabelText('Milestone title'), 'Beta');
    await userEvent.type(screen.getByLabelText('Due date'), '2026-05-01');
    await userEvent.click(screen.getByRole('button', { name: 'Create milestone' }));
  }
  const keysOf = (fetch: ReturnType<typeof vi.fn>) =>
    fetch.mock.calls.map((call) => (call as unknown as [Request])[0].headers.get('Idempotency-Key'));

  it('sends one key per submission, and the same key again when the answer was lost (503)', async () => {
    const answers = [
      new Response(
        JSON.stringify({ statusCode: 503, code: 'SERVICE.UNAVAILABLE', message: 'down', correlationId: 'c' }),
        {
          status: 503,
          headers: { 'content-type': 'application/json' },
        },
      ),
      new Response(JSON.stringify(created), { status: 201, headers: { 'content-type': 'application/json' } }),
      new Response(JSON.stringify(created), { status: 201, headers: { 'content-type': 'application/json' } }),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    render(<AddMilestoneForm priority={priority} onDone={onDone} />);
    await submit();
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1), { timeout: 3_000 });
    const [first, retry] = keysOf(fetch);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(retry).toBe(first);
    // The next milestone is a new submission: a new key.
    await submit();
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));
    expect(keysOf(fetch)).toHaveLength(3);
    expect(keysOf(fetch)[2]).not.toBe(first);
    vi.unstubAllGlobals();
  });

  it('empties the form after a success, so a second click sends nothing again', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(created), { status: 201, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    render(<AddMilestoneForm priority={priority} onDone={onDone} />);
    await submit();
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(screen.getByLabelText('Milestone title')).toHaveValue('');
    expect(screen.getByLabelText('Due date')).toHaveValue('');
    expect(screen.getByLabelText('Weight')).toHaveValue(1);

    await userEvent.click(screen.getByRole('button', { name: 'Create milestone' }));
    expect(screen.getByLabelText('Milestone title')).toHaveAccessibleDescription('Give the milestone a title.');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onDone).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});

describe('humanFieldErrorsByPath', () => {
  it('keeps each nested field apart, as a sentence for people', () => {
    const error = {
      statusCode: 400,
      correlationId: 'test',
      code: 'VALIDATION_FAILED',
      message: 'Invalid request',
      errors: [
        {
          field: 'priorities[1].milestones[0].title',
          problems: ['title must be shorter than or equal to 300 characters'],
        },
        { field: 'priorities[0].targetDate', problems: ['targetDate must be a real date in the form YYYY-MM-DD'] },
        { field: 'daysPerWeek', problems: ['daysPerWeek must not be greater than 7'] },
      ],
    } as ApiError;
    expect(humanFieldErrorsByPath(error)).toEqual({
      'priorities[1].milestones[0].title': 'Title can be at most 300 characters.',
      'priorities[0].targetDate': 'Target date must be a real date (YYYY-MM-DD).',
      daysPerWeek: 'Days per week can be at most 7.',
    });
  });
});
