import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DisciplineTable, onTimeShare } from './check-in-discipline';

describe('check-in discipline', () => {
  it('gives the on-time rate of the due check-ins, none when nothing was due', () => {
    expect(onTimeShare({ onTime: 9, late: 2, missed: 1 })).toBe(75);
    expect(onTimeShare({ onTime: 0, late: 0, missed: 3 })).toBe(0);
    expect(onTimeShare({ onTime: 0, late: 0, missed: 0 })).toBeNull();
  });

  it('lists executives and owners worst first: most missed, then most late', () => {
    render(
      <DisciplineTable
        report={{
          weeks: 12,
          asOf: '2026-03-17',
          items: [
            { kind: 'executive', id: 'e1', name: 'Ada Exec', onTime: 12, late: 0, missed: 0 },
            { kind: 'owner', id: 'o1', name: 'Olu Owner', onTime: 6, late: 3, missed: 3 },
            { kind: 'owner', id: 'o2', name: 'Pat Owner', onTime: 8, late: 4, missed: 0 },
          ],
        }}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'Olu Owner Owner',
      'Pat Owner Owner',
      'Ada Exec Executive',
    ]);
    expect(within(rows[0]!).getByText('50%')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('100%')).toBeInTheDocument();
  });

  it('says so when no check-in was due', () => {
    render(<DisciplineTable report={{ weeks: 12, asOf: '2026-03-17', items: [] }} />);
    expect(screen.getByText('No check-ins were due in the last 12 weeks.')).toBeInTheDocument();
  });
});
