import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPORT_KINDS, type ExportKind } from './exports.service';

export class ExportKindParamDto {
  @ApiProperty({ enum: EXPORT_KINDS }) @IsIn(EXPORT_KINDS) kind!: ExportKind;
}
