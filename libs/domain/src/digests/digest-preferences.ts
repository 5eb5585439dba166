import type { OrganizationSettings } from '../organizations/organization-settings';
import type { AdminDigestKind } from './digest.entity';

/** A user's stored choices: null follows the organization's default. */
export interface StoredDigestPreferences {
  weekday: number | null;
  hour: number | null;
  optedOut: boolean | null;
  skipWhenEmpty: boolean | null;
  kind: AdminDigestKind | null;
}

export interface EffectiveDigestPreferences {
  weekday: number;
  hour: number;
  optedOut: boolean;
  skipWhenEmpty: boolean;
  kind: AdminDigestKind | null;
}

/** The user's choice wins; else the organization's default (organization settings `digest*`). */
export function effectiveDigestPreferences(
  stored: Partial<StoredDigestPreferences> | null,
  org: OrganizationSettings,
): EffectiveDigestPreferences {
  return {
    weekday: stored?.weekday ?? org.digestWeekday,
    hour: stored?.hour ?? org.digestHour,
    optedOut: stored?.optedOut ?? !org.digestsEnabled,
    skipWhenEmpty: stored?.skipWhenEmpty ?? org.digestSkipWhenEmpty,
    kind: stored?.kind ?? null,
  };
}
