import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import type { Rag } from '../check-ins/check-in.entity';
import { hiddenAlertRules, visibleAlertRuleSql } from '../drift/alert-visibility';
import type { Severity } from '../drift/drift-types';
import type { ReplanCategory } from '../milestones/milestone.entity';
import type { Actor } from '../shared/actor';
import type { Role } from '../users/user.entity';
import { SqlParams } from '../shared/sql';
import type { DigestEngagementFacts } from './digest-content';

export interface FactsRequest {
  actor: Actor;
  /** The recipient's local date; windows are [today − 7, today) and [today, today + 14). */
  today: string;
  /** The recipient's timezone: timestamps become local dates in it. */
  timezone: string;
  /**
   * Digests composed from one dispatch share the facts of an engagement (loaded once for its many
   * recipients). Without a batch, everything is loaded fresh.
   */
  batch?: string;
}

const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX_ENTRIES = 5_000;

interface EngagementRow {
  id: string;
  client_name: string;
  function: string;
  executive_name: string;
}

/**
 * Loads what a digest says about the engagements a recipient may see: the access rules decide which
 * (AccessService.engagementScope, as for every other read), then a fixed handful of set-based queries over
 * those engagements, whatever their number. Open alerts are counted as the recipient may list them: client viewers
 * never see allocation alerts (commercial; alert-visibility.ts).
 */
@Injectable()
export class DigestFactsRepository {
  private readonly cache = new Map<string, { at: number; facts: DigestEngagementFacts }>();
  /** Within a batch, recipients with the same reach (role, grants, placements) see the same engagements. */
  private readonly reachCache = new Map<string, { at: number; engagements: EngagementRow[] }>();

  constructor(private readonly access: AccessService) {}

  async load(tx: Queryable, request: FactsRequest): Promise<DigestEngagementFacts[]> {
    const { actor } = request;
    const now = Date.now();
    const reachKey = `${request.batch}|${actor.organizationId}|${actor.role}|${[...actor.clientIds].sort().join(',')}|${[...actor.executiveIds].sort().join(',')}`;
    const reach = request.batch ? this.reachCache.get(reachKey) : undefined;
    const engagements =
      reach && now - reach.at < CACHE_TTL_MS ? reach.engagements : await this.visibleEngagements(tx, actor);
    if (request.batch && !reach) {
      if (this.reachCache.size >= CACHE_MAX_ENTRIES) this.reachCache.clear();
      this.reachCache.set(reachKey, { at: now, engagements });
    }
    // Recipients whose roles hide the same alert rules share an engagement's facts.
    const hiddenRules = hiddenAlertRules(actor.role).join(',');
    const keyOf = (id: string) => `${request.batch}|${id}|${request.today}|${request.timezone}|${hiddenRules}`;
    const found = new Map<string, DigestEngagementFacts>();
    if (request.batch) {
      for (const e of engagements) {
        const hit = this.cache.get(keyOf(e.id));
        if (hit && now - hit.at < CACHE_TTL_MS) found.set(e.id, hit.facts);
      }
    }
    const missing = engagements.filter((e) => !found.has(e.id));
    if (missing.length) {
      const loaded = await this.loadFacts(
        tx,
        actor.organizationId,
        missing,
        request.today,
        request.timezone,
        actor.role,
      );
      for (const facts of loaded) {
        found.set(facts.engagementId, facts);
        if (request.batch) this.remember(keyOf(facts.engagementId), facts, now);
      }
    }
    return engagements.map((e) => found.get(e.id)!);
  }

  /** The active engagements the access rules let this recipient see. */
  private async visibleEngagements(tx: Queryable, actor: Actor): Promise<EngagementRow[]> {
    const p = new SqlParams();
    return tx.query(
      `SELECT e.id, c.name AS client_name, e.function, x.name AS executive_name
         FROM engagements e
         JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
        WHERE ${this.access.engagementScope(actor, 'e', p)} AND e.status = 'active'
        ORDER BY c.name, e.function, e.id`,
      p.values,
    );
  }

