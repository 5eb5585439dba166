import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HealthVsRag, StatusPill, tone } from './HealthBadge';

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

  it('says "none yet" when there is nothing to show', () => {
    render(<StatusPill status={null} prefix="Reported" />);
    expect(screen.getByText('Reported: none yet')).toHaveClass('pill-none');
  });
});
