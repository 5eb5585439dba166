import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CalendarDate } from '../shared/validation';

export class CreateReportDto {
  @CalendarDate('First day of the period (in the organization’s calendar)', '2026-01-01') periodStart!: string;
  @CalendarDate('Last day of the period, inclusive', '2026-03-31') periodEnd!: string;
}

export class CreateShareLinkDto {
  @ApiProperty({ minimum: 1, maximum: 90, example: 14, description: 'The link stops working after this many days' })
  @IsInt()
  @Min(1)
  @Max(90)
  expiresInDays!: number;
}

/** The frozen content (see ReportContent): only client-facing facts, so a share link shows exactly this. */
export class ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart!: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen snapshot' })
  content!: Record<string, unknown>;
}

export class ReportSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart!: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty() headline!: string;
}

export class ReportList {
  @ApiProperty({ type: [ReportSummaryView], maxItems: 200 }) items!: ReportSummaryView[];
}

export class ShareLinkView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty() viewCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastViewedAt!: string | null;
}

/** Only in the answer to the create: the token is stored hashed and cannot be shown again. */
export class CreatedShareLinkView extends ShareLinkView {
  @ApiProperty({ description: 'The link to send; opens the read-only report without login' }) url!: string;
}

export class ShareLinkList {
  @ApiProperty({ type: [ShareLinkView], maxItems: 200 }) items!: ShareLinkView[];
}
