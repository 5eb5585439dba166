import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { localDate } from '../health/calendar';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { NotFound, RuleViolation } from '../shared/errors';
import type { SqlParams } from '../shared/sql';
import { Organization } from './organization.entity';
import { resolveSettings, type OrganizationSettings } from './organization-settings';
import type { OrganizationSettingsView, UpdateOrganizationSettingsDto } from './organization.dto';

export interface OrganizationContext {
  timezone: string;
  settings: OrganizationSettings;
  /** Today's date in the organization's timezone. */
  today: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async context(tx: EntityManager, organizationId: string): Promise<OrganizationContext> {
    const org = await tx.getRepository(Organization).findOne({ where: { id: organizationId } });
    if (!org) throw new NotFound('Organization', organizationId);
    return {
      timezone: org.timezone,
      settings: resolveSettings(org.settings),
      today: localDate(this.clock.now(), org.timezone),
    };
  }

  /**
   * The same context as SQL, for a read model that folds it into its one statement: a CTE named `org` with
   * `timezone`, `settings` and `today` (a date; PostgreSQL's IANA zones, as luxon's, for the clock's now).
   */
  contextCte(organizationParam: string, p: SqlParams): string {
    return `org AS (SELECT o.timezone, o.settings, (${p.add(this.clock.now())}::timestamptz AT TIME ZONE o.timezone)::date AS today
                      FROM organizations o WHERE o.id = ${organizationParam})`;
  }

  async getSettings(actor: Actor): Promise<OrganizationSettingsView> {
    this.access.permit(actor, 'organization.read', 'read organization settings');
    const org = await this.db.transaction((tx) =>
      tx.getRepository(Organization).findOne({ where: { id: actor.organizationId } }),
    );
    if (!org) throw new NotFound('Organization', actor.organizationId);
    return toSettingsView(org);
  }

  async updateSettings(actor: Actor, input: UpdateOrganizationSettingsDto): Promise<OrganizationSettingsView> {
    this.access.permit(actor, 'organization.write', 'change organization settings');
    return this.db.transaction(async (tx) => {
      const org = await tx
        .getRepository(Organization)
        .findOne({ where: { id: actor.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFound('Organization', actor.organizationId);
      const before = toSettingsView(org);
      const settings = { ...org.settings };
      if (input.focusCap !== undefined) settings.focusCap = input.focusCap;
      if (input.healthAtRiskBelow !== undefined) settings.healthAtRiskBelow = input.healthAtRiskBelow;
      if (input.healthOffTrackBelow !== undefined) settings.healthOffTrackBelow = input.healthOffTrackBelow;
      if (input.overdueAtRiskDays !== undefined) settings.overdueAtRiskDays = input.overdueAtRiskDays;
      if (input.digestsEnabled !== undefined) settings.digestsEnabled = input.digestsEnabled;
      if (input.digestWeekday !== undefined) settings.digestWeekday = input.digestWeekday;
      if (input.digestHour !== undefined) settings.digestHour = input.digestHour;
      if (input.digestSkipWhenEmpty !== undefined) settings.digestSkipWhenEmpty = input.digestSkipWhenEmpty;
      if (input.notifyPeopleWithoutAccount !== undefined)
        settings.notifyPeopleWithoutAccount = input.notifyPeopleWithoutAccount;
      if (input.termNoticeWarningDays !== undefined) settings.termNoticeWarningDays = input.termNoticeWarningDays;
      if (input.checkInWeekday !== undefined) settings.checkInWeekday = input.checkInWeekday;
      if (input.checkInMissedAfterDays !== undefined) settings.checkInMissedAfterDays = input.checkInMissedAfterDays;
      if (input.ownersMayCheckIn !== undefined) settings.ownersMayCheckIn = input.ownersMayCheckIn;
      const resolved = resolveSettings(settings);
      if (resolved.healthOffTrackBelow < resolved.healthAtRiskBelow) {
        throw new RuleViolation(
          'ORGANIZATION.THRESHOLDS_INVERTED',
          'healthOffTrackBelow must be at least healthAtRiskBelow',
        );
      }
      org.settings = settings;
      if (input.name !== undefined) org.name = input.name.trim();
      if (input.timezone !== undefined) org.timezone = input.timezone;
      const saved = await tx.getRepository(Organization).save(org);
      const after = toSettingsView(saved);
      await this.audit.record(tx, actor, 'organization.settings_updated', 'organization', org.id, before, after);
      return after;
    });
  }
}

/** The columns `timezone`, `settings`, `today` (to_char'd) of a row read with `contextCte`. */
export function toOrganizationContext(row: {
  timezone: string;
  settings: Partial<OrganizationSettings> | null;
  today: string;
}): OrganizationContext {
  return { timezone: row.timezone, settings: resolveSettings(row.settings), today: row.today };
}

function toSettingsView(org: Organization): OrganizationSettingsView {
  return { id: org.id, name: org.name, timezone: org.timezone, ...resolveSettings(org.settings) };
}
