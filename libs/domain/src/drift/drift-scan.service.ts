import { Inject, Injectable, Logger } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { ExecutiveChangesService } from '../executive-changes/executive-changes.service';
import { AlertOutboxRepository } from '../notifications/alert-outbox.repository';
import { ForecastService } from '../forecast/forecast.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { Clock } from '../shared/clock';
import { alertKey, alertsNotSeen, planDetections } from './alert-reconcile';
import { DriftAlertWriter, type PriorityOf } from './drift-alert-writer';
import { DriftFactsRepository } from './drift-facts.repository';
import { DriftRepository } from './drift.repository';
import { NotificationJobs } from './drift-jobs.port';
import { engagementSnapshotRecords } from './engagement-drift-scores';
import type { Detection, ScanFacts } from './drift-types';
import { evaluateAggregateRules, evaluateMilestoneRules, resolveDriftThresholds } from './rules';

/** Milestones read and evaluated at a time: bounds the memory a scan needs, however large the organization. */
const MILESTONE_BATCH = 5_000;

export interface ScanResult {
  organizationId: string;
  milestonesEvaluated: number;
  detections: number;
  raised: number;
  escalated: number;
  resolved: number;
  /** Outbox rows written: one per recipient and alert, or one per recipient for many alerts at once. */
  notifications: number;
}

export interface DriftScanOptions {
  /** PUBLIC_URL: links in alert messages start with it. */
  publicUrl: string;
  /** ALERT_BATCH_ABOVE: more alerts than this for one recipient from one scan, one batch message for them. */
  alertBatchAbove: number;
}

export const DRIFT_SCAN_OPTIONS = Symbol('DRIFT_SCAN_OPTIONS');

/**
 * One organization's drift scan, in one transaction: load the priority, engagement and owner facts (a few
 * set-based queries over one pass of per-priority milestone totals), recompute the landing-date forecasts from one
 * read of the organization's history, read the flagged milestones through a cursor in batches, evaluate the pure rules on each
 * batch and reconcile its alerts (insert, escalate, refresh: one statement per few thousand alerts), then
 * resolve what no batch saw, write the outbox (grouped per recipient) and today's snapshot. Deliveries are
 * enqueued only after the commit.
 */
@Injectable()
export class DriftScanService {
  private readonly logger = new Logger('DriftScan');

  constructor(
    @Inject(DRIFT_SCAN_OPTIONS) private readonly options: DriftScanOptions,
    private readonly db: Db,
    private readonly facts: DriftFactsRepository,
    private readonly drift: DriftRepository,
    private readonly alerts: DriftAlertWriter,
    private readonly outbox: AlertOutboxRepository,
    private readonly organizations: OrganizationsService,
    private readonly forecasts: ForecastService,
    private readonly notifications: NotificationJobs,
    private readonly clock: Clock,
    private readonly executiveChanges: ExecutiveChangesService,
  ) {}

  scanOrganization(organizationId: string): Promise<ScanResult> {
    return this.db.forOrganization(organizationId, () => this.scanInScope(organizationId));
  }

