import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { Conflict, NotFound } from '../shared/errors';
import { pageTotal, type Page } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import type { AlertDetailView, AlertView, ListAlertsQueryDto } from './alert.dto';

/**
 * Alerts as people see them. Reach follows the engagement (a client viewer sees alerts of their granted
 * clients' engagements only); alerts that span engagements (owner overload) are for admins and account managers.
 */
@Injectable()
export class AlertsService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly audit: AuditService, private readonly clock: Clock) {}

  async list(actor: Actor, query: ListAlertsQueryDto): Promise<Page<AlertView>> {
    const p = new SqlParams();
    const where = [this.scope(actor, p)];
    if (query.status) where.push(`a.status = ${p.add(query.status)}`);
    if (query.severity) where.push(`a.severity = ${p.add(query.severity)}`);
    if (query.rule) where.push(`a.rule = ${p.add(query.rule)}`);
    if (query.engagementId) where.push(`a.engagement_id = ${p.add(query.engagementId)}`);
    if (query.clientId) where.push(`e.client_id = ${p.add(query.clientId)}`);
    const filter = `${FROM_VIEW} WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(
      `${SELECT_VIEW}, count(*) OVER () AS total ${filter}
        ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.last_seen_at ${query.order === 'asc' ? 'ASC' : 'DESC'}, a.id
        LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
    const total = await pageTotal(this.db.reader, rows, query.offset, `SELECT count(*) AS n ${filter}`, countParams);
    return { items: rows.map(toView), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<AlertDetailView> {
    const alert = await this.find(actor, id);
    const events: Array<Record<string, unknown>> = await this.db.reader.query(
      `SELECT kind, severity, actor_id, note, created_at FROM drift_alert_events WHERE organization_id = $1 AND alert_id = $2 ORDER BY created_at, id`,
      [actor.organizationId, id],
    );
    return {
      ...alert,
      history: events.map((e) => ({
        kind: e.kind as AlertDetailView['history'][number]['kind'], severity: e.severity as AlertView['severity'],
        actorId: (e.actor_id as string | null) ?? null, note: (e.note as string | null) ?? null, at: (e.created_at as Date).toISOString(),
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

  private async transition(actor: Actor, id: string, to: 'acknowledged' | 'resolved', note: string | null): Promise<void> {
    await this.find(actor, id);
    await this.db.transaction(async (tx) => {
      const [alert]: Array<{ status: string; severity: string }> = await tx.query(
        `SELECT status, severity FROM drift_alerts WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organizationId, id],
      );
      if (!alert) throw new NotFound('Alert', id);
      if (alert.status === 'resolved') throw new Conflict('ALERT.ALREADY_RESOLVED', `Alert ${id} is already resolved`);
      if (to === 'acknowledged' && alert.status === 'acknowledged') throw new Conflict('ALERT.ALREADY_ACKNOWLEDGED', `Alert ${id} is already acknowledged`);
      const now = this.clock.now();
      if (to === 'acknowledged') {
        await tx.query(`UPDATE drift_alerts SET status = 'acknowledged', acknowledged_at = $3, acknowledged_by = $4 WHERE organization_id = $1 AND id = $2`, [actor.organizationId, id, now, actor.userId]);
      } else {
        await tx.query(
          `UPDATE drift_alerts SET status = 'resolved', resolved_at = $3, resolved_by = $4, resolution_note = $5 WHERE organization_id = $1 AND id = $2`,
          [actor.organizationId, id, now, actor.userId, note],
        );
      }
      await tx.query(
        `INSERT INTO drift_alert_events (organization_id, alert_id, kind, severity, actor_id, note) VALUES ($1, $2, $3, $4, $5, $6)`,
        [actor.organizationId, id, to, alert.severity, actor.userId, note],
      );
      await this.audit.record(tx, actor, `alert.${to}`, 'alert', id, { status: alert.status }, { status: to, note });
    });
  }

  private async find(actor: Actor, id: string): Promise<AlertView> {
    const p = new SqlParams();
    const rows: Array<Record<string, unknown>> = await this.db.reader.query(`${SELECT_VIEW} ${FROM_VIEW} WHERE a.id = ${p.add(id)} AND ${this.scope(actor, p)}`, p.values);
    if (!rows[0]) throw new NotFound('Alert', id);
    return toView(rows[0]);
  }

  private scope(actor: Actor, p: SqlParams): string {
    const org = `a.organization_id = ${p.add(actor.organizationId)}`;
    if (actor.role === 'admin' || actor.role === 'account_manager') return org;
    // Allocation is commercial: client viewers never see it, so not its alerts either.
    const commercial = actor.role === 'client_viewer' ? ` AND a.rule <> 'allocation_mismatch'` : '';
    return `${org} AND e.id IS NOT NULL AND ${this.access.engagementScope(actor, 'e', p)}${commercial}`;
  }
}

const SELECT_VIEW = `SELECT a.id, a.rule, a.subject_type, a.subject_id, a.engagement_id, e.client_id, c.name AS client_name, a.severity, a.status,
  a.message, a.details, a.first_seen_at, a.last_seen_at, a.acknowledged_at, a.resolved_at, a.resolution_note`;
const FROM_VIEW = `FROM drift_alerts a
  LEFT JOIN engagements e ON e.organization_id = a.organization_id AND e.id = a.engagement_id
  LEFT JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id`;

function toView(r: Record<string, unknown>): AlertView {
  const iso = (v: unknown) => (v ? (v as Date).toISOString() : null);
  return {
    id: r.id as string, rule: r.rule as AlertView['rule'], subjectType: r.subject_type as AlertView['subjectType'], subjectId: r.subject_id as string,
    engagementId: (r.engagement_id as string | null) ?? null, clientId: (r.client_id as string | null) ?? null, clientName: (r.client_name as string | null) ?? null,
    severity: r.severity as AlertView['severity'], status: r.status as AlertView['status'], message: r.message as string,
    details: (r.details as Record<string, unknown>) ?? {}, firstSeenAt: iso(r.first_seen_at)!, lastSeenAt: iso(r.last_seen_at)!,
    acknowledgedAt: iso(r.acknowledged_at), resolvedAt: iso(r.resolved_at), resolutionNote: (r.resolution_note as string | null) ?? null,
  };
}
