import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional, OptionalCalendarDate } from '../shared/validation';

export const PLAYBOOK_FUNCTIONS = ['CRO', 'CMO', 'CPO', 'any'] as const;
export type PlaybookFunction = (typeof PLAYBOOK_FUNCTIONS)[number];

/** Offsets reach about ten years: a plan longer than that is not a playbook. */
const MAX_OFFSET_DAYS = 3650;
export const MAX_PLAYBOOK_PRIORITIES = 12;
export const MAX_PLAYBOOK_MILESTONES = 40;

export class PlaybookMilestoneDto {
  @ApiProperty({ example: 'Pipeline audit done', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_OFFSET_DAYS, description: 'Due this many days after the start' })
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET_DAYS)
  offsetDays!: number;

  @ApiPropertyOptional({ minimum: 0.01, maximum: 1000, default: 1 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1000)
  weight?: number;
}

export class PlaybookPriorityDto {
  @ApiProperty({ example: 'Rebuild the qualified pipeline', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true, example: 'VP Sales' })
  @Nullable()
  @IsString()
  @Length(0, 200)
  suggestedOwnerTitle?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET_DAYS, default: 0, description: 'Starts this many days in' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET_DAYS)
  startOffsetDays?: number;

  @ApiProperty({ minimum: 0, maximum: MAX_OFFSET_DAYS, description: 'Should be achieved this many days in' })
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET_DAYS)
  targetOffsetDays!: number;

  @ApiProperty({ type: [PlaybookMilestoneDto], maxItems: MAX_PLAYBOOK_MILESTONES })
  @IsArray()
  @ArrayMaxSize(MAX_PLAYBOOK_MILESTONES)
  @ValidateNested({ each: true })
  @Type(() => PlaybookMilestoneDto)
  milestones!: PlaybookMilestoneDto[];
}

/** A whole playbook: creating one writes version 1, every edit (the same body) writes the next version. */
export class WritePlaybookDto {
  @ApiProperty({ example: 'CRO 90-day revenue engine', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: PLAYBOOK_FUNCTIONS })
  @IsIn(PLAYBOOK_FUNCTIONS)
  function!: PlaybookFunction;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 5000)
  description?: string | null;

  @ApiProperty({ type: [PlaybookPriorityDto], minItems: 1, maxItems: MAX_PLAYBOOK_PRIORITIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PLAYBOOK_PRIORITIES)
  @ValidateNested({ each: true })
  @Type(() => PlaybookPriorityDto)
  priorities!: PlaybookPriorityDto[];
}

export class SaveEngagementAsPlaybookDto {
  @ApiProperty({ example: 'Acme revenue turnaround', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 5000)
  description?: string | null;

  @ApiPropertyOptional({ enum: PLAYBOOK_FUNCTIONS, description: "Defaults to the engagement's function" })
  @Optional()
  @IsIn(PLAYBOOK_FUNCTIONS)
  function?: PlaybookFunction;
}

export class ListPlaybooksQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Include archived playbooks' })
  @Optional()
  @IsIn(['true', 'false'])
  includeArchived?: 'true' | 'false';
}

export class ApplyPlaybookDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  playbookId!: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'The version previewed: refused with 409 PLAYBOOK.VERSION_CHANGED if the playbook was edited since',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;

  @OptionalCalendarDate('Day 0 of the plan; defaults to today in the organization timezone')
  startDate?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: "One owner per playbook priority, in the playbook's order (owners of the engagement's client)",
    minItems: 1,
    maxItems: MAX_PLAYBOOK_PRIORITIES,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PLAYBOOK_PRIORITIES)
  @IsUUID('all', { each: true })
  ownerIds!: string[];
}

// ───────────── views ─────────────

export class PlaybookMilestoneView {
  @ApiProperty() title!: string;
  @ApiProperty() offsetDays!: number;
  @ApiProperty() weight!: number;
}

export class PlaybookPriorityView {
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) suggestedOwnerTitle!: string | null;
  @ApiProperty() startOffsetDays!: number;
  @ApiProperty() targetOffsetDays!: number;
  @ApiProperty({ type: [PlaybookMilestoneView] }) milestones!: PlaybookMilestoneView[];
}

export class PlaybookSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PLAYBOOK_FUNCTIONS }) function!: PlaybookFunction;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ description: 'The current version (each edit adds one)' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
  @ApiProperty() priorityCount!: number;
  @ApiProperty() milestoneCount!: number;
  @ApiProperty({ description: 'How many times any of its versions was applied' }) applications!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class PlaybookView extends PlaybookSummaryView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The engagement it was saved from' })
  sourceEngagementId!: string | null;
  @ApiProperty({ type: [PlaybookPriorityView] }) priorities!: PlaybookPriorityView[];
}

export class PlannedMilestoneView {
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set once applied' }) id!: string | null;
}

export class PlannedPriorityView {
  @ApiProperty({ description: '1-based position in the playbook' }) position!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set once applied' }) id!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ enum: ['active', 'draft'] }) status!: 'active' | 'draft';
  @ApiProperty() rank!: number;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date' }) targetDate!: string;
  @ApiProperty({ type: [PlannedMilestoneView] }) milestones!: PlannedMilestoneView[];
}

export class PlaybookApplicationView {
  @ApiProperty({ description: 'false: a dry run, nothing was written' }) applied!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) applicationId!: string | null;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid' }) playbookId!: string;
  @ApiProperty() playbookName!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty() focusCap!: number;
  @ApiProperty({ description: 'Active priorities before the playbook' }) activeBefore!: number;
  @ApiProperty() activated!: number;
  @ApiProperty({ description: 'Priorities created as draft because the focus cap had no room' }) drafted!: number;
  @ApiProperty({ description: 'What happens (or happened), in a sentence' }) message!: string;
  @ApiProperty({ type: [PlannedPriorityView] }) priorities!: PlannedPriorityView[];
}

export class EngagementPlaybookView {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) playbookId!: string;
  @ApiProperty() playbookName!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date-time' }) appliedAt!: string;
  @ApiProperty({ type: String, nullable: true }) appliedByName!: string | null;
}

export class PlaybookEffectivenessView {
  @ApiProperty({ format: 'uuid' }) playbookId!: string;
  @ApiProperty() playbookName!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Engagements the version was applied to' }) engagements!: number;
  @ApiProperty({ description: 'Milestones created from it (cancelled ones left out)' }) milestones!: number;
  @ApiProperty({ description: 'Milestones that can be judged: done, or open past their baseline date' })
  assessed!: number;
  @ApiProperty({ description: 'Done on or before the baseline date' }) onTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'onTime / assessed' }) onTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Over the assessed milestones' })
  medianSlipDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) meanSlipDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Due-date changes per milestone' })
  replansPerMilestone!: number | null;
  @ApiProperty() priorities!: number;
  @ApiProperty() prioritiesAchieved!: number;
}
