import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import type { Role } from '../users/user.entity';
import { RAGS } from './check-in.entity';
import type { CheckInView, CreateCheckInDto } from './check-in.dto';
import type { CheckInLinkView, DisciplineReportView } from './check-in-loop.dto';
import {
  CHECK_IN_TOKEN_PATTERN,
  checkInLinkProblem,
  checkInLinkStatus,
  checkInTokenHash,
  invalidCheckInLink,
} from './check-in-link';
import { CheckInLoopRepository, type CheckInLinkRow } from './check-in-loop.repository';
import { DISCIPLINE_WEEKS } from './check-in-schedule';
import { CheckInsRepository } from './check-ins.repository';
import { toCheckInView } from './check-ins.service';
import { storedBlockers } from './check-in-blockers';

/**
 * Following a reminder's link without login: its page (inspect) and the check-in it records as the person it was
 * made for (submit, once). A token that matches nothing → 403; used, expired, or a priority closed since → 410.
 * Also the discipline report (on time, late, missed per executive and owner over the last 12 weeks).
 */
@Injectable()
export class CheckInLinksService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly loop: CheckInLoopRepository,
    private readonly checkIns: CheckInsRepository,
  ) {}

  async inspect(token: string): Promise<CheckInLinkView> {
    return this.withLink(token, false, async (_tx, link) => ({
      status: 'open',
      priorityId: link.priority_id,
      priorityTitle: link.priority_title,
      clientName: link.client_name,
      recipientName: link.user_name,
      isoWeek: link.iso_week,
      dueOn: link.due_on,
      expiresAt: link.expires_at.toISOString(),
      rags: [...RAGS],
    }));
  }

  async submit(token: string, input: CreateCheckInDto): Promise<CheckInView> {
    return this.withLink(token, true, async (tx, link) => {
      const actor = {
        organizationId: link.organization_id,
        userId: link.user_id,
        role: link.user_role as Role,
        email: '',
        executiveIds: [],
        clientIds: [],
      } satisfies Actor;
      const created = await this.checkIns.createByLink(
        tx,
        actor,
        link.priority_id,
        {
          rag: input.rag,
          confidence: input.confidence,
          note: input.note.trim(),
          ...storedBlockers(input),
        },
        this.clock.now(),
      );
      if (!created) throw invalidCheckInLink();
      await this.loop.markUsed(tx, link.organization_id, link.id, created.id as string, this.clock.now());
      await this.audit.record(tx, actor, 'check_in_link.used', 'check_in_link', link.id, null, {
        checkInId: created.id,
        dueId: link.due_id,
      });
      return toCheckInView(created);
    });
  }

  async discipline(actor: Actor): Promise<DisciplineReportView> {
    this.access.permit(actor, 'allocation.read', 'see check-in discipline');
    const { today } = await this.db.transaction((tx) => this.organizations.context(tx, actor.organizationId));
    const rows = await this.loop.discipline(this.db.reader, actor, today, DISCIPLINE_WEEKS);
    return {
      weeks: DISCIPLINE_WEEKS,
      asOf: today,
      items: rows.map((r) => ({
        kind: r.person_kind,
        id: r.person_id,
        name: r.person_name,
        onTime: r.on_time,
        late: r.late,
        missed: r.missed,
      })),
    };
  }

  private async withLink<T>(
    token: string,
    forUpdate: boolean,
    work: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], link: CheckInLinkRow) => Promise<T>,
  ): Promise<T> {
    if (!CHECK_IN_TOKEN_PATTERN.test(token)) throw invalidCheckInLink();
    const hash = checkInTokenHash(token);
    const organizationId = await this.db.asSystem('check-in-link', () =>
      this.db.transaction((tx) => this.loop.organizationOfToken(tx, hash)),
    );
    if (!organizationId) throw invalidCheckInLink();
    return this.db.forOrganization(organizationId, () =>
      this.db.transaction(async (tx) => {
        const { settings } = await this.organizations.context(tx, organizationId);
        const link = await this.loop.link(tx, organizationId, hash, settings.ownersMayCheckIn, forUpdate);
        if (!link) throw invalidCheckInLink();
        const problem = checkInLinkProblem(checkInLinkStatus(link, this.clock.now()));
        if (problem) throw problem;
        return work(tx, link);
      }),
    );
  }
}
