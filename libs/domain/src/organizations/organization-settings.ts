/** Organization-level knobs. Stored as a sparse jsonb; anything missing takes the default below. */
export interface OrganizationSettings {
  /** Most active priorities an engagement may carry at once ("focus"). */
  focusCap: number;
  /** Computed health is on_track while progress ≥ expected − atRiskBelow. */
  healthAtRiskBelow: number;
  /** …at_risk down to expected − offTrackBelow, off_track beyond. */
  healthOffTrackBelow: number;
  /** An open milestone overdue by more than this many days makes its priority at least at_risk (4× → off_track). */
  overdueAtRiskDays: number;
  /** Weekly digests for users who have not chosen: on, unless the organization turns them off by default. */
  digestsEnabled: boolean;
  /** Default digest slot: ISO weekday (1 = Monday) and local hour. */
  digestWeekday: number;
  digestHour: number;
  /** Default: a digest with nothing to report is not sent. */
  digestSkipWhenEmpty: boolean;
  /**
   * Alert emails to executives and owners who have no user account (only the email on their profile): off unless
   * the organization allows it, since nobody at the firm controls that address or can turn the emails off.
   */
  notifyPeopleWithoutAccount: boolean;
  /** engagement_term_ending: alert once an engagement's notice deadline is this many days away or less. */
  termNoticeWarningDays: number;
  /** The check-in day: every engagement with a weekly cadence has a check-in due on this ISO weekday (1 = Monday). */
  checkInWeekday: number;
  /** check_in_missed: a due check-in still missing this many days after its day raises the alert. */
  checkInMissedAfterDays: number;
  /** Priority owners (with an account) get the check-in reminder and may check in through its link too. */
  ownersMayCheckIn: boolean;
}

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  focusCap: 5,
  healthAtRiskBelow: 0.15,
  healthOffTrackBelow: 0.3,
  overdueAtRiskDays: 7,
  digestsEnabled: true,
  digestWeekday: 1,
  digestHour: 8,
  digestSkipWhenEmpty: true,
  notifyPeopleWithoutAccount: false,
  termNoticeWarningDays: 30,
  checkInWeekday: 1,
  checkInMissedAfterDays: 2,
  ownersMayCheckIn: false,
};

export function resolveSettings(stored: Partial<OrganizationSettings> | null | undefined): OrganizationSettings {
  return { ...DEFAULT_ORGANIZATION_SETTINGS, ...(stored ?? {}) };
}
