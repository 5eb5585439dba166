import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { FUNCTIONS, type ExecutiveFunction } from '../executives/executive.entity';
import { PageQueryDto } from '../shared/pagination';
import { CalendarDate, NullableCalendarDate, Optional, OptionalCalendarDate } from '../shared/validation';
import {
  CHECK_IN_CADENCES,
  ENGAGEMENT_STATUSES,
  type CheckInCadence,
  type EngagementStatus,
} from './engagement.entity';

const DaysPerWeek = () => (target: object, key: string) => {
  ApiProperty({ minimum: 0.5, maximum: 7, example: 2, description: 'Allocated days per week (multiples of 0.5)' })(
    target,
    key,
  );
  IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })(target, key);
  Min(0.5)(target, key);
  Max(7)(target, key);
  ValidateBy({
    name: 'isHalfDayStep',
    validator: {
      validate: (v) => typeof v === 'number' && Number.isInteger(v * 2),
      defaultMessage: () => `${key} must be a multiple of 0.5`,
    },
  })(target, key);
};

const NoticePeriodDays = () => (target: object, key: string) => {
  ApiPropertyOptional({ minimum: 0, maximum: 365, example: 30, description: 'Days of notice before the term end' })(
    target,
    key,
  );
  Optional()(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(365)(target, key);
};

const AutoRenew = () => (target: object, key: string) => {
  ApiPropertyOptional({ description: 'The term renews by itself unless notice is given' })(target, key);
  Optional()(target, key);
  IsBoolean()(target, key);
};

const CheckInCadenceField = () => (target: object, key: string) => {
  ApiPropertyOptional({
    enum: CHECK_IN_CADENCES,
    description:
      "weekly (a new engagement's default): a check-in is due per active priority on the organization's check-in day, with a reminder; off: none",
  })(target, key);
  Optional()(target, key);
  IsIn(CHECK_IN_CADENCES)(target, key);
};

export class CreateEngagementDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') clientId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') executiveId!: string;
  @ApiProperty({ enum: FUNCTIONS }) @IsIn(FUNCTIONS) function!: ExecutiveFunction;
  @ApiPropertyOptional({ enum: ENGAGEMENT_STATUSES, default: 'active' })
  @Optional()
  @IsIn(ENGAGEMENT_STATUSES)
  status?: EngagementStatus;
  @CalendarDate('First day of the placement') startDate!: string;
  @NullableCalendarDate('Planned last day') plannedEndDate?: string | null;
  @DaysPerWeek() daysPerWeek!: number;
  @NullableCalendarDate('Last day of the current term') termEndDate?: string | null;
  @NullableCalendarDate('When the renewal starts') renewalDate?: string | null;
  @NoticePeriodDays() noticePeriodDays?: number;
  @AutoRenew() autoRenew?: boolean;
  @CheckInCadenceField() checkInCadence?: CheckInCadence;
}

export class UpdateEngagementDto {
  @ApiPropertyOptional({
    enum: ENGAGEMENT_STATUSES,
    description:
      'Only along the lifecycle: proposed → active → paused or renewing → active or ended (completed, cancelled); otherwise 422 ENGAGEMENT.STATUS_TRANSITION',
  })
  @Optional()
  @IsIn(ENGAGEMENT_STATUSES)
  status?: EngagementStatus;
  @OptionalCalendarDate() startDate?: string;
  @NullableCalendarDate() plannedEndDate?: string | null;
  @NullableCalendarDate('Last day of the current term') termEndDate?: string | null;
  @NullableCalendarDate('When the renewal starts') renewalDate?: string | null;
  @NoticePeriodDays() noticePeriodDays?: number;
  @AutoRenew() autoRenew?: boolean;
  @CheckInCadenceField() checkInCadence?: CheckInCadence;
}

export class CreateAllocationChangeDto {
  @CalendarDate('When the new allocation takes effect') effectiveDate!: string;
  @DaysPerWeek() daysPerWeek!: number;
  @ApiProperty({ example: 'Scaling up for the Q3 launch', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ListEngagementsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENGAGEMENT_STATUSES }) @Optional() @IsIn(ENGAGEMENT_STATUSES) status?: EngagementStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') clientId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') executiveId?: string;
  @ApiPropertyOptional({ enum: FUNCTIONS }) @Optional() @IsIn(FUNCTIONS) function?: ExecutiveFunction;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 366,
    description: 'Only engagements whose renewal date is between today and today + this many days',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  renewingWithinDays?: number;
  @ApiPropertyOptional({ enum: ['startDate', 'client', 'status', 'createdAt'], default: 'startDate' })
  @Optional()
  @IsIn(['startDate', 'client', 'status', 'createdAt'])
  sort: 'startDate' | 'client' | 'status' | 'createdAt' = 'startDate';
}

export class AllocationChangeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date' }) effectiveDate!: string;
  @ApiProperty() daysPerWeek!: number;
  @ApiProperty({ nullable: true, type: Number }) previousDaysPerWeek!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) changedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class WhatIfMilestoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) priorityId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Milestones per allocated day/week in the 30 days up to the due date, as booked',
  })
  loadBefore!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The same with the change (null: no allocated days)' })
  loadAfter!: number | null;
}

export class AllocationWhatIfView {
  @ApiProperty({ type: String, format: 'date' }) effectiveDate!: string;
  @ApiProperty() daysPerWeek!: number;
  @ApiProperty({ description: 'The allocation_mismatch limit: norm × factor milestones per allocated day/week' })
  limit!: number;
  @ApiProperty({
    type: [WhatIfMilestoneView],
    description: 'Open milestones within the limit as booked that the change would take over it, by due date',
  })
  overloaded!: WhatIfMilestoneView[];
}

export class EngagementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ format: 'uuid' }) executiveId!: string;
  @ApiProperty() executiveName!: string;
  @ApiProperty({ enum: FUNCTIONS }) function!: ExecutiveFunction;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES }) status!: EngagementStatus;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedEndDate!: string | null;
  @ApiPropertyOptional({ description: 'Current allocation; omitted for client viewers (commercial)' })
  daysPerWeek?: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) termEndDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) renewalDate!: string | null;
  @ApiProperty() noticePeriodDays!: number;
  @ApiProperty() autoRenew!: boolean;
  @ApiProperty({ enum: CHECK_IN_CADENCES }) checkInCadence!: CheckInCadence;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'termEndDate − noticePeriodDays: the last day to give notice',
  })
  noticeDeadline!: string | null;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES, isArray: true, description: 'Statuses this engagement may move to next' })
  allowedTransitions!: EngagementStatus[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class EngagementPage {
  @ApiProperty({ type: [EngagementView] }) items!: EngagementView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
