import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Optional } from '../shared/validation';
import { PageQueryDto } from '../shared/pagination';

export class ListAuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'milestone' }) @Optional() @IsString() @Length(1, 50) entityType?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') actorId?: string;
  @ApiPropertyOptional({ example: 'user.role_changed', description: 'Exact action' })
  @Optional()
  @IsString()
  @Length(1, 100)
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/, { message: 'action must look like user.role_changed' })
  action?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this instant' })
  @Optional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this instant' })
  @Optional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ example: 'milestone.replanned' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) before!: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) after!: unknown;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
