import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional } from '../shared/validation';
import { CheckInBlockerView } from '../check-ins/check-in.dto';
import { RAGS, type Rag } from '../check-ins/check-in.entity';
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../engagements/engagement.entity';
import { FUNCTIONS, type ExecutiveFunction } from '../executives/executive.entity';
import { LandingRangeView } from '../forecast/forecast.dto';
import { MilestoneView } from '../milestones/milestone.dto';
import { PRIORITY_STATUSES, type PriorityStatus } from '../priorities/priority.entity';
import { PriorityOwnerView } from '../priorities/priority.dto';
import { PageQueryDto } from '../shared/pagination';

/** achieved / dropped: a finished priority's outcome (DESIGN.md §3); an engagement's health is never one of them. */
export const HEALTHS = ['on_track', 'at_risk', 'off_track', 'overdue', 'achieved', 'dropped'] as const;
export type Health = (typeof HEALTHS)[number];

export const PORTFOLIO_SORTS = ['client', 'startDate', 'nextDue', 'drift'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export class PortfolioQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENGAGEMENT_STATUSES }) @Optional() @IsIn(ENGAGEMENT_STATUSES) status?: EngagementStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') clientId?: string;
  @ApiPropertyOptional({ enum: FUNCTIONS }) @Optional() @IsIn(FUNCTIONS) function?: ExecutiveFunction;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The client's account manager (a user id). Not for client viewers, who do not see it: refused with 400 naming the field.",
  })
  @Optional()
  @IsUUID('all')
  accountManagerId?: string;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 366,
    example: 60,
    description: 'Only running engagements whose renewal date is between today and today + this many days',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  renewingWithinDays?: number;
  @ApiPropertyOptional({
    enum: PORTFOLIO_SORTS,
    default: 'client',
    description: 'drift: latest drift score (use order=desc for the worst first)',
  })
  @Optional()
  @IsIn(PORTFOLIO_SORTS)
  sort: PortfolioSort = 'client';
}

export class DriftPointView {
  @ApiProperty({ type: String, format: 'date' }) date!: string;
  @ApiProperty({ description: 'Drift score 0..100, higher is worse' }) score!: number;
}

export class OpenAlertCountsView {
  @ApiProperty() critical!: number;
  @ApiProperty() warning!: number;
  @ApiProperty() info!: number;
}

export class NextMilestoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
}

export class PriorityCountsView {
  @ApiProperty() active!: number;
  @ApiProperty() draft!: number;
  @ApiProperty() achieved!: number;
  @ApiProperty() dropped!: number;
}

export class PortfolioItemView {
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ format: 'uuid' }) executiveId!: string;
  @ApiProperty() executiveName!: string;
  @ApiProperty({ enum: FUNCTIONS }) function!: ExecutiveFunction;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES }) status!: EngagementStatus;
  @ApiPropertyOptional({ description: 'Days per week; omitted for client viewers' }) daysPerWeek?: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) termEndDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) renewalDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'termEndDate − notice period' })
  noticeDeadline!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the executive changed, during the first 30 days after the change (null otherwise)',
  })
  executiveChangedOn!: string | null;
  @ApiProperty({ type: PriorityCountsView }) priorityCounts!: PriorityCountsView;
  @ApiProperty({ description: 'Mean progress of active priorities (0..1)' }) progress!: number;
  @ApiProperty({ description: 'Mean expected progress of active priorities (0..1)' }) expectedProgress!: number;
  @ApiProperty({ enum: HEALTHS, nullable: true, description: 'Worst computed health among active priorities' })
  health!: Health | null;
  @ApiProperty({ enum: RAGS, nullable: true, description: 'Worst latest reported RAG among active priorities' })
  reportedRag!: Rag | null;
  @ApiProperty({ description: 'Reported RAG is better than computed health' }) ragDisagrees!: boolean;
  @ApiProperty({
    enum: HEALTHS,
    nullable: true,
    description:
      'The engagement in one word: the worst active priority, each the worse of its computed health and reported RAG; null with no active priority',
  })
  headline!: Health | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When reported and computed differ, one line saying why ("reported on track; computed at risk: …")',
  })
  healthNote!: string | null;
  @ApiProperty() overdueMilestones!: number;
  @ApiProperty({ type: NextMilestoneView, nullable: true }) nextMilestone!: NextMilestoneView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastCheckInAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Latest daily drift snapshot (0..100, higher is worse); null before the first scan',
  })
  driftScore!: number | null;
  @ApiProperty({ type: [DriftPointView], description: 'Last snapshot of each of the last 8 weeks, oldest first' })
  driftTrend!: DriftPointView[];
  @ApiProperty({
    type: OpenAlertCountsView,
    description:
      'Open and acknowledged alerts by severity: those you can list with GET /alerts?engagementId= (client viewers: not the allocation alerts)',
  })
  openAlerts!: OpenAlertCountsView;
  @ApiProperty({
    type: LandingRangeView,
    nullable: true,
    description:
      'Latest P50 and P80 landing dates of its active priorities’ open milestones, against its planned end (else its latest priority target); null before the first scan or with nothing open',
  })
  landingForecast!: LandingRangeView | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Omitted for client viewers' })
  accountManagerId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Omitted for client viewers' })
  accountManagerName?: string | null;
}

