import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { Optional, Nullable } from '../shared/validation';
import { PageQueryDto } from '../shared/pagination';
import { FUNCTIONS, type ExecutiveFunction } from './executive.entity';

export class CreateExecutiveDto {
  @ApiProperty({ example: 'Dana Whitfield', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ example: 'dana@example.com' })
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @ApiProperty({ enum: FUNCTIONS, isArray: true, minItems: 1, maxItems: 3, uniqueItems: true, example: ['CRO'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(FUNCTIONS, { each: true })
  functions!: ExecutiveFunction[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user account (role executive) this person logs in with',
  })
  @Nullable()
  @IsUUID('all')
  userId?: string | null;
}

export class UpdateExecutiveDto extends PartialType(CreateExecutiveDto, { skipNullProperties: false }) {}

export class ListExecutivesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FUNCTIONS }) @Optional() @IsIn(FUNCTIONS) function?: ExecutiveFunction;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) search?: string;
  @ApiPropertyOptional({ enum: ['name', 'createdAt'], default: 'name' }) @Optional() @IsIn(['name', 'createdAt']) sort:
    'name' | 'createdAt' = 'name';
}

export class ExecutiveView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: FUNCTIONS, isArray: true }) functions!: ExecutiveFunction[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class ExecutivePage {
  @ApiProperty({ type: [ExecutiveView] }) items!: ExecutiveView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
