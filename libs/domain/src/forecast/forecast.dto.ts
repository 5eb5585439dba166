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
