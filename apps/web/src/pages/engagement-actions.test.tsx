import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddMilestoneForm } from './engagement-actions';

type Priority = Parameters<typeof AddMilestoneForm>[0]['priority'];

describe('a new milestone with an unusual due date asks for confirmation', () => {
  afterEach(() => vi.unstubAllGlobals());
  const target = DateTime.now().plus({ months: 6 }).toISODate()!;
  const priority = { id: '6f1c1b0e-0000-4000-8000-0000000000aa', title: 'Pipeline', targetDate: target } as Priority;

  it.each([
    ['years in the past', DateTime.now().minus({ years: 3, days: 10 }).toISODate()!, /is over 3 years ago\./],
    [
      'after the priority’s target',
      DateTime.now().plus({ months: 8 }).toISODate()!,
      /after the priority’s target date/,
    ],
  ])('%s: says so, refuses until confirmed, then sends it', async (_, dueDate, sentence) => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ id: 'm1' }), { status: 201, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    render(<AddMilestoneForm priority={priority} onDone={onDone} />);
    await userEvent.type(screen.getByLabelText('Milestone title'), 'Beta');
    await userEvent.type(screen.getByLabelText('Due date'), dueDate);
    expect(screen.getByLabelText('Due date')).toHaveAccessibleDescription(sentence);
    await userEvent.click(screen.getByRole('button', { name: 'Create milestone' }));
    expect(await screen.findByText(/Tick “This date is right” to keep it\./)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
    await userEvent.click(screen.getByLabelText('This date is right'));
    await userEvent.click(screen.getByRole('button', { name: 'Create milestone' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('an ordinary date goes straight through', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ id: 'm1' }), { status: 201, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    render(<AddMilestoneForm priority={priority} onDone={onDone} />);
    await userEvent.type(screen.getByLabelText('Milestone title'), 'Beta');
    await userEvent.type(screen.getByLabelText('Due date'), DateTime.now().plus({ months: 2 }).toISODate()!);
    expect(screen.queryByLabelText('This date is right')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create milestone' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});