  private async scanInScope(organizationId: string): Promise<ScanResult> {
    const { result, outboxIds } = await this.db.transaction(async (tx) => {
      // Scans of one organization (the schedule, a deadline job, a write) take turns, and each loads its facts
      // only once it holds the lock: a scan can never act on facts older than the one before it. The unique
      // index on open alerts stays the real guarantee.
      await this.drift.lockScan(tx, organizationId);
      await this.drift.widenWorkMemForTransaction(tx);
      const now = this.clock.now();
      const { today, timezone, settings } = await this.organizations.context(tx, organizationId);
      const thresholds = {
        ...resolveDriftThresholds(
          (settings as unknown as { drift?: Parameters<typeof resolveDriftThresholds>[0] }).drift,
        ),
        termEndingWithinDays: settings.termNoticeWarningDays,
      };
      // Executive changes due by today move their engagement (and access) first: the scan is what runs on the date.
      await this.executiveChanges.applyDue(tx, organizationId, today);
      const window = thresholds.confidenceFallingDrops + 1;
      await this.facts.milestoneTotals(tx, organizationId, today, timezone);
      // Landing-date forecasts first: priorities() reads each priority's latest P80 from them.
      await this.forecasts.refresh(tx, organizationId, today, timezone, now);
      const priorities = await this.facts.priorities(tx, organizationId, Math.max(window, 8));
      const engagements = await this.facts.engagements(tx, organizationId, today);
      const owners = await this.facts.owners(tx, organizationId);
      const scores = await this.facts.scoreFacts(tx, organizationId, today, timezone, now, 8);
      // Today's drift score per active engagement: written as today's snapshot below, and what renewal_at_risk
      // weighs (an engagement not active keeps its latest snapshot).
      const snapshots = engagementSnapshotRecords(scores, engagements, settings.focusCap);
      const scoreToday = new Map(snapshots.map((s) => [s.engagement_id, s.score]));
      const terms = (await this.facts.terms(tx, organizationId, timezone, now)).map((t) => ({
        ...t,
        driftScore: scoreToday.get(t.id) ?? t.driftScore,
      }));
      const facts: ScanFacts = {
        today,
        focusCap: settings.focusCap,
        health: settings,
        thresholds,
        milestones: [],
        priorities,
        engagements,
        owners,
        terms,
        dueCheckIns: await this.facts.dueCheckIns(tx, organizationId, timezone),
        checkInMissedAfterDays: settings.checkInMissedAfterDays,
      };

      await this.alerts.begin(tx);
      const open = await this.alerts.openAlerts(tx, organizationId);
      const openByKey = new Map(open.map((a) => [alertKey(a), a]));
      const seen = new Set<string>();
      const counts = { milestonesEvaluated: 0, detections: 0, raised: 0, escalated: 0 };
      const reconcile = async (detections: Detection[], priorityOf: PriorityOf) => {
        counts.detections += detections.length;
        const plan = planDetections(openByKey, detections, seen);
        counts.raised += await this.alerts.raise(tx, organizationId, plan.raise, now, priorityOf);
        counts.escalated += await this.alerts.escalate(tx, organizationId, plan.escalate, now, priorityOf);
        await this.alerts.refresh(tx, organizationId, plan.refresh, now);
      };

      await this.facts.openMilestones(tx, organizationId, today);
      for (;;) {
        const milestones = await this.facts.fetchMilestones(tx, MILESTONE_BATCH);
        if (milestones.length === 0) break;
        counts.milestonesEvaluated += milestones.length;
        const priorityOfMilestone = new Map(milestones.map((m) => [m.id, m.priorityId]));
        await reconcile(
          evaluateMilestoneRules({ ...facts, milestones }),
          (d) => priorityOfMilestone.get(d.subjectId) ?? null,
        );
      }
      await this.facts.closeMilestones(tx);
      await reconcile(evaluateAggregateRules(facts), (d) => (d.subjectType === 'priority' ? d.subjectId : null));

      const resolved = await this.alerts.resolve(tx, organizationId, alertsNotSeen(open, seen), now);
      await this.alerts.markSeen(tx, organizationId, now);
      const outboxIds =
        counts.raised + counts.escalated > 0
          ? await this.outbox.writeForScan(tx, organizationId, { ...this.options, today, health: settings })
          : [];
      // Today's drift score per active engagement (re-written by every scan of the day: the last one stands).
      if (snapshots.length > 0) await this.drift.writeSnapshots(tx, organizationId, today, snapshots);
      await this.drift.markScanned(tx, organizationId, now);
      const result: ScanResult = { organizationId, ...counts, resolved, notifications: outboxIds.length };
      return { result, outboxIds };
    });
    await this.notifications.deliver(outboxIds);
    if (result.raised || result.escalated || result.resolved)
      this.logger.log(`org ${organizationId}: ${JSON.stringify(result)}`);
    return result;
  }

  /** Outbox rows still pending after a crash between commit and enqueue: enqueued again (ids are deterministic). */
  async requeueStalledDeliveries(olderThanSeconds = 60): Promise<number> {
    const ids = await this.db.asSystem('requeue-stalled-deliveries', () =>
      this.drift.stalledOutboxIds(this.db.reader, this.clock.now(), olderThanSeconds),
    );
    await this.notifications.redeliver(ids);
    return ids.length;
  }

  organizationIds(): Promise<string[]> {
    return this.db.asSystem('drift-scan-fan-out', () => this.drift.organizationIds(this.db.reader));
  }
}
