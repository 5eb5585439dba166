import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional, Nullable } from '../shared/validation';
import { PageQueryDto } from '../shared/pagination';
import { RAGS, type CheckInBlocker, type Rag } from './check-in.entity';

export const MAX_BLOCKER_ITEMS = 20;

export class CheckInBlockerDto implements CheckInBlocker {
  @ApiProperty({ maxLength: 2000, example: 'Need the CFO to sign off the pricing change' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;
  @ApiProperty({ description: "The client has to act on it: listed among the asks in the client's summary" })
  @IsBoolean()
  needsClientAction!: boolean;
}

export class CheckInBlockerView implements CheckInBlocker {
  @ApiProperty() text!: string;
  @ApiProperty() needsClientAction!: boolean;
}

export class CreateCheckInDto {
  @ApiProperty({ enum: RAGS }) @IsIn(RAGS) rag!: Rag;
  @ApiProperty({ minimum: 0, maximum: 10, description: 'How confident the author is that the priority lands on time' })
  @IsInt()
  @Min(0)
  @Max(10)
  confidence!: number;
  @ApiProperty({ maxLength: 10000, example: 'Pipeline coverage up to 2.1x; two AEs signed.' })
  @IsString()
  @Length(1, 10000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;
  @ApiPropertyOptional({ type: String, maxLength: 10000, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 10000)
  blockers?: string | null;
  @ApiPropertyOptional({
    default: false,
    description: 'The blockers need the client’s action (an ask on the client summary)',
  })
  @Optional()
  @IsBoolean()
  blockersNeedClientAction?: boolean;
  @ApiPropertyOptional({
    type: [CheckInBlockerDto],
    maxItems: MAX_BLOCKER_ITEMS,
    description: 'Blockers one by one, each saying whether it needs the client to act',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_BLOCKER_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CheckInBlockerDto)
  blockerItems?: CheckInBlockerDto[];
}

export class ListCheckInsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @Optional()
  @IsIn(['asc', 'desc'])
  override order: 'asc' | 'desc' = 'desc';
}

export class CheckInView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) priorityId!: string;
  @ApiProperty({ enum: RAGS }) rag!: Rag;
  @ApiProperty() confidence!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true, type: String }) blockers!: string | null;
  @ApiProperty() blockersNeedClientAction!: boolean;
  @ApiProperty({ type: [CheckInBlockerView] }) blockerItems!: CheckInBlockerView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) acknowledgedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class CheckInPage {
  @ApiProperty({ type: [CheckInView] }) items!: CheckInView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
