import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EXPLAIN, Legend } from './Legend';

describe('Legend', () => {
  it('explains each figure in plain words behind "What these mean"', async () => {
    render(<Legend items={['drift', 'threshold', 'expected', 'confidence']} />);
    await userEvent.click(screen.getByText('What these mean'));
    expect(screen.getByText(/Drift score, 0 to 100, higher is worse/)).toBeVisible();
    expect(screen.getByText(/Dashed red line at 50/)).toBeVisible();
    expect(screen.getByText(/Expected by today: the share of the time/)).toBeVisible();
    expect(screen.getByText(/Confidence: how sure the executive said they were/)).toBeVisible();
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(EXPLAIN.headline).toMatch(/worse of the computed health/);
  });
});
