import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { localDate } from '../health/calendar';
import { AlertOutboxRepository, type AlertToNotify } from '../notifications/alert-outbox.repository';
import { OrganizationsService } from '../organizations/organizations.service';
import { Clock } from '../shared/clock';
import { planAlerts, type AlertPlan, type OpenAlert } from './alert-reconcile';
import { DriftFactsRepository, type PriorityScoreFacts } from './drift-facts.repository';
import { NotificationJobs } from './drift-jobs.port';
import { driftScore, engagementDriftScore } from './drift-score';
import type { Detection, ScanFacts } from './drift-types';
import { evaluateDriftRules, resolveDriftThresholds } from './rules';

export interface ScanResult {
  organizationId: string;
  milestonesEvaluated: number;
  detections: number;
  raised: number;
  escalated: number;
  resolved: number;
  notifications: number;
}

export interface DriftScanSettings {
  publicUrl: string;
}

/**
 * One organization's drift scan: load facts (a few set-based queries), evaluate the pure rules, then in one
 * transaction reconcile alerts (insert, escalate, refresh, resolve — each one statement), write the outbox
 * and today's snapshot. Deliveries are enqueued only after the commit.
 */
@Injectable()
export class DriftScanService {
  private readonly logger = new Logger('DriftScan');
  private settings: DriftScanSettings = { publicUrl: 'http://localhost:3000' };

  constructor(
    private readonly db: Db,
    private readonly facts: DriftFactsRepository,
    private readonly outbox: AlertOutboxRepository,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationJobs,
    private readonly clock: Clock,
  ) {}

  configure(settings: DriftScanSettings): void {
    this.settings = settings;
  }

  async scanOrganization(organizationId: string): Promise<ScanResult> {
    const { plan, outboxIds, milestonesEvaluated, detections } = await this.db.transaction(async (tx) => {
      // Scans of one organization (the schedule, a deadline job, a write) take turns, and each loads its facts
      // only once it holds the lock: a scan can never act on facts older than the one before it. The unique
      // index on open alerts stays the real guarantee.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('drift-scan:' || $1))`, [organizationId]);
      const now = this.clock.now();
      const { today, timezone, settings } = await this.organizations.context(tx, organizationId);
      const thresholds = resolveDriftThresholds((settings as unknown as { drift?: Parameters<typeof resolveDriftThresholds>[0] }).drift);
      const window = thresholds.confidenceFallingDrops + 1;
      const milestones = await this.facts.milestones(tx, organizationId, today);
      const priorities = await this.facts.priorities(tx, organizationId, Math.max(window, 8));
      const engagements = await this.facts.engagements(tx, organizationId, today);
      const owners = await this.facts.owners(tx, organizationId);
      const scores = await this.facts.scoreFacts(tx, organizationId, today, timezone, now, 8);
      const facts: ScanFacts = {
        today, focusCap: settings.focusCap, health: settings, thresholds, milestones, priorities, engagements, owners,
      };
      const detections = evaluateDriftRules(facts);
      const open = await this.openAlerts(tx, organizationId);
      const plan = planAlerts(open, detections);
      const raisedIds = await this.raise(tx, organizationId, plan.raise, now);
      const escalatedIds = await this.escalate(tx, organizationId, plan, now);
      await this.refresh(tx, organizationId, plan, now);
      await this.resolve(tx, organizationId, plan.resolve, now);
      const severityOf = new Map(detections.map((d) => [`${d.rule}|${d.subjectType}|${d.subjectId}`, d.severity]));
      const toNotify: AlertToNotify[] = [
        ...raisedIds.map((r) => ({ alertId: r.id, event: 'alert.raised' as const, severity: severityOf.get(r.key)! })),
        ...escalatedIds.map((e) => ({ alertId: e.id, event: 'alert.escalated' as const, severity: e.severity })),
      ];
      const outboxIds = await this.outbox.write(tx, organizationId, toNotify, this.settings.publicUrl);
      await this.snapshot(tx, organizationId, today, scores, engagements.map((e) => e.id), settings.focusCap, engagements);
      await tx.query(`UPDATE organizations SET last_drift_scan_at = $2 WHERE id = $1`, [organizationId, now]);
      return {
        plan: { ...plan, raisedCount: raisedIds.length, escalatedCount: escalatedIds.length }, outboxIds,
        milestonesEvaluated: milestones.length, detections: detections.length,
      };
    });
    await this.notifications.deliver(outboxIds);
    const result: ScanResult = {
      organizationId, milestonesEvaluated, detections, raised: plan.raisedCount,
      escalated: plan.escalatedCount, resolved: plan.resolve.length, notifications: outboxIds.length,
    };
    if (result.raised || result.escalated || result.resolved) this.logger.log(`org ${organizationId}: ${JSON.stringify(result)}`);
    return result;
  }

