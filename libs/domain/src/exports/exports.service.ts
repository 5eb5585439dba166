import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AlertsService } from '../drift/alerts.service';
import { ListAlertsQueryDto } from '../drift/alert.dto';
import { exportCell } from '../imports/csv-safety';
import { IMPORT_COLUMNS, type ImportType } from '../imports/import-columns';
import { ImportsRepository } from '../imports/imports.repository';
import { MilestonesService } from '../milestones/milestones.service';
import { PortfolioQueryDto } from '../portfolio/portfolio.dto';
import { PortfolioService } from '../portfolio/portfolio.service';
import { PrioritiesService } from '../priorities/priorities.service';
import type { Actor } from '../shared/actor';

/** Rows per read while streaming: the whole export is never held in memory. */
const PAGE = 100;

export const EXPORT_KINDS = [
  'portfolio',
  'alerts',
  'clients',
  'executives',
  'engagements',
  'owners',
  'priorities',
  'milestones',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * CSV exports (issue 19), streamed as they are read, UTF-8 with a byte order mark, every text cell neutralised
 * against formulas (csv-safety.ts). The portfolio and the alerts are what the caller can list, page by page through
 * the same services as the API (the same reach, the same hidden fields); the six record types are the firm export
 * in the import's own column format, so exporting a firm and importing it into another organization rebuilds it.
 * Access is checked before the first byte: a refusal is a JSON error, not a broken download.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessService,
    private readonly portfolio: PortfolioService,
    private readonly alerts: AlertsService,
    private readonly milestones: MilestonesService,
    private readonly priorities: PrioritiesService,
    private readonly imports: ImportsRepository,
  ) {}

  async export(actor: Actor, kind: ExportKind): Promise<Readable> {
    if (kind === 'portfolio') return this.portfolioCsv(actor);
    if (kind === 'alerts') return this.alertsCsv(actor);
    this.access.permit(actor, 'exports.firm', 'export the firm');
    return this.recordsCsv(actor, kind);
  }

  private async portfolioCsv(actor: Actor): Promise<Readable> {
    const page = async (offset: number) =>
      this.db.forOrganization(actor.organizationId, () =>
        this.portfolio.portfolio(actor, Object.assign(new PortfolioQueryDto(), { limit: PAGE, offset })),
      );
    const first = await page(0);
    const manager = actor.role !== 'client_viewer';
    const header = [
      'client',
      'executive',
      'function',
      'status',
      ...(manager ? ['days_per_week'] : []),
      'active_priorities',
      'draft_priorities',
      'achieved_priorities',
      'dropped_priorities',
      'progress',
      'expected_progress',
      'health',
      'reported_rag',
      'overdue_milestones',
      'next_milestone',
      'next_milestone_due',
      'last_check_in_at',
      'drift_score',
      'open_alerts_critical',
      'open_alerts_warning',
      'open_alerts_info',
      ...(manager ? ['account_manager'] : []),
    ];
    async function* rows() {
      yield header;
      for (let current = first, offset = 0; ;) {
        for (const e of current.items)
          yield [
            e.clientName,
            e.executiveName,
            e.function,
            e.status,
            ...(manager ? [e.daysPerWeek] : []),
            e.priorityCounts.active,
            e.priorityCounts.draft,
            e.priorityCounts.achieved,
            e.priorityCounts.dropped,
            e.progress,
            e.expectedProgress,
            e.health,
            e.reportedRag,
            e.overdueMilestones,
            e.nextMilestone?.title ?? null,
            e.nextMilestone?.dueDate ?? null,
            e.lastCheckInAt,
            e.driftScore,
            e.openAlerts.critical,
            e.openAlerts.warning,
            e.openAlerts.info,
            ...(manager ? [e.accountManagerName ?? null] : []),
          ];
        offset += PAGE;
        if (offset >= current.total || current.items.length === 0) return;
        current = await page(offset);
      }
    }
    return toCsv(rows());
  }

  private async alertsCsv(actor: Actor): Promise<Readable> {
    const page = (offset: number) =>
      this.db.forOrganization(actor.organizationId, () =>
        this.alerts.list(actor, Object.assign(new ListAlertsQueryDto(), { limit: PAGE, offset })),
      );
    const first = await page(0);
    async function* rows() {
      yield [
        'rule',
        'severity',
        'status',
        'client',
        'subject_type',
        'message',
        'first_seen_at',
        'last_seen_at',
        'acknowledged_at',
        'resolved_at',
        'resolution_note',
      ];
      for (let current = first, offset = 0; ;) {
        for (const a of current.items)
          yield [
            a.rule,
            a.severity,
            a.status,
            a.clientName,
            a.subjectType,
            a.message,
            a.firstSeenAt,
            a.lastSeenAt,
            a.acknowledgedAt,
            a.resolvedAt,
            a.resolutionNote,
          ];
        offset += PAGE;
        if (offset >= current.total || current.items.length === 0) return;
        current = await page(offset);
      }
    }
    return toCsv(rows());
  }

  /** An engagement's milestones with their re-plan history: one row per milestone, then one per due-date change. */
  async engagementMilestones(actor: Actor, engagementId: string): Promise<Readable> {
    const priorities = await this.priorities.list(actor, engagementId);
    const db = this.db;
    const milestones = this.milestones;
    async function* rows() {
      yield [
        'priority',
        'milestone',
        'row',
        'status',
        'baseline_due_date',
        'due_date',
        'forecast_date',
        'completed_at',
        'slip_days',
        'changed_at',
        'old_due_date',
        'new_due_date',
        'reason',
        'changed_by',
      ];
      for (const priority of priorities) {
        const list = await db.forOrganization(actor.organizationId, () => milestones.list(actor, priority.id));
        for (const m of list) {
          yield [
            priority.title,
            m.title,
            'milestone',
            m.status,
            m.baselineDueDate,
            m.dueDate,
            m.forecastDate,
            m.completedAt,
            m.slipDays,
            null,
            null,
            null,
            null,
            null,
          ];
          if (m.replanCount === 0) continue;
          const history = await db.forOrganization(actor.organizationId, () => milestones.history(actor, m.id));
          for (const h of history)
            yield [
              priority.title,
              m.title,
              're-plan',
              null,
              null,
              null,
              null,
              null,
              null,
              h.changedAt,
              h.oldDueDate,
              h.newDueDate,
              h.reason,
              h.changedByName,
            ];
        }
      }
    }
    return toCsv(rows());
  }

  private recordsCsv(actor: Actor, type: ImportType): Readable {
    const columns = IMPORT_COLUMNS[type]
      .map((c) => c.name)
      .filter((c) => c !== 'replan_reason' && c !== 'replan_category');
    const { db, imports } = this;
    async function* rows() {
      yield columns;
      const batches = imports.allRecords(db.reader, actor.organizationId, type);
      for (;;) {
        const next = await db.forOrganization(actor.organizationId, () => batches.next());
        if (next.done) return;
        for (const record of next.value)
          yield columns.map((c) => (c === 'external_key' ? (record.external_key ?? record.id) : keyOrId(record, c)));
      }
    }
    return toCsv(rows());
  }
}

/** A reference column: the referenced record's external key, or its id when it has none (typed into the app). */
function keyOrId(record: Record<string, unknown>, column: string): unknown {
  if (!column.endsWith('_key')) return record[column];
  return record[column] ?? record[`${column.slice(0, -4)}_id`];
}

function toCsv(rows: AsyncIterable<unknown[]>): Readable {
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) yield row.map(exportCell);
    })(),
  );
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  // A read that fails mid-way ends the download with an error instead of a silently short file.
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
