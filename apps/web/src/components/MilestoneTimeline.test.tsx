import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MilestoneTimeline, timelineRows, type Milestone } from './MilestoneTimeline';

const milestone = (overrides: Partial<Milestone>): Milestone => ({
  id: overrides.title ?? 'm',
  priorityId: 'p',
  title: 'Milestone',
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
  ...overrides,
});

describe('milestone timeline', () => {
  const onPlan = milestone({ title: 'On plan', baselineDueDate: '2026-04-01', dueDate: '2026-04-01' });
  // Baseline 03-01, re-planned to 04-10 with a forecast of 04-15 → 45 days of slip (README's worked example).
  const slipped = milestone({
    title: 'Slipped',
    baselineDueDate: '2026-03-01',
    dueDate: '2026-04-10',
    forecastDate: '2026-04-15',
    slipDays: 45,
    replanCount: 2,
  });
  const late = milestone({
    title: 'Done late',
    baselineDueDate: '2026-02-01',
    dueDate: '2026-02-01',
    status: 'done',
    completedAt: '2026-02-04T15:00:00Z',
    slipDays: 3,
  });

  it('lays baseline and landing dates on one axis that includes today', () => {
    const { rows, todayAt, from, to } = timelineRows([onPlan, slipped, late], '2026-03-11');
    expect(from).toBe('2026-02-01');
    expect(to).toBe('2026-04-15');
    const bySlipped = rows.find((r) => r.milestone.title === 'Slipped')!;
    expect(bySlipped.landsOn).toBe('2026-04-15'); // the forecast, later than the due date
    expect(bySlipped.baselineAt).toBeLessThan(bySlipped.landsAt);
    expect(rows.find((r) => r.milestone.title === 'On plan')!.baselineAt).toBe(
      rows.find((r) => r.milestone.title === 'On plan')!.landsAt,
    );
    expect(rows.find((r) => r.milestone.title === 'Done late')!.landsOn).toBe('2026-02-04');
    expect(todayAt).toBeGreaterThan(0);
    expect(todayAt).toBeLessThan(100);
  });

  it('renders slips and re-plans in words and draws the slip bar only for slipped milestones', () => {
    render(<MilestoneTimeline milestones={[onPlan, slipped, late]} asOf="2026-03-11" />);
    const rows = screen.getAllByTestId('timeline-row');
    const slippedRow = rows.find((r) => r.textContent?.includes('Slipped'))!;
    expect(within(slippedRow).getByText('slipped 45 days, re-planned 2×')).toBeInTheDocument();
    expect(slippedRow).toHaveTextContent('Baseline 1 Mar 2026 → due 10 Apr 2026 · forecast 15 Apr 2026');
    expect(slippedRow.querySelector('.timeline-slip')).not.toBeNull();
    expect(slippedRow).toHaveClass('is-slipped');

    const onPlanRow = rows.find((r) => r.textContent?.includes('On plan'))!;
    expect(within(onPlanRow).getByText('on plan')).toBeInTheDocument();
    expect(onPlanRow.querySelector('.timeline-slip')).toBeNull();

    const lateRow = rows.find((r) => r.textContent?.includes('Done late'))!;
    expect(within(lateRow).getByText('done 3 days late')).toBeInTheDocument();
    expect(within(lateRow).getByRole('img')).toHaveAccessibleName(/baseline 1 Feb 2026, lands 4 Feb 2026/);
  });

  it('draws the P50–P80 band of a forecast milestone beyond its due date, and says the range', () => {
    const forecast = milestone({
      title: 'Forecast',
      baselineDueDate: '2026-04-01',
      dueDate: '2026-05-01',
      slipDays: 30,
      replanCount: 1,
      landingForecast: {
        p50: '2026-05-12',
        p80: '2026-05-19',
        sampleSize: 214,
        basis: 'from 214 similar milestones; CRO milestones of 30–60 days landed 18% late at the median',
      },
    });
    const { rows, to } = timelineRows([onPlan, forecast], '2026-03-11');
    expect(to).toBe('2026-05-19'); // the axis reaches the P80
    const band = rows.find((r) => r.milestone.title === 'Forecast')!.band!;
    expect(band.from).toBeGreaterThan(rows.find((r) => r.milestone.title === 'Forecast')!.landsAt);
    expect(band.to).toBe(100);
    expect(rows.find((r) => r.milestone.title === 'On plan')!.band).toBeNull();

    render(<MilestoneTimeline milestones={[onPlan, forecast]} asOf="2026-03-11" />);
    const row = screen.getAllByTestId('timeline-row').find((r) => r.textContent?.includes('Forecast'))!;
    expect(row).toHaveTextContent('Baseline 1 Apr 2026 → due 1 May 2026 · likely 12–19 May');
    expect(within(row).getByTestId('forecast-band')).toHaveAttribute(
      'title',
      expect.stringContaining('from 214 similar'),
    );
    expect(within(row).getByRole('img')).toHaveAccessibleName(/likely 12–19 May$/);
  });

  it('says so when there are no milestones', () => {
    render(<MilestoneTimeline milestones={[]} asOf="2026-03-11" />);
    expect(screen.getByText('No milestones yet.')).toBeInTheDocument();
  });
});
