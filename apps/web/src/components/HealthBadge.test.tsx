import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HealthVsRag, ProgressCaption, StatusPill, overdueReason, tone } from './HealthBadge';

describe('health vs RAG badge', () => {
  it('maps each status to a traffic light', () => {
    expect(tone('on_track')).toBe('green');
    expect(tone('at_risk')).toBe('amber');
    expect(tone('off_track')).toBe('red');
    expect(tone('overdue')).toBe('red');
  });

  it('shows computed health and reported RAG side by side, in words', () => {
    render(<HealthVsRag health="at_risk" reportedRag="at_risk" disagrees={false} />);
    expect(screen.getByText('Computed: At risk')).toHaveClass('pill-amber');
    expect(screen.getByText('Reported: At risk')).toHaveClass('pill-amber');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('flags a report better than the numbers: "Reported green, computed red"', () => {
    render(<HealthVsRag health="overdue" reportedRag="on_track" disagrees />);
    expect(screen.getByText('Computed: Overdue')).toHaveClass('pill-red');
    expect(screen.getByText('Reported: On track')).toHaveClass('pill-green');
    expect(screen.getByRole('note')).toHaveTextContent('Reported green, computed red');
  });

  it("shows an achieved priority's outcome, not a progress ratio", () => {
    render(<HealthVsRag health="achieved" reportedRag="on_track" disagrees={false} />);
    expect(screen.getByText('Computed: Achieved')).toHaveClass('pill-green');
    render(<ProgressCaption health="achieved" progress={0} expectedProgress={1} />);
    expect(screen.getByText('Achieved')).toHaveClass('progress-caption');
    expect(screen.queryByText(/expected/)).toBeNull();
  });

  it('shows a dropped priority as dropped, in grey', () => {
    render(<HealthVsRag health="dropped" reportedRag={null} disagrees={false} />);
    expect(screen.getByText('Computed: Dropped')).toHaveClass('pill-none');
    render(<ProgressCaption health="dropped" progress={0.4} expectedProgress={1} />);
    expect(screen.getByText('Dropped')).toHaveClass('progress-caption');
  });

  it('keeps the ratio for a priority in progress', () => {
    render(<ProgressCaption health="at_risk" progress={0.3} expectedProgress={0.5} />);
    expect(screen.getByText('30% done · 50% expected by today')).toBeInTheDocument();
  });

  it('says why when overdue milestones are the cause: "Reported green, computed amber: 1 milestone 25 days overdue"', () => {
    const why = overdueReason(
      [
        { overdue: true, dueDate: '2026-02-14' },
        { overdue: false, dueDate: '2026-04-01' },
      ],
      '2026-03-11',
    );
    expect(why).toBe('1 milestone 25 days overdue');
    render(<HealthVsRag health="at_risk" reportedRag="on_track" disagrees why={why} />);
    expect(screen.getByRole('note')).toHaveTextContent('Reported green, computed amber: 1 milestone 25 days overdue');
    expect(
      overdueReason(
        [
          { overdue: true, dueDate: '2026-03-10' },
          { overdue: true, dueDate: '2026-01-30' },
        ],
        '2026-03-11',
      ),
    ).toBe('2 milestones overdue, the oldest by 40 days');
    expect(overdueReason([{ overdue: false, dueDate: '2026-01-01' }], '2026-03-11')).toBeNull();
  });

  it('says "none yet" when there is nothing to show', () => {
    render(<StatusPill status={null} prefix="Reported" />);
    expect(screen.getByText('Reported: none yet')).toHaveClass('pill-none');
  });

  it("leads with the API's one word and shows its line when reported and computed differ", () => {
    render(
      <HealthVsRag
        headline="at_risk"
        health="at_risk"
        reportedRag="on_track"
        disagrees
        note="reported on track; computed at risk: 1 milestone 25 days overdue"
      />,
    );
    expect(screen.getAllByText('At risk')[0]).toHaveClass('pill-amber');
    expect(screen.getByText('Computed: At risk')).toBeInTheDocument();
    expect(screen.getByText('Reported: On track')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      'Reported on track; computed at risk: 1 milestone 25 days overdue',
    );
  });

  it('shows no line when the API says both agree', () => {
    render(<HealthVsRag headline="on_track" health="on_track" reportedRag="on_track" disagrees={false} note={null} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
