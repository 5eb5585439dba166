import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemView {
  @ApiProperty({ example: 'dueDate' }) field!: string;
  @ApiProperty({ type: [String], example: ['dueDate must be a real date in the form YYYY-MM-DD'] }) problems!: string[];
}

/** Every error the API returns has this shape. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' }) code!: string;
  @ApiProperty({ example: 'Invalid request: dueDate (dueDate must be a real date in the form YYYY-MM-DD)' })
  message!: string;
  @ApiPropertyOptional({
    type: [FieldProblemView],
    description: 'The first 20 fields with problems; details.omittedErrors counts the others',
  })
  errors?: FieldProblemView[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiProperty({ description: 'Quote it when reporting a problem; also in the x-request-id header' })
  correlationId!: string;
}