  private remember(key: string, facts: DigestEngagementFacts, now: number): void {
    if (this.cache.size >= CACHE_MAX_ENTRIES) {
      for (const [k, v] of this.cache)
        if (now - v.at >= CACHE_TTL_MS || this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(k);
    }
    this.cache.set(key, { at: now, facts });
  }

  private async loadFacts(
    tx: Queryable,
    organizationId: string,
    engagements: EngagementRow[],
    today: string,
    timezone: string,
    role: Role,
  ): Promise<DigestEngagementFacts[]> {
    const ids = engagements.map((e) => e.id);
    const byId = new Map<string, DigestEngagementFacts>(
      engagements.map((e) => [
        e.id,
        {
          engagementId: e.id,
          clientName: e.client_name,
          function: e.function,
          executiveName: e.executive_name,
          priorities: [],
          driftSnapshots: [],
          completed: [],
          replanned: [],
          open: [],
          forecastMoves: [],
          openAlerts: { info: 0, warning: 0, critical: 0 },
          latestCheckIn: null,
        },
      ]),
    );
    const priorities: Array<Record<string, unknown>> = await tx.query(
      `SELECT pr.id, pr.engagement_id, pr.title, to_char(pr.start_date, 'YYYY-MM-DD') AS start_date, to_char(pr.target_date, 'YYYY-MM-DD') AS target_date,
              COALESCE(agg.done / NULLIF(agg.total, 0), 0) AS progress, ci.rag AS latest_rag,
              to_char(agg.oldest_open_due, 'YYYY-MM-DD') AS oldest_open_due
         FROM priorities pr
         LEFT JOIN LATERAL (
           SELECT sum(m.weight) FILTER (WHERE m.status <> 'cancelled') AS total, sum(m.weight) FILTER (WHERE m.status = 'done') AS done,
                  min(m.due_date) FILTER (WHERE m.status IN ('planned','in_progress')) AS oldest_open_due
             FROM milestones m WHERE m.organization_id = pr.organization_id AND m.priority_id = pr.id) agg ON true
         LEFT JOIN LATERAL (
           SELECT c.rag FROM check_ins c WHERE c.organization_id = pr.organization_id AND c.priority_id = pr.id ORDER BY c.created_at DESC, c.id DESC LIMIT 1) ci ON true
        WHERE pr.organization_id = $1 AND pr.engagement_id = ANY($2::uuid[]) AND pr.status = 'active'
        ORDER BY pr.rank`,
      [organizationId, ids],
    );
    for (const r of priorities) {
      byId.get(r.engagement_id as string)!.priorities.push({
        id: r.id as string,
        title: r.title as string,
        startDate: r.start_date as string,
        targetDate: r.target_date as string,
        progress: Number(r.progress),
        latestRag: (r.latest_rag as Rag | null) ?? null,
        oldestOpenDueDate: (r.oldest_open_due as string | null) ?? null,
      });
    }
    const snapshots: Array<{ engagement_id: string; date: string; score: number }> = await tx.query(
      `SELECT engagement_id, to_char(snapshot_date, 'YYYY-MM-DD') AS date, score FROM drift_snapshots
        WHERE organization_id = $1 AND engagement_id = ANY($2::uuid[]) AND snapshot_date > $3::date - 57 AND snapshot_date <= $3::date`,
      [organizationId, ids, today],
    );
    for (const s of snapshots) byId.get(s.engagement_id)!.driftSnapshots.push({ date: s.date, score: Number(s.score) });

    const milestones: Array<Record<string, string | null>> = await tx.query(
      `SELECT p.engagement_id, m.title, p.title AS priority_title, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, m.status,
              to_char(m.completed_at AT TIME ZONE $4, 'YYYY-MM-DD') AS completed_on
         FROM milestones m
         JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id AND p.status <> 'dropped'
        WHERE m.organization_id = $1 AND p.engagement_id = ANY($2::uuid[])
          AND ((m.status = 'done' AND m.completed_at >= (($3::date - 7)::timestamp AT TIME ZONE $4) AND m.completed_at < ($3::date::timestamp AT TIME ZONE $4))
            OR (m.status IN ('planned','in_progress') AND p.status = 'active' AND m.due_date < $3::date + 14))
        ORDER BY m.due_date, m.title`,
      [organizationId, ids, today, timezone],
    );
    for (const m of milestones) {
      const facts = byId.get(m.engagement_id!)!;
      const base = { title: m.title!, priorityTitle: m.priority_title!, dueDate: m.due_date! };
      if (m.status === 'done') facts.completed.push({ ...base, completedOn: m.completed_on! });
      else facts.open.push(base);
    }

    const replans: Array<Record<string, string>> = await tx.query(
      `SELECT p.engagement_id, m.title, p.title AS priority_title, to_char(h.old_due_date, 'YYYY-MM-DD') AS old_due_date,
              to_char(h.new_due_date, 'YYYY-MM-DD') AS new_due_date, h.reason, h.category, to_char(h.changed_at AT TIME ZONE $4, 'YYYY-MM-DD') AS changed_on
         FROM milestone_due_date_changes h
         JOIN milestones m ON m.organization_id = h.organization_id AND m.id = h.milestone_id
         JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id
        WHERE h.organization_id = $1 AND p.engagement_id = ANY($2::uuid[])
          AND h.changed_at >= (($3::date - 7)::timestamp AT TIME ZONE $4) AND h.changed_at < ($3::date::timestamp AT TIME ZONE $4)
        ORDER BY h.changed_at`,
      [organizationId, ids, today, timezone],
    );
    for (const r of replans) {
      byId.get(r.engagement_id)!.replanned.push({
        title: r.title,
        priorityTitle: r.priority_title,
        oldDueDate: r.old_due_date,
        newDueDate: r.new_due_date,
        reason: r.reason,
        category: r.category as ReplanCategory,
        changedOn: r.changed_on,
      });
    }

    // Forecasts of open milestones that moved by more than a week this week (migrations/1766900000000-ForecastMoves.ts).
    const moves: Array<Record<string, string>> = await tx.query(
      `SELECT p.engagement_id, m.title, p.title AS priority_title, to_char(mf.previous_p80, 'YYYY-MM-DD') AS previous_p80,
              to_char(mf.p80_date, 'YYYY-MM-DD') AS p80, to_char(mf.moved_at AT TIME ZONE $4, 'YYYY-MM-DD') AS moved_on
         FROM milestone_forecasts mf
         JOIN milestones m ON m.organization_id = mf.organization_id AND m.id = mf.milestone_id
         JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id
        WHERE mf.organization_id = $1 AND p.engagement_id = ANY($2::uuid[]) AND mf.moved_at IS NOT NULL
          AND mf.moved_at >= (($3::date - 7)::timestamp AT TIME ZONE $4) AND mf.moved_at < ($3::date::timestamp AT TIME ZONE $4)
          AND m.status IN ('planned','in_progress') AND p.status = 'active'`,
      [organizationId, ids, today, timezone],
    );
    for (const r of moves) {
      byId.get(r.engagement_id!)!.forecastMoves.push({
        title: r.title!,
        priorityTitle: r.priority_title!,
        previousP80: r.previous_p80!,
        p80: r.p80!,
        movedOn: r.moved_on!,
      });
    }

    // counted as the recipient may list them (alert-visibility.ts)
    const visible = new SqlParams();
    visible.add(organizationId);
    visible.add(ids);
    const alerts: Array<{ engagement_id: string; severity: Severity; n: number }> = await tx.query(
      `SELECT engagement_id, severity, count(*)::int AS n FROM drift_alerts a
        WHERE organization_id = $1 AND engagement_id = ANY($2::uuid[]) AND status <> 'resolved'
          AND ${visibleAlertRuleSql(role, 'a', visible)}
        GROUP BY engagement_id, severity`,
      visible.values,
    );
    for (const a of alerts) byId.get(a.engagement_id)!.openAlerts[a.severity] = a.n;

    // The latest check-in per engagement first, then the previous confidence for those rows only: in the
    // DISTINCT ON's select list it ran once per check-in sorted (48,000 lookups for an admin of 2,400 engagements).
    const checkIns: Array<Record<string, unknown>> = await tx.query(
      `SELECT l.engagement_id, l.priority_title, l.rag, l.confidence, to_char(l.created_at AT TIME ZONE $3, 'YYYY-MM-DD') AS created_on,
              (SELECT c2.confidence FROM check_ins c2
                WHERE c2.organization_id = $1 AND c2.priority_id = l.priority_id AND (c2.created_at, c2.id) < (l.created_at, l.id)
                ORDER BY c2.created_at DESC, c2.id DESC LIMIT 1) AS previous_confidence
         FROM (SELECT DISTINCT ON (p.engagement_id) p.engagement_id, p.title AS priority_title, c.id, c.priority_id, c.created_at, c.rag, c.confidence
                 FROM check_ins c
                 JOIN priorities p ON p.organization_id = c.organization_id AND p.id = c.priority_id
                WHERE c.organization_id = $1 AND p.engagement_id = ANY($2::uuid[])
                ORDER BY p.engagement_id, c.created_at DESC, c.id DESC) l`,
      [organizationId, ids, timezone],
    );
    for (const c of checkIns) {
      byId.get(c.engagement_id as string)!.latestCheckIn = {
        priorityTitle: c.priority_title as string,
        createdOn: c.created_on as string,
        rag: c.rag as Rag,
        confidence: Number(c.confidence),
        previousConfidence: c.previous_confidence === null ? null : Number(c.previous_confidence),
      };
    }
    return [...byId.values()];
  }
}