export class PortfolioPage {
  @ApiProperty({ type: [PortfolioItemView] }) items!: PortfolioItemView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: String, format: 'date', description: "Today in the organization's timezone" }) asOf!: string;
}

export class ConfidencePointView {
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty() confidence!: number;
  @ApiProperty({ enum: RAGS }) rag!: Rag;
}

export class SummaryCheckInView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) priorityId!: string;
  @ApiProperty({ enum: RAGS }) rag!: Rag;
  @ApiProperty() confidence!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true, type: String }) blockers!: string | null;
  @ApiProperty({ type: [CheckInBlockerView] }) blockerItems!: CheckInBlockerView[];
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class SummaryPriorityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() rank!: number;
  @ApiProperty({ enum: PRIORITY_STATUSES }) status!: PriorityStatus;
  @ApiProperty({ type: PriorityOwnerView }) owner!: PriorityOwnerView;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date' }) targetDate!: string;
  @ApiProperty() progress!: number;
  @ApiProperty() expectedProgress!: number;
  @ApiProperty({ enum: HEALTHS }) health!: Health;
  @ApiProperty({ enum: RAGS, nullable: true }) reportedRag!: Rag | null;
  @ApiProperty() ragDisagrees!: boolean;
  @ApiProperty({
    enum: HEALTHS,
    description: 'The worse of computed health and reported RAG; the outcome when finished',
  })
  headline!: Health;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When reported and computed differ, one line saying why ("reported on track; computed at risk: …")',
  })
  healthNote!: string | null;
  @ApiProperty({ type: [ConfidencePointView], description: 'Oldest first' }) confidenceTrend!: ConfidencePointView[];
  @ApiProperty({ type: [MilestoneView] }) milestones!: MilestoneView[];
  @ApiProperty({
    type: LandingRangeView,
    nullable: true,
    description:
      'Latest P50 and P80 landing dates of its open milestones, against its target date; null when none is forecast',
  })
  landingForecast!: LandingRangeView | null;
}

export class SummaryEngagementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ format: 'uuid' }) executiveId!: string;
  @ApiProperty() executiveName!: string;
  @ApiProperty({ enum: FUNCTIONS }) function!: ExecutiveFunction;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES }) status!: EngagementStatus;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedEndDate!: string | null;
  @ApiPropertyOptional({ description: 'Omitted for client viewers' }) daysPerWeek?: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) termEndDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) renewalDate!: string | null;
  @ApiProperty() noticePeriodDays!: number;
  @ApiProperty() autoRenew!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'termEndDate − notice period' })
  noticeDeadline!: string | null;
  @ApiProperty({
    enum: HEALTHS,
    nullable: true,
    description: 'As the portfolio says it: one word, null with no active priority',
  })
  headline!: Health | null;
  @ApiProperty({ enum: HEALTHS, nullable: true, description: 'Worst computed health among active priorities' })
  health!: Health | null;
  @ApiProperty({ enum: RAGS, nullable: true, description: 'Worst latest reported RAG among active priorities' })
  reportedRag!: Rag | null;
  @ApiProperty({ nullable: true, type: String, description: 'When reported and computed differ, one line saying why' })
  healthNote!: string | null;
}

export class EngagementSummaryView {
  @ApiProperty({ type: String, format: 'date', description: "Today in the organization's timezone" }) asOf!: string;
  @ApiProperty({ type: SummaryEngagementView }) engagement!: SummaryEngagementView;
  @ApiProperty({ type: [SummaryPriorityView], description: 'Active priorities by rank, then the others' })
  priorities!: SummaryPriorityView[];
  @ApiProperty({ type: [SummaryCheckInView], description: 'Most recent first' }) latestCheckIns!: SummaryCheckInView[];
  @ApiProperty({ type: [DriftPointView], description: 'Daily drift snapshots of the last 8 weeks, oldest first' })
  driftTrend!: DriftPointView[];
  @ApiProperty({
    type: LandingRangeView,
    nullable: true,
    description:
      'Latest P50 and P80 landing dates of its active priorities’ open milestones, against its planned end (else its latest priority target); null before the first scan or with nothing open',
  })
  landingForecast!: LandingRangeView | null;
}