  /** Outbox rows still pending after a crash between commit and enqueue: enqueued again (ids are deterministic). */
  async requeueStalledDeliveries(olderThanSeconds = 60): Promise<number> {
    const rows: Array<{ id: string }> = await this.db.reader.query(
      `SELECT id FROM outbox WHERE status = 'pending' AND created_at < $1::timestamptz - make_interval(secs => $2) ORDER BY created_at LIMIT 5000`,
      [this.clock.now().toISOString(), olderThanSeconds],
    );
    await this.notifications.redeliver(rows.map((r) => r.id));
    return rows.length;
  }

  async organizationIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.reader.query(`SELECT id FROM organizations ORDER BY id`);
    return rows.map((r) => r.id);
  }

  private async openAlerts(tx: EntityManager, organizationId: string): Promise<OpenAlert[]> {
    const rows: Array<Record<string, string>> = await tx.query(
      `SELECT id, rule, subject_type, subject_id, severity, status FROM drift_alerts WHERE organization_id = $1 AND status <> 'resolved' FOR UPDATE`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id, rule: r.rule as OpenAlert['rule'], subjectType: r.subject_type as OpenAlert['subjectType'], subjectId: r.subject_id,
      severity: r.severity as OpenAlert['severity'], status: r.status as OpenAlert['status'],
    }));
  }

  private async raise(tx: EntityManager, organizationId: string, detections: Detection[], now: Date): Promise<Array<{ id: string; key: string }>> {
    if (detections.length === 0) return [];
    const rows: Array<{ id: string; rule: string; subject_type: string; subject_id: string; severity: string }> = await tx.query(
      `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, details, first_seen_at, last_seen_at)
       SELECT $1, x.rule, x.subject_type, x.subject_id, x.engagement_id, x.severity, 'open', x.message, x.details, $2, $2
         FROM jsonb_to_recordset($3::jsonb) AS x(rule text, subject_type text, subject_id uuid, engagement_id uuid, severity text, message text, details jsonb)
       ON CONFLICT (organization_id, rule, subject_type, subject_id) WHERE status <> 'resolved' DO NOTHING
       RETURNING id, rule, subject_type, subject_id, severity`,
      [organizationId, now, JSON.stringify(detections.map(toRecord))],
    );
    await this.events(tx, organizationId, rows.map((r) => ({ alertId: r.id, kind: 'raised', severity: r.severity })));
    return rows.map((r) => ({ id: r.id, key: `${r.rule}|${r.subject_type}|${r.subject_id}` }));
  }

  /** Higher severity than before: escalate and re-open an acknowledged alert (acknowledging silences only until then). */
  private async escalate(tx: EntityManager, organizationId: string, plan: AlertPlan, now: Date): Promise<Array<{ id: string; severity: Detection['severity'] }>> {
    if (plan.escalate.length === 0) return [];
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows]: [Array<{ id: string; severity: Detection['severity'] }>, number] = await tx.query(
      `UPDATE drift_alerts a SET severity = x.severity, status = 'open', message = x.message, details = x.details, last_seen_at = $2
         FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, severity text, message text, details jsonb)
        WHERE a.organization_id = $1 AND a.id = x.id AND a.status <> 'resolved'
       RETURNING a.id, a.severity`,
      [organizationId, now, JSON.stringify(plan.escalate.map(({ alert, detection }) => ({ id: alert.id, ...toRecord(detection) })))],
    );
    await this.events(tx, organizationId, rows.map((r) => ({ alertId: r.id, kind: 'escalated', severity: r.severity })));
    return rows;
  }

  private async refresh(tx: EntityManager, organizationId: string, plan: AlertPlan, now: Date): Promise<void> {
    if (plan.refresh.length === 0) return;
    await tx.query(
      `UPDATE drift_alerts a SET last_seen_at = $2, message = x.message, details = x.details
         FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, message text, details jsonb)
        WHERE a.organization_id = $1 AND a.id = x.id`,
      [organizationId, now, JSON.stringify(plan.refresh.map(({ alert, detection }) => ({ id: alert.id, message: detection.message, details: detection.details })))],
    );
  }

  private async resolve(tx: EntityManager, organizationId: string, alerts: OpenAlert[], now: Date): Promise<void> {
    if (alerts.length === 0) return;
    const [rows]: [Array<{ id: string; severity: string }>, number] = await tx.query(
      `UPDATE drift_alerts SET status = 'resolved', resolved_at = $2, resolution_note = 'The condition cleared'
        WHERE organization_id = $1 AND id = ANY($3::uuid[]) AND status <> 'resolved' RETURNING id, severity`,
      [organizationId, now, alerts.map((a) => a.id)],
    );
    await this.events(tx, organizationId, rows.map((r) => ({ alertId: r.id, kind: 'auto_resolved', severity: r.severity })));
  }

  private async events(tx: EntityManager, organizationId: string, events: Array<{ alertId: string; kind: string; severity: string }>): Promise<void> {
    if (events.length === 0) return;
    await tx.query(
      `INSERT INTO drift_alert_events (organization_id, alert_id, kind, severity)
       SELECT $1, x.alert_id, x.kind, x.severity FROM jsonb_to_recordset($2::jsonb) AS x(alert_id uuid, kind text, severity text)`,
      [organizationId, JSON.stringify(events.map((e) => ({ alert_id: e.alertId, kind: e.kind, severity: e.severity })))],
    );
  }

  /** Today's drift score per active engagement (re-written by every scan of the day: the last one stands). */
  private async snapshot(
    tx: EntityManager, organizationId: string, today: string, scores: PriorityScoreFacts[], engagementIds: string[], focusCap: number,
    engagements: ScanFacts['engagements'],
  ): Promise<void> {
    if (engagementIds.length === 0) return;
    const perEngagement = new Map<string, number[]>(engagementIds.map((id) => [id, []]));
    for (const s of scores) perEngagement.get(s.engagementId)?.push(driftScore(toScoreInput(s)));
    const activeOf = new Map(engagements.map((e) => [e.id, e.activePriorities]));
    const records = [...perEngagement].map(([engagementId, priorityScores]) => ({
      engagement_id: engagementId,
      score: engagementDriftScore(priorityScores, { activePriorities: activeOf.get(engagementId) ?? 0, focusCap }),
      details: { priorityScores },
    }));
    await tx.query(
      `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score, open_alerts, details)
       SELECT $1, x.engagement_id, $2::date, x.score,
              (SELECT count(*) FROM drift_alerts a WHERE a.organization_id = $1 AND a.engagement_id = x.engagement_id AND a.status <> 'resolved'),
              x.details
         FROM jsonb_to_recordset($3::jsonb) AS x(engagement_id uuid, score int, details jsonb)
       ON CONFLICT (organization_id, engagement_id, snapshot_date)
       DO UPDATE SET score = EXCLUDED.score, open_alerts = EXCLUDED.open_alerts, details = EXCLUDED.details, created_at = now()`,
      [organizationId, today, JSON.stringify(records)],
    );
  }
}

function toRecord(d: Detection) {
  return { rule: d.rule, subject_type: d.subjectType, subject_id: d.subjectId, engagement_id: d.engagementId, severity: d.severity, message: d.message, details: d.details };
}

/** The aggregated facts in the shape driftScore() takes. */
function toScoreInput(s: PriorityScoreFacts) {
  return {
    milestones: [
      { slipDays: s.weightedSlipDays, weight: 1, overdue: false },
      ...Array.from({ length: s.overdueMilestones }, () => ({ slipDays: 0, weight: 0, overdue: true })),
    ],
    replanDaysLast30Days: s.replanDaysLast30Days,
    daysSinceCheckIn: s.daysSinceCheckIn,
    recentConfidences: s.recentConfidences,
  };
}


