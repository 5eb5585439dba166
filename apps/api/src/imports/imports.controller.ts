import '@fastify/multipart';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  StreamableFile,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import {
  ExportsService,
  ExportKindParamDto,
  IMPORT_TYPES,
  ImportFileInvalid,
  ImportQueryDto,
  ImportReportView,
  ImportsService,
  ImportTypeParamDto,
  ImportUploadDto,
  readImportCsv,
  templateRows,
  UTF8_BOM,
  type Actor,
  type ImportFiles,
  type ImportType,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Ok, OkText } from '../http/api-docs';
import { ErrorResponse } from '../http/error-response';
import { IMPORT_MAX_UPLOAD_BYTES } from '../http/multipart';
import { RequestValidationFailed } from '../http/validation';
import { UuidParam } from '../http/uuid-param';

const CSV = 'text/csv; charset=utf-8';

@ApiTags('imports and exports')
@ApiAuthenticated()
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly exports: ExportsService,
  ) {}

  @Post('imports')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import clients, executives, engagements, owners, priorities and milestones from CSV: a dry run (per row: created, updated, unchanged or errors) or a commit of all rows or none (admin, account manager)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'One CSV file per type, in the field named after it (any subset); columns: GET /imports/templates/{type}. Applied in the order clients, executives, engagements, owners, priorities, milestones.',
    type: ImportUploadDto,
  })
  @Ok(ImportReportView, 'The per-row report (a commit answers it only when every row was written)')
  @ApiWrite()
  @ApiPayloadTooLargeResponse({ type: ErrorResponse, description: 'A file over 20 MB or an upload over 25 MB' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponse, description: 'Not multipart/form-data' })
  async import(
    @CurrentActor() actor: Actor,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ImportReportView> {
    this.imports.permit(actor);
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > IMPORT_MAX_UPLOAD_BYTES)
      throw new PayloadTooLargeException(
        `The upload is over ${IMPORT_MAX_UPLOAD_BYTES / 1024 / 1024} MB: split the file`,
      );
    if (!request.isMultipart())
      throw new UnsupportedMediaTypeException(
        'Upload the CSV files as multipart/form-data, one field per type (clients, executives, …)',
      );
    const files: ImportFiles = {};
    for await (const part of request.parts()) {
      const type = part.fieldname as ImportType;
      if (part.type !== 'file' || !IMPORT_TYPES.includes(type))
        throw new RequestValidationFailed([
          { field: part.fieldname, problems: [`expected a CSV file in one of the fields ${IMPORT_TYPES.join(', ')}`] },
        ]);
      if (files[type]) throw new ImportFileInvalid(type, 'uploaded twice');
      files[type] = await readImportCsv(type, part.file);
    }
    if (Object.keys(files).length === 0)
      throw new RequestValidationFailed([
        { field: 'body', problems: [`no CSV file: upload one in a field named ${IMPORT_TYPES.join(', ')}`] },
      ]);
    return this.imports.run(actor, files, query.mode);
  }

  @Get('imports/templates/:type')
  @ApiOperation({ summary: 'The CSV template of one import type: its columns and an example row' })
  @OkText('text/csv', 'CSV, UTF-8 with a byte order mark')
  template(@Param() params: ImportTypeParamDto): StreamableFile {
    const text = UTF8_BOM + stringify(templateRows(params.type), { record_delimiter: 'windows' });
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      type: CSV,
      disposition: `attachment; filename="${params.type}-template.csv"`,
    });
  }

  @Get('exports/:kind')
  @ApiOperation({
    summary:
      'Export as CSV, streamed: the portfolio or the alerts you can see, or a record type of the firm in the import format (admin, account manager)',
  })
  @OkText('text/csv', 'CSV, UTF-8 with a byte order mark; cells that would run as a formula start with a quote')
  async export(@CurrentActor() actor: Actor, @Param() params: ExportKindParamDto): Promise<StreamableFile> {
    const stream = await this.exports.export(actor, params.kind);
    return new StreamableFile(stream, { type: CSV, disposition: `attachment; filename="${params.kind}.csv"` });
  }

  @Get('engagements/:id/milestones/export')
  @ApiOperation({ summary: "Export an engagement's milestones with their re-plan history as CSV, streamed" })
  @OkText('text/csv', 'CSV, UTF-8 with a byte order mark')
  async engagementMilestones(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<StreamableFile> {
    const stream = await this.exports.engagementMilestones(actor, id);
    return new StreamableFile(stream, { type: CSV, disposition: `attachment; filename="milestones-${id}.csv"` });
  }
}
