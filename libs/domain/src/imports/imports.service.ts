import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db, type Tx } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { DriftJobs } from '../drift/drift-jobs.port';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { RuleViolation } from '../shared/errors';
import { IMPORT_COLUMNS, IMPORT_ORDER, type ImportType, type MappedRow } from './import-columns';
import { planImport, type ExistingRecords, type ImportPlan, type ImportRecord } from './import-plan';
import type { ImportMode, ImportReportView } from './import.dto';
import { ImportsRepository } from './imports.repository';

export type ImportFiles = Partial<Record<ImportType, MappedRow[]>>;

/** Which columns of which type name records of another type. */
const REFERENCE_KEYS: Array<{ from: ImportType; column: string; to: ImportType }> = [
  { from: 'engagements', column: 'client_key', to: 'clients' },
  { from: 'engagements', column: 'executive_key', to: 'executives' },
  { from: 'owners', column: 'client_key', to: 'clients' },
  { from: 'priorities', column: 'engagement_key', to: 'engagements' },
  { from: 'priorities', column: 'owner_key', to: 'owners' },
  { from: 'milestones', column: 'priority_key', to: 'priorities' },
];

const ENTITY: Record<ImportType, string> = {
  clients: 'client',
  executives: 'executive',
  engagements: 'engagement',
  owners: 'owner',
  priorities: 'priority',
  milestones: 'milestone',
};

/**
 * CSV import (issue 19): a dry run and a commit make the same plan (import-plan.ts) from the same reads; the dry run
 * stops there, the commit writes it in one transaction — set-based, one statement per type and kind of write —
 * or, when any row has an error, writes nothing and answers 422 with the same per-row report.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly db: Db,
    private readonly imports: ImportsRepository,
    private readonly access: AccessService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
    private readonly driftJobs: DriftJobs,
  ) {}

  /** Before the upload is read: a role that may not import is refused without reading a byte. */
  permit(actor: Actor): void {
    this.access.permit(actor, 'imports.run', 'import records');
  }

  async run(actor: Actor, files: ImportFiles, mode: ImportMode): Promise<ImportReportView> {
    this.permit(actor);
    if (mode === 'dry-run') {
      const plan = await this.db.transaction((tx) => this.plan(tx, actor, files, false));
      return report(plan, mode, false);
    }
    const plan = await this.db.transaction(async (tx) => {
      const planned = await this.plan(tx, actor, files, true);
      if (planned.errorCount > 0) {
        throw new RuleViolation(
          'IMPORT.ROWS_INVALID',
          `${planned.errorCount} row${planned.errorCount === 1 ? ' has' : 's have'} errors: nothing was imported`,
          { report: report(planned, mode, false) },
        );
      }
      await this.write(tx, actor, planned);
      return planned;
    });
    // After the commit: drift and deadlines are re-read from the new rows (a queue outage must not fail the import).
    if (plan.writes.some((w) => w.create.length || w.update.length)) {
      try {
        await this.driftJobs.scanOrganization(actor.organizationId);
      } catch (error) {
        this.logger.warn(`could not schedule a drift scan after an import: ${String(error)}`);
      }
    }
    return report(plan, mode, true);
  }

  private async plan(tx: Tx, actor: Actor, files: ImportFiles, lock: boolean): Promise<ImportPlan> {
    const keys = new Map<ImportType, Set<string>>(IMPORT_ORDER.map((t) => [t, new Set<string>()]));
    for (const type of IMPORT_ORDER)
      for (const row of files[type] ?? []) if (row.externalKey) keys.get(type)!.add(row.externalKey);
    for (const ref of REFERENCE_KEYS)
      for (const row of files[ref.from] ?? []) {
        const key = row.values[ref.column];
        if (typeof key === 'string') keys.get(ref.to)!.add(key);
      }
    const byKey = {} as ExistingRecords['byKey'];
    for (const type of IMPORT_ORDER) {
      const found = await this.imports.byKeys(tx, actor.organizationId, type, [...keys.get(type)!]);
      byKey[type] = new Map(found.map((r) => [r.external_key as string, r]));
    }
    const engagementIds = [...byKey.engagements.values()].map((e) => e.id);
    const active = files.priorities
      ? await this.imports.activePriorities(tx, actor.organizationId, engagementIds, lock)
      : [];
    const activePriorities = new Map<string, Array<{ id: string; rank: number }>>();
    for (const p of active)
      activePriorities.set(p.engagement_id, [
        ...(activePriorities.get(p.engagement_id) ?? []),
        { id: p.id, rank: Number(p.rank) },
      ]);
    const managers = files.clients ? await this.imports.managers(tx, actor.organizationId) : [];
    const { today, settings } = await this.organizations.context(tx, actor.organizationId);
    return planImport(
      files,
      { byKey, activePriorities, managers: new Map(managers.map((m) => [m.email, m.id])) },
      { today, now: this.clock.now(), focusCap: settings.focusCap, newId: randomUUID },
    );
  }

  private async write(tx: Tx, actor: Actor, plan: ImportPlan): Promise<void> {
    const events: Array<{ action: string; entityType: string; entityId: string; before: unknown; after: unknown }> = [];
    for (const { type, create, update } of plan.writes) {
      await this.imports.insertMany(tx, actor.organizationId, type, create);
      await this.imports.updateMany(
        tx,
        actor.organizationId,
        type,
        update.map((u) => u.after),
      );
      if (type === 'engagements') await this.imports.insertOpeningAllocations(tx, actor, create);
      if (type === 'milestones')
        await this.imports.insertDueDateChanges(
          tx,
          actor,
          update
            .filter((u) => u.replanReason !== null)
            .map((u) => ({
              milestoneId: u.after.id,
              oldDueDate: u.before.due_date as string,
              newDueDate: u.after.due_date as string,
              reason: u.replanReason!.trim(),
              category: u.replanCategory!,
            })),
        );
      for (const record of create)
        events.push({
          action: `${ENTITY[type]}.created`,
          entityType: ENTITY[type],
          entityId: record.id,
          before: null,
          after: auditValues(type, record),
        });
      for (const { before, after } of update)
        events.push({
          action: `${ENTITY[type]}.updated`,
          entityType: ENTITY[type],
          entityId: after.id,
          before: auditValues(type, before),
          after: auditValues(type, after),
        });
    }
    await this.imports.audit(tx, actor, events);
  }
}

/** What the audit keeps of an imported record: its columns, marked as coming from an import. */
function auditValues(type: ImportType, record: ImportRecord): Record<string, unknown> {
  const values: Record<string, unknown> = { id: record.id, source: 'csv-import' };
  for (const column of IMPORT_COLUMNS[type])
    if (column.name !== 'replan_reason' && column.name !== 'replan_category')
      values[column.name] = record[column.name] ?? null;
  return values;
}

function report(plan: ImportPlan, mode: ImportMode, committed: boolean): ImportReportView {
  const summary = { created: 0, updated: 0, unchanged: 0, error: 0 };
  for (const row of plan.rows) summary[row.outcome] += 1;
  return { mode, committed, summary, rows: plan.rows };
}
