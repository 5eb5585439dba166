import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { Conflict, FieldNotAllowed, NotFound } from '../shared/errors';
import { totalFromPage, type Page } from '../shared/pagination';
import type {
  AlertDetailView,
  AlertView,
  BulkAlertActionDto,
  BulkAlertActionView,
  ListAlertsQueryDto,
} from './alert.dto';
import { hiddenAlertRules } from './alert-visibility';
import { DriftRepository } from './drift.repository';
import { conditionSince } from './alert-age';

/**
 * Alerts as people see them. Reach follows the engagement (a client viewer sees alerts of their granted
 * clients' engagements only); alerts that span engagements (owner overload) are for admins and account managers;
 * rules hidden from a role (alert-visibility.ts) are neither listed nor accepted as a filter.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly db: Db,
    private readonly drift: DriftRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListAlertsQueryDto): Promise<Page<AlertView>> {
    if (query.rule && hiddenAlertRules(actor.role).includes(query.rule))
      throw new FieldNotAllowed('rule', `${query.rule} alerts are not shown to your role`);
    const rows = await this.drift.listAlerts(this.db.reader, actor, query);
    const total = totalFromPage(rows, query.offset) ?? (await this.drift.countAlerts(this.db.reader, actor, query));
    return { items: rows.map(toView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<AlertDetailView> {
    const alert = await this.find(actor, id);
    const events = await this.drift.alertEvents(this.db.reader, actor.organizationId, id);
    return {
      ...alert,
      history: events.map((e) => ({
        kind: e.kind as AlertDetailView['history'][number]['kind'],
        severity: e.severity as AlertView['severity'],
        actorId: e.actor_id ?? null,
        note: e.note ?? null,
        at: e.created_at.toISOString(),
      })),
    };
  }

  /** Silences the alert until it escalates. */
  async acknowledge(actor: Actor, id: string): Promise<AlertDetailView> {
    this.access.permit(actor, 'alerts.manage', 'acknowledge alerts');
    await this.transition(actor, id, 'acknowledged', null);
    return this.get(actor, id);
  }

  async resolve(actor: Actor, id: string, note: string): Promise<AlertDetailView> {
    this.access.permit(actor, 'alerts.manage', 'resolve alerts');
    await this.transition(actor, id, 'resolved', note.trim());
    return this.get(actor, id);
  }

  /**
   * Acknowledge or resolve many alerts at once (the grouped inbox), all or nothing: an id missing or out of reach
   * (404), or a resolved alert among them (409), and none changes. Acknowledging an alert already acknowledged
   * leaves it as it is. One audit row and one history event per alert changed.
   */
  async bulk(actor: Actor, input: BulkAlertActionDto): Promise<BulkAlertActionView> {
    this.access.permit(actor, 'alerts.manage', `${input.action} alerts`);
    const ids = input.alertIds;
    const visible = new Set((await this.drift.findAlerts(this.db.reader, actor, ids)).map((r) => r.id as string));
    const missing = ids.find((id) => !visible.has(id));
    if (missing) throw new NotFound('Alert', missing);
    const to = input.action === 'acknowledge' ? 'acknowledged' : 'resolved';
    const note = to === 'resolved' ? input.note!.trim() : null;
    const changed = await this.db.transaction(async (tx) => {
      const locked = await this.drift.lockAlertStates(tx, actor.organizationId, ids);
      if (locked.length !== ids.length)
        throw new NotFound(
          'Alert',
          ids.find((id) => !locked.some((a) => a.id === id))!,
        );
      const resolved = locked.filter((a) => a.status === 'resolved').map((a) => a.id);
      if (resolved.length > 0)
        throw new Conflict(
          'ALERT.ALREADY_RESOLVED',
          `${resolved.length === 1 ? 'An alert is' : `${resolved.length} alerts are`} already resolved: nothing was changed`,
          { alertIds: resolved },
        );
      const changing = locked.filter((a) => a.status !== to);
      if (changing.length === 0) return 0;
      await this.drift.transitionAlerts(tx, actor.organizationId, changing, {
        to,
        now: this.clock.now(),
        userId: actor.userId,
        note,
      });
      for (const a of changing)
        await this.audit.record(tx, actor, `alert.${to}`, 'alert', a.id, { status: a.status }, { status: to, note });
      return changing.length;
    });
    const alerts = await this.drift.findAlerts(this.db.reader, actor, ids);
    return { action: input.action, changed, alerts: alerts.map(toView) };
  }

  private async transition(
    actor: Actor,
    id: string,
    to: 'acknowledged' | 'resolved',
    note: string | null,
  ): Promise<void> {
    await this.find(actor, id);
    await this.db.transaction(async (tx) => {
      const alert = await this.drift.lockAlertState(tx, actor.organizationId, id);
      if (!alert) throw new NotFound('Alert', id);
      if (alert.status === 'resolved') throw new Conflict('ALERT.ALREADY_RESOLVED', `Alert ${id} is already resolved`);
      if (to === 'acknowledged' && alert.status === 'acknowledged')
        throw new Conflict('ALERT.ALREADY_ACKNOWLEDGED', `Alert ${id} is already acknowledged`);
      const now = this.clock.now();
      if (to === 'acknowledged') {
        await this.drift.acknowledgeAlert(tx, actor.organizationId, id, now, actor.userId);
      } else {
        await this.drift.resolveAlert(tx, actor.organizationId, id, now, actor.userId, note);
      }
      await this.drift.recordAlertEvent(tx, actor.organizationId, id, {
        kind: to,
        severity: alert.severity,
        actorId: actor.userId,
        note,
      });
      await this.audit.record(tx, actor, `alert.${to}`, 'alert', id, { status: alert.status }, { status: to, note });
    });
  }

  private async find(actor: Actor, id: string): Promise<AlertView> {
    const row = await this.drift.findAlert(this.db.reader, actor, id);
    if (!row) throw new NotFound('Alert', id);
    return toView(row);
  }
}

function toView(r: Record<string, unknown>): AlertView {
  const iso = (v: unknown) => (v ? (v as Date).toISOString() : null);
  return {
    id: r.id as string,
    rule: r.rule as AlertView['rule'],
    subjectType: r.subject_type as AlertView['subjectType'],
    subjectId: r.subject_id as string,
    engagementId: (r.engagement_id as string | null) ?? null,
    clientId: (r.client_id as string | null) ?? null,
    clientName: (r.client_name as string | null) ?? null,
    engagementFunction: (r.engagement_function as string | null) ?? null,
    severity: r.severity as AlertView['severity'],
    status: r.status as AlertView['status'],
    message: r.message as string,
    details: (r.details as Record<string, unknown>) ?? {},
    conditionSince: conditionSince(r.rule as AlertView['rule'], (r.details as Record<string, unknown>) ?? {}),
    firstSeenAt: iso(r.first_seen_at)!,
    lastSeenAt: iso(r.last_seen_at)!,
    acknowledgedAt: iso(r.acknowledged_at),
    resolvedAt: iso(r.resolved_at),
    resolutionNote: (r.resolution_note as string | null) ?? null,
  };
}
