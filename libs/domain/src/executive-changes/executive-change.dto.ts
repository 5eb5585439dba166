import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { CalendarDate } from '../shared/validation';

export class CreateExecutiveChangeDto {
  @ApiProperty({ format: 'uuid', description: 'The incoming executive' }) @IsUUID('all') executiveId!: string;
  @CalendarDate('The first day the incoming executive is placed (access moves on this date)') effectiveDate!: string;
  @ApiProperty({ example: 'The CRO moves to a full-time role', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ExecutiveChangeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid' }) fromExecutiveId!: string;
  @ApiProperty() fromExecutiveName!: string;
  @ApiProperty({ format: 'uuid' }) toExecutiveId!: string;
  @ApiProperty() toExecutiveName!: string;
  @ApiProperty({ type: String, format: 'date' }) effectiveDate!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When access moved to the incoming executive; null while the change waits for its date',
  })
  appliedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: "The handover pack's summary in one line" }) headline!: string;
}

/** The change with its handover pack, frozen when the change was recorded (without the allocation for client viewers). */
export class ExecutiveChangeDetailView extends ExecutiveChangeView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The handover pack (frozen snapshot)' })
  handover!: Record<string, unknown>;
}

export class ExecutiveChangeList {
  @ApiProperty({ type: [ExecutiveChangeView], maxItems: 200, description: 'Oldest first' })
  items!: ExecutiveChangeView[];
}
