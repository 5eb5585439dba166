import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../shared/validation';
import { IMPORT_TYPES, type ImportType } from './import-columns';

export const IMPORT_MODES = ['dry-run', 'commit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export class ImportQueryDto {
  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'dry-run',
    description:
      'dry-run (default): answer per row and write nothing; commit: write all rows in one transaction or none',
  })
  @Optional()
  @IsIn(IMPORT_MODES)
  mode: ImportMode = 'dry-run';
}

export class ImportTypeParamDto {
  @ApiProperty({ enum: IMPORT_TYPES }) @IsIn(IMPORT_TYPES) type!: ImportType;
}

export class ImportCellErrorView {
  @ApiProperty({ example: 'due_date' }) column!: string;
  @ApiProperty({ example: 'a date YYYY-MM-DD' }) rule!: string;
}

export class ImportRowView {
  @ApiProperty({ enum: IMPORT_TYPES }) type!: ImportType;
  @ApiProperty({ description: 'Line in the file (the header is line 1)' }) line!: number;
  @ApiProperty({ nullable: true, type: String }) externalKey!: string | null;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'error'] }) outcome!:
    'created' | 'updated' | 'unchanged' | 'error';
  @ApiProperty({ type: [String], description: 'Columns whose value changes (updated rows)' }) changed!: string[];
  @ApiProperty({ type: [ImportCellErrorView] }) errors!: ImportCellErrorView[];
}

export class ImportSummaryView {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() error!: number;
}

export class ImportReportView {
  @ApiProperty({ enum: IMPORT_MODES }) mode!: ImportMode;
  @ApiProperty({ description: 'true only for a commit, which wrote every row' }) committed!: boolean;
  @ApiProperty({ type: ImportSummaryView }) summary!: ImportSummaryView;
  @ApiProperty({ type: [ImportRowView] }) rows!: ImportRowView[];
}

export class CalendarFeedView {
  @ApiProperty({
    description:
      'The private feed URL, shown once: subscribe to it in a calendar. Regenerating revokes the previous one.',
    example: 'http://localhost:3000/api/v1/calendar/3q2-….ics',
  })
  url!: string;
}

/** The multipart form of POST /imports (documentation only: the files are streamed to the CSV reader, not validated here). */
export class ImportUploadDto {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'clients.csv' }) clients?: unknown;
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'executives.csv' }) executives?: unknown;
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'engagements.csv' }) engagements?: unknown;
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'owners.csv' }) owners?: unknown;
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'priorities.csv' }) priorities?: unknown;
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'milestones.csv' }) milestones?: unknown;
}
