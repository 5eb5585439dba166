/** Organization-level knobs. Stored as a sparse jsonb; anything missing takes the default below. */
export interface OrganizationSettings {
  /** Most active priorities an engagement may carry at once ("focus"). */
  focusCap: number;
  /** Computed health is on_track while progress ≥ expected − atRiskBelow. */
  healthAtRiskBelow: number;
  /** …at_risk down to expected − offTrackBelow, off_track beyond. */
  healthOffTrackBelow: number;
}

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  focusCap: 5,
  healthAtRiskBelow: 0.15,
  healthOffTrackBelow: 0.3,
};

export function resolveSettings(stored: Partial<OrganizationSettings> | null | undefined): OrganizationSettings {
  return { ...DEFAULT_ORGANIZATION_SETTINGS, ...(stored ?? {}) };
}
