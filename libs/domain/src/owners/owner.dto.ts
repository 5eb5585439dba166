import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsEmail, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Optional, Nullable } from '../shared/validation';
import { PageQueryDto } from '../shared/pagination';

export class CreateOwnerDto {
  @ApiProperty({ format: 'uuid', description: 'The client this owner belongs to' })
  @IsUUID('all')
  clientId!: string;

  @ApiProperty({ example: 'Priya Raman', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'priya@acme.example', nullable: true })
  @Nullable()
  @IsEmail()
  @Length(3, 254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: 'VP Sales', nullable: true, maxLength: 200 })
  @Nullable()
  @IsString()
  @Length(0, 200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all')
  userId?: string | null;
}

export class UpdateOwnerDto extends PartialType(OmitType(CreateOwnerDto, ['clientId'] as const), {
  skipNullProperties: false,
}) {}

export class ListOwnersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') clientId?: string;
}

export class OwnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ description: 'Active priorities this owner carries across the organization' })
  activePriorities!: number;
}

export class OwnerPage {
  @ApiProperty({ type: [OwnerView] }) items!: OwnerView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
