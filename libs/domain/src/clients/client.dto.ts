import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Optional, Nullable } from '../shared/validation';
import { PageQueryDto } from '../shared/pagination';
import { CLIENT_STAGES, CLIENT_STATUSES, type ClientStage, type ClientStatus } from './client.entity';

export class CreateClientDto {
  @ApiProperty({ example: 'Acme Robotics', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'Industrial automation', maxLength: 200, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 200)
  industry?: string | null;

  @ApiProperty({ enum: CLIENT_STAGES })
  @IsIn(CLIENT_STAGES)
  stage!: ClientStage;

  @ApiPropertyOptional({ enum: CLIENT_STATUSES, default: 'active' })
  @Optional()
  @IsIn(CLIENT_STATUSES)
  status?: ClientStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'An admin or account manager of this organization',
    nullable: true,
  })
  @Nullable()
  @IsUUID('all')
  accountManagerId?: string | null;
}

// skipNullProperties: false → an omitted field is skipped, but null is validated (and refused unless nullable).
export class UpdateClientDto extends PartialType(CreateClientDto, { skipNullProperties: false }) {}

export class ListClientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLIENT_STATUSES }) @Optional() @IsIn(CLIENT_STATUSES) status?: ClientStatus;
  @ApiPropertyOptional({ enum: CLIENT_STAGES }) @Optional() @IsIn(CLIENT_STAGES) stage?: ClientStage;
  @ApiPropertyOptional({ description: 'Case-insensitive match on the name' })
  @Optional()
  @IsString()
  @Length(1, 200)
  search?: string;
  @ApiPropertyOptional({ enum: ['name', 'createdAt'], default: 'name' }) @Optional() @IsIn(['name', 'createdAt']) sort:
    'name' | 'createdAt' = 'name';
}

export class ClientView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) industry!: string | null;
  @ApiProperty({ enum: CLIENT_STAGES }) stage!: ClientStage;
  @ApiProperty({ enum: CLIENT_STATUSES }) status!: ClientStatus;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Omitted for client viewers' })
  accountManagerId?: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class ClientPage {
  @ApiProperty({ type: [ClientView] }) items!: ClientView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
