import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForecastModel, forecastMilestone, toHistorySample, toOpenMilestone, type HistorySample } from './forecaster';
import { ForecastRepository } from './forecast.repository';

export interface ForecastRefresh {
  /** Open milestones forecast. */
  forecasts: number;
  /** Completed milestones learnt from. */
  samples: number;
  /** Time spent, ms (what the forecast adds to a drift scan). */
  elapsedMs: number;
  /** Of it: the read of the history, the model and the forecasts (pure), the write. */
  phasesMs: { read: number; compute: number; write: number };
}

/**
 * Recomputes an organization's landing-date forecasts inside the caller's transaction (the drift scan's): one read of
 * its whole history, the pure forecaster, one write. The scan's later fact queries read the stored rows.
 */
@Injectable()
export class ForecastService {
  constructor(private readonly repository: ForecastRepository) {}

  async refresh(
    tx: EntityManager,
    organizationId: string,
    today: string,
    timezone: string,
    now: Date,
  ): Promise<ForecastRefresh> {
    const started = performance.now();
    const rows = await this.repository.history(tx, organizationId, timezone);
    const read = performance.now();
    const history: HistorySample[] = [];
    for (const row of rows) {
      const sample = toHistorySample(row);
      if (sample) history.push(sample);
    }
    const model = new ForecastModel(history);
    const forecasts = [];
    for (const row of rows) {
      const open = row.forecastable ? toOpenMilestone(row) : null;
      if (open) forecasts.push(forecastMilestone(model, open, today));
    }
    const computed = performance.now();
    await this.repository.replace(tx, organizationId, forecasts, now);
    const written = performance.now();
    return {
      forecasts: forecasts.length,
      samples: history.length,
      elapsedMs: written - started,
      phasesMs: { read: read - started, compute: computed - read, write: written - computed },
    };
  }
}
