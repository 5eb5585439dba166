import { ApiProperty } from '@nestjs/swagger';

/** A milestone's landing-date forecast, as the last drift scan computed it (docs/product.md, "Forecasts"). */
export class MilestoneForecastView {
  @ApiProperty({ type: String, format: 'date', description: 'Even odds of landing by this date' })
  p50!: string;
  @ApiProperty({ type: String, format: 'date', description: 'Four chances in five of landing by this date' })
  p80!: string;
  @ApiProperty({ description: 'Comparable completed milestones of the organization behind it (0: the global prior)' })
  sampleSize!: number;
  @ApiProperty({
    example: 'from 214 similar milestones; CRO milestones of 30–60 days landed 18% late at the median',
  })
  basis!: string;
}

export interface ForecastColumns {
  forecast_p50?: string | null;
  forecast_p80?: string | null;
  forecast_basis?: string | null;
  forecast_sample_size?: number | string | null;
}

export function toForecastView(r: ForecastColumns): MilestoneForecastView | null {
  if (!r.forecast_p50 || !r.forecast_p80) return null;
  return {
    p50: r.forecast_p50,
    p80: r.forecast_p80,
    sampleSize: Number(r.forecast_sample_size ?? 0),
    basis: r.forecast_basis ?? '',
  };
}

/** A priority's or an engagement's forecast: the latest P50 and P80 of its open milestones' forecasts. */
export class LandingRangeView {
  @ApiProperty({ type: String, format: 'date', description: 'Latest P50 of its open milestones' }) p50!: string;
  @ApiProperty({ type: String, format: 'date', description: 'Latest P80 of its open milestones' }) p80!: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      "What the P80 is held against: a priority's target date; an engagement's planned end (else its latest priority target)",
  })
  targetDate!: string | null;
  @ApiProperty({ description: 'The P80 lands after the target date' }) beyondTarget!: boolean;
}

/** The latest P50 and P80 of some forecasts, against a target; null when none is forecast. */
export function landingRange(
  forecasts: ReadonlyArray<{ p50: string; p80: string } | null | undefined>,
  targetDate: string | null,
): LandingRangeView | null {
  let p50: string | null = null;
  let p80: string | null = null;
  for (const f of forecasts) {
    if (!f) continue;
    if (p50 === null || f.p50 > p50) p50 = f.p50;
    if (p80 === null || f.p80 > p80) p80 = f.p80;
  }
  if (p50 === null || p80 === null) return null;
  return { p50, p80, targetDate, beyondTarget: targetDate !== null && p80 > targetDate };
}
