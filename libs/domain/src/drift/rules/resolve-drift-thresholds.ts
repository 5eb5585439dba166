import { DEFAULT_DRIFT_THRESHOLDS, type DriftThresholds } from '../drift-types';

/**
 * The organization's stored thresholds (sparse jsonb) over the defaults. Anything that is not a finite,
 * non-negative number falls back to the default: a bad settings row must not switch a rule off or crash the scan.
 */
export function resolveDriftThresholds(stored: Partial<DriftThresholds> | undefined | null): DriftThresholds {
  const resolved: DriftThresholds = { ...DEFAULT_DRIFT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_DRIFT_THRESHOLDS) as Array<keyof DriftThresholds>) {
    const value: unknown = stored?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) resolved[key] = value;
  }
  return resolved;
}
