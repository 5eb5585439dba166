import { Inject, Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { DIGEST_OPTIONS, type DigestOptions } from '../digests/digest-composer.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { daysBetween } from '../health/calendar';
import { SummaryService } from '../portfolio/summary.service';
import type { Actor } from '../shared/actor';
import { Gone, NotFound, RuleViolation } from '../shared/errors';
import { buildReportContent, type ReportContent } from './report-content';
import type {
  CreatedShareLinkView,
  CreateReportDto,
  CreateShareLinkDto,
  ReportList,
  ReportView,
  ShareLinkList,
  ShareLinkView,
} from './report.dto';
import { renderReportPdf } from './report-pdf';
import { ReportsRepository, type ReportRow, type ShareLinkRow } from './reports.repository';
import { newShareToken, SHARE_TOKEN_PATTERN, shareTokenHash } from './share-token';

/** The longest period one report covers: a year (a QBR is a quarter; an annual review is the most asked for). */
const MAX_PERIOD_DAYS = 366;

/**
 * Period reports (QBRs): a frozen snapshot of an engagement over a period, as a page and a PDF, and share links that
 * open one report without login. Managers create reports and links; everyone who may see the engagement may read its
 * reports (the content holds only client-facing facts).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly reports: ReportsRepository,
    private readonly summaries: SummaryService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    @Inject(DIGEST_OPTIONS) private readonly links: Pick<DigestOptions, 'publicUrl'>,
  ) {}

  async create(actor: Actor, engagementId: string, input: CreateReportDto): Promise<ReportView> {
    this.access.permit(actor, 'reports.write', 'create reports');
    // The summary checks the engagement's reach and gives each priority's health as every other surface shows it.
    const summary = await this.summaries.summary(actor, engagementId);
    const period = { start: input.periodStart, end: input.periodEnd };
    if (period.end < period.start)
      throw new RuleViolation('REPORT.PERIOD_REVERSED', 'periodEnd must be on or after periodStart');
    if (daysBetween(period.start, period.end) + 1 > MAX_PERIOD_DAYS)
      throw new RuleViolation('REPORT.PERIOD_TOO_LONG', `A report covers at most ${MAX_PERIOD_DAYS} days`);
    const engagementEnd = summary.engagement.plannedEndDate;
    if (period.end < summary.engagement.startDate || (engagementEnd && period.start > engagementEnd))
      throw new RuleViolation(
        'REPORT.PERIOD_OUTSIDE_ENGAGEMENT',
        `The period ${period.start} to ${period.end} does not overlap the engagement (${summary.engagement.startDate} to ${engagementEnd ?? 'open'})`,
      );
    if (period.start > summary.asOf)
      throw new RuleViolation('REPORT.PERIOD_IN_FUTURE', `The period starts after today (${summary.asOf})`);

    // The Idempotency-Key's answer is stored in the same transaction as the report.
    return this.idempotency.transaction(async (tx) => {
      const facts = await this.reports.periodFacts(tx, actor.organizationId, engagementId, period.end);
      if (!facts?.engagement) throw new NotFound('Engagement', engagementId);
      const content = buildReportContent({
        generatedOn: summary.asOf,
        period,
        engagement: {
          clientName: facts.engagement.client_name,
          executiveName: facts.engagement.executive_name,
          function: facts.engagement.function,
          startDate: facts.engagement.start_date,
        },
        priorities: summary.priorities.map((p) => ({
          id: p.id,
          title: p.title,
          rank: p.rank,
          status: p.status,
          ownerName: p.owner.name,
          targetDate: p.targetDate,
          health: p.health,
        })),
        milestones: facts.milestones.map((m) => ({
          id: m.id,
          priorityId: m.priority_id,
          title: m.title,
          baselineDueDate: m.baseline_due_date,
          dueDate: m.due_date,
          status: m.status,
          completedOn: m.completed_on,
        })),
        replans: facts.replans.map((r) => ({
          milestoneId: r.milestone_id,
          changedOn: r.changed_on,
          oldDueDate: r.old_due_date,
          newDueDate: r.new_due_date,
          reason: r.reason,
        })),
        checkIns: facts.check_ins.map((c) => ({
          priorityId: c.priority_id,
          createdOn: c.created_on,
          rag: c.rag,
          confidence: Number(c.confidence),
          note: c.note,
          blockers: c.blockers,
          authorName: c.author_name,
        })),
        driftTrend: facts.drift.map((d) => ({ date: d.date, score: Number(d.score) })),
        pulses: (facts.pulses ?? []).map((c) => ({
          createdOn: c.created_on,
          score: Number(c.score),
          comment: c.comment,
        })),
      });
      const row = await this.reports.insert(tx, actor.organizationId, {
        engagementId,
        periodStart: period.start,
        periodEnd: period.end,
        content,
        createdBy: actor.userId,
      });
      await this.audit.record(tx, actor, 'report.created', 'report', row.id, null, {
        engagementId,
        periodStart: period.start,
        periodEnd: period.end,
      });
      return toReportView(row);
    });
  }

  async list(actor: Actor, engagementId: string): Promise<ReportList> {
    await this.access.engagement(this.db.reader, actor, engagementId);
    const rows = await this.reports.listForEngagement(this.db.reader, actor.organizationId, engagementId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        engagementId: r.engagement_id,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        createdAt: r.created_at.toISOString(),
        headline: r.content.headline,
      })),
    };
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    return toReportView(await this.reportInReach(actor, id));
  }

  async pdf(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    const row = await this.reportInReach(actor, id);
    return { filename: pdfName(row), body: await renderReportPdf(row.content) };
  }

  async createShareLink(actor: Actor, reportId: string, input: CreateShareLinkDto): Promise<CreatedShareLinkView> {
    this.access.permit(actor, 'reports.write', 'share reports');
    await this.reportInReach(actor, reportId);
    const { token, hash } = newShareToken();
    return this.db.transaction(async (tx) => {
      const link = await this.reports.insertShareLink(tx, actor.organizationId, {
        reportId,
        tokenHash: hash,
        expiresInDays: input.expiresInDays,
        createdBy: actor.userId,
      });
      await this.audit.record(tx, actor, 'report.share_link_created', 'report_share_link', link.id, null, {
        reportId,
        expiresAt: link.expires_at,
      });
      return { ...toLinkView(link), url: `${this.links.publicUrl}/shared/reports/${token}` };
    });
  }

  async shareLinks(actor: Actor, reportId: string): Promise<ShareLinkList> {
    this.access.permit(actor, 'reports.write', 'see a report’s share links');
    await this.reportInReach(actor, reportId);
    const rows = await this.reports.shareLinks(this.db.reader, actor.organizationId, reportId);
    return { items: rows.map(toLinkView) };
  }

  async revokeShareLink(actor: Actor, id: string): Promise<ShareLinkView> {
    this.access.permit(actor, 'reports.write', 'revoke share links');
    return this.db.transaction(async (tx) => {
      const link = await this.reports.shareLink(tx, actor.organizationId, id);
      if (!link) throw new NotFound('Share link', id);
      const report = await this.reports.get(tx, actor.organizationId, link.report_id);
      await this.access.engagement(tx, actor, report!.engagement_id);
      const revoked = await this.reports.revokeShareLink(tx, actor.organizationId, id);
      await this.audit.record(tx, actor, 'report.share_link_revoked', 'report_share_link', id, link, revoked);
      return toLinkView(revoked);
    });
  }

  /**
   * The report behind a share link, for anyone holding it: the token is the only key. Each view of a live link is
   * counted and audited; an expired or revoked one answers 410, an unknown one 404.
   */
  async viewShared(token: string): Promise<ReportView> {
    return toReportView(await this.sharedReport(token));
  }

  async sharedPdf(token: string): Promise<{ filename: string; body: Buffer }> {
    const row = await this.sharedReport(token);
    return { filename: pdfName(row), body: await renderReportPdf(row.content) };
  }

  private async sharedReport(token: string): Promise<ReportRow> {
    if (!SHARE_TOKEN_PATTERN.test(token)) throw new NotFound('Shared report');
    const hash = shareTokenHash(token);
    const organizationId = await this.db.asSystem('report-share-link', () =>
      this.db.transaction((tx) => this.reports.organizationOfToken(tx, hash)),
    );
    if (!organizationId) throw new NotFound('Shared report');
    return this.db.forOrganization(organizationId, () =>
      this.db.transaction(async (tx) => {
        const found = await this.reports.viewByToken(tx, organizationId, hash);
        if (!found) throw new NotFound('Shared report');
        if (!found.live)
          throw new Gone('REPORT.SHARE_LINK_ENDED', 'This share link has expired or was revoked; ask for a new one');
        await this.audit.record(
          tx,
          { organizationId, userId: null },
          'report.viewed_by_link',
          'report',
          found.report.id,
          null,
          { shareLinkId: found.link.id, viewCount: found.link.view_count + 1 },
        );
        return found.report;
      }),
    );
  }

  private async reportInReach(actor: Actor, id: string): Promise<ReportRow> {
    const row = await this.reports.get(this.db.reader, actor.organizationId, id);
    if (!row) throw new NotFound('Report', id);
    try {
      await this.access.engagement(this.db.reader, actor, row.engagement_id);
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound('Report', id);
      throw error;
    }
    return row;
  }
}

function toReportView(row: ReportRow): ReportView {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    createdAt: row.created_at.toISOString(),
    content: row.content as unknown as Record<string, unknown>,
  };
}

function toLinkView(row: ShareLinkRow): ShareLinkView {
  return {
    id: row.id,
    reportId: row.report_id,
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    viewCount: Number(row.view_count),
    lastViewedAt: row.last_viewed_at?.toISOString() ?? null,
  };
}

function pdfName(row: ReportRow): string {
  const client = (row.content as ReportContent).clientName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${client || 'report'}-${row.period_start}-${row.period_end}.pdf`;
}
