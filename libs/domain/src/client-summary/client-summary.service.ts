import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { ListAlertsQueryDto } from '../drift/alert.dto';
import { AlertsService } from '../drift/alerts.service';
import { ListEngagementsQueryDto } from '../engagements/engagement.dto';
import { EngagementsService } from '../engagements/engagements.service';
import { localDate } from '../health/calendar';
import { OrganizationsService } from '../organizations/organizations.service';
import { SummaryService } from '../portfolio/summary.service';
import { PulseService } from '../pulse/pulse.service';
import type { Actor } from '../shared/actor';
import { composeClientSummary } from './client-summary';
import type { ClientSummariesQueryDto, ClientSummaryPage, ClientSummaryView } from './client-summary.dto';

/**
 * The client executive's summary (issue 18): the engagement dashboard's read model (in the reader's reach: another
 * client's engagement is 404) and the engagement's open alerts the reader may see, composed by composeClientSummary.
 */
@Injectable()
export class ClientSummaryService {
  constructor(
    private readonly db: Db,
    private readonly summaries: SummaryService,
    private readonly alerts: AlertsService,
    private readonly engagements: EngagementsService,
    private readonly organizations: OrganizationsService,
    private readonly pulses: PulseService,
  ) {}

  async forEngagement(actor: Actor, engagementId: string): Promise<ClientSummaryView> {
    const summary = await this.summaries.summary(actor, engagementId);
    const [alerts, { timezone }, pulseDue] = await Promise.all([
      this.alerts.list(actor, Object.assign(new ListAlertsQueryDto(), { engagementId, limit: 100 })),
      this.db.transaction((tx) => this.organizations.context(tx, actor.organizationId)),
      this.pulses.due(actor, engagementId),
    ]);
    return composeClientSummary({
      summary,
      openAlerts: alerts.items.filter((a) => a.status !== 'resolved'),
      dayOf: (instant) => localDate(new Date(instant), timezone),
      pulseDue,
    });
  }

  /** The client viewer's home: a summary of each active engagement in reach, by client. */
  async list(actor: Actor, query: ClientSummariesQueryDto): Promise<ClientSummaryPage> {
    const page = await this.engagements.list(
      actor,
      Object.assign(new ListEngagementsQueryDto(), {
        status: 'active',
        clientId: query.clientId,
        sort: 'client',
        limit: query.limit,
        offset: query.offset,
      }),
    );
    const items: ClientSummaryView[] = [];
    for (const e of page.items) items.push(await this.forEngagement(actor, e.id));
    return { items, total: page.total, limit: query.limit, offset: query.offset };
  }
}
