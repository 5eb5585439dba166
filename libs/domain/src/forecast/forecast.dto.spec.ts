import { landingRange, toForecastView } from './forecast.dto';

describe('landingRange', () => {
  it('is the latest P50 and the latest P80 of the forecasts, against the target', () => {
    expect(
      landingRange(
        [{ p50: '2026-05-12', p80: '2026-05-19' }, null, { p50: '2026-05-14', p80: '2026-05-16' }],
        '2026-05-15',
      ),
    ).toEqual({ p50: '2026-05-14', p80: '2026-05-19', targetDate: '2026-05-15', beyondTarget: true });
    expect(landingRange([{ p50: '2026-05-12', p80: '2026-05-15' }], '2026-05-15')?.beyondTarget).toBe(false);
    expect(landingRange([{ p50: '2026-05-12', p80: '2026-05-15' }], null)?.beyondTarget).toBe(false);
  });

  it('is null when nothing is forecast', () => {
    expect(landingRange([], '2026-05-15')).toBeNull();
    expect(landingRange([null, undefined], null)).toBeNull();
  });
});

describe('toForecastView', () => {
  it('maps the stored columns, or null when there is no row', () => {
    expect(
      toForecastView({
        forecast_p50: '2026-05-12',
        forecast_p80: '2026-05-19',
        forecast_basis: 'b',
        forecast_sample_size: '3',
      }),
    ).toEqual({ p50: '2026-05-12', p80: '2026-05-19', basis: 'b', sampleSize: 3 });
    expect(toForecastView({ forecast_p50: null, forecast_p80: null })).toBeNull();
  });
});
