import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CalendarDate, Nullable, Optional, OptionalCalendarDate } from '../shared/validation';
import { PRIORITY_STATUSES, type PriorityStatus } from './priority.entity';

export class CreatePriorityDto {
  @ApiProperty({ example: 'Rebuild the enterprise sales pipeline', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 5000)
  description?: string | null;

  @ApiProperty({ format: 'uuid', description: "The single accountable owner (an owner of the engagement's client)" })
  @IsUUID('all')
  ownerId!: string;

  @ApiPropertyOptional({ enum: PRIORITY_STATUSES, default: 'active' })
  @Optional()
  @IsIn(PRIORITY_STATUSES)
  status?: PriorityStatus;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    description: 'Position among active priorities; others move down. Default: last.',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  rank?: number;

  @OptionalCalendarDate('Defaults to today in the organization timezone')
  startDate?: string;

  @CalendarDate('When the priority should be achieved', '2026-06-30')
  targetDate!: string;
}

export class UpdatePriorityDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @Optional()
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;
  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 5000)
  description?: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) @Nullable() @IsUUID('all') ownerId?: string;
  @ApiPropertyOptional({ enum: PRIORITY_STATUSES }) @Optional() @IsIn(PRIORITY_STATUSES) status?: PriorityStatus;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Move to this position among active priorities' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  rank?: number;
  @OptionalCalendarDate() startDate?: string;
  @OptionalCalendarDate() targetDate?: string;
}

export class PriorityOwnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
}

export class PriorityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() rank!: number;
  @ApiProperty({ enum: PRIORITY_STATUSES }) status!: PriorityStatus;
  @ApiProperty({ type: PriorityOwnerView }) owner!: PriorityOwnerView;
  @ApiProperty({ type: String, format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date' }) targetDate!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}
