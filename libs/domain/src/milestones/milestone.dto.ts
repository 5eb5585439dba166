import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CalendarDate, NullableCalendarDate, Optional, OptionalCalendarDate } from '../shared/validation';
import { MilestoneForecastView } from '../forecast/forecast.dto';
import { MILESTONE_STATUSES, REPLAN_CATEGORIES, type MilestoneStatus, type ReplanCategory } from './milestone.entity';

const OPEN_STATUSES = ['planned', 'in_progress', 'cancelled'] as const;

export class CreateMilestoneDto {
  @ApiProperty({ example: 'Hire two enterprise AEs', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @CalendarDate('The first committed due date; it becomes the baseline and never changes')
  dueDate!: string;

  @NullableCalendarDate('Current forecast, when it differs from the due date')
  forecastDate?: string | null;

  @ApiPropertyOptional({ minimum: 0.01, maximum: 1000, default: 1 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1000)
  weight?: number;

  @ApiPropertyOptional({ enum: ['planned', 'in_progress'], default: 'planned' })
  @Optional()
  @IsIn(['planned', 'in_progress'])
  status?: 'planned' | 'in_progress';
}

export class UpdateMilestoneDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @Optional()
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;
  @NullableCalendarDate('Forecast date; null clears it') forecastDate?: string | null;
  @ApiPropertyOptional({ minimum: 0.01, maximum: 1000 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1000)
  weight?: number;
  @ApiPropertyOptional({ enum: OPEN_STATUSES, description: 'Use POST /milestones/:id/complete to mark done' })
  @Optional()
  @IsIn(OPEN_STATUSES)
  status?: (typeof OPEN_STATUSES)[number];
}

export class ReplanMilestoneDto {
  @CalendarDate('The new due date')
  dueDate!: string;

  @ApiProperty({
    example: 'Vendor contract slipped two weeks',
    maxLength: 2000,
    description: 'Required: why the date moves',
  })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;

  @ApiProperty({
    enum: REPLAN_CATEGORIES,
    description:
      "Required: the cause. client and allocation are not the executive's own slips (the drift score leaves them out)",
  })
  @IsIn(REPLAN_CATEGORIES)
  category!: ReplanCategory;
}

export class CompleteMilestoneDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Defaults to now (RFC 3339, e.g. 2026-03-04T15:00:00Z)',
  })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'completedAt must be an RFC 3339 date-time such as 2026-03-04T15:00:00Z',
  })
  completedAt?: string;
}

export class MilestoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) priorityId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date' }) baselineDueDate!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) forecastDate!: string | null;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ description: 'Days between the baseline and where the milestone lands (DESIGN.md §3)' })
  slipDays!: number;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'How many times the due date was changed' }) replanCount!: number;
  @ApiProperty({
    type: MilestoneForecastView,
    nullable: true,
    description:
      'Landing-date forecast of an open milestone from the organization’s own slip history (recomputed by every drift scan); null when done, cancelled or not yet scanned',
  })
  landingForecast!: MilestoneForecastView | null;
}

export class DueDateChangeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date' }) oldDueDate!: string;
  @ApiProperty({ type: String, format: 'date' }) newDueDate!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: REPLAN_CATEGORIES }) category!: ReplanCategory;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) changedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) changedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt!: string;
}
