import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../shared/pagination';
import { RAGS, type Rag } from '../check-ins/check-in.entity';
import { CheckInBlockerView } from '../check-ins/check-in.dto';
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../engagements/engagement.entity';
import { FUNCTIONS, type ExecutiveFunction } from '../executives/executive.entity';
import { SEVERITIES, type Severity } from '../drift/drift-types';
import { DriftPointView, HEALTHS, type Health } from '../portfolio/portfolio.dto';
import { Optional } from '../shared/validation';
import { PULSE_REASONS, type PulseReason } from '../pulse/pulse.entity';

/** One page of engagements, each summarised: 10 by default (each is a full summary). */
export class ClientSummariesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this client’s engagements' })
  @Optional()
  @IsUUID('all')
  clientId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  override limit: number = 10;
}

export class ClientSummaryEngagementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty() executiveName!: string;
  @ApiProperty({ enum: FUNCTIONS }) function!: ExecutiveFunction;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES }) status!: EngagementStatus;
}

export class ClientSummaryMilestoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() priorityTitle!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When it was done (done list)' })
  doneOn!: string | null;
  @ApiProperty({ description: 'Open and past its due date' }) overdue!: boolean;
  @ApiProperty({ description: 'Days past its baseline' }) slipDays!: number;
}

export class ClientSummaryRiskView {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ description: 'The risk in plain words' }) text!: string;
  @ApiProperty({ type: String, format: 'date', description: 'Since when it has held' }) since!: string;
}

export class ClientSummaryAskView {
  @ApiProperty({ format: 'uuid' }) checkInId!: string;
  @ApiProperty() priorityTitle!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) askedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) askedAt!: string;
}

export class ProgressPointView {
  @ApiProperty({ type: String, format: 'date' }) date!: string;
  @ApiProperty({ description: 'Share of the active priorities’ milestone weight done by that day (0..1)' })
  progress!: number;
}

export class ClientSummaryCheckInView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() priorityTitle!: string;
  @ApiProperty({ enum: RAGS }) rag!: Rag;
  @ApiProperty() confidence!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ type: [CheckInBlockerView] }) blockerItems!: CheckInBlockerView[];
  @ApiProperty({ nullable: true, type: String }) blockers!: string | null;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

/**
 * The client executive's one screen per engagement (issue 18): no allocation, audit or account-manager notes.
 */
export class ClientSummaryView {
  @ApiProperty({ type: String, format: 'date', description: "Today in the organization's timezone" }) asOf!: string;
  @ApiProperty({ type: String, format: 'date', description: 'Start of the period "done since" covers (7 days)' })
  periodStart!: string;
  @ApiProperty({ type: ClientSummaryEngagementView }) engagement!: ClientSummaryEngagementView;
  @ApiProperty({ example: 'On track: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team' })
  headline!: string;
  @ApiProperty({ enum: HEALTHS, nullable: true, description: 'The engagement’s one headline word' })
  health!: Health | null;
  @ApiProperty({ type: [ClientSummaryMilestoneView], description: 'Milestones done since periodStart' })
  done!: ClientSummaryMilestoneView[];
  @ApiProperty({
    type: [ClientSummaryMilestoneView],
    description: 'Open milestones due in the next 30 days or overdue',
  })
  dueSoon!: ClientSummaryMilestoneView[];
  @ApiProperty({ type: [ClientSummaryRiskView], description: 'Open alerts of this engagement, worst first' })
  risks!: ClientSummaryRiskView[];
  @ApiProperty({ type: [ClientSummaryAskView], description: 'Latest check-ins’ blockers needing the client’s action' })
  asks!: ClientSummaryAskView[];
  @ApiProperty({ type: [ProgressPointView], description: 'Weekly, oldest first' }) progressTrend!: ProgressPointView[];
  @ApiProperty({ type: [DriftPointView], description: 'Daily drift snapshots, oldest first' })
  driftTrend!: DriftPointView[];
  @ApiProperty({ type: ClientSummaryCheckInView, nullable: true }) latestCheckIn!: ClientSummaryCheckInView | null;
  @ApiProperty({
    enum: PULSE_REASONS,
    nullable: true,
    type: String,
    description: 'The client viewer is asked the pulse question now, and why; null when not (always for staff)',
  })
  pulseDue!: PulseReason | null;
}

export class ClientSummaryPage {
  @ApiProperty({ type: [ClientSummaryView] }) items!: ClientSummaryView[];
  @ApiProperty({ description: 'Active engagements in reach' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
