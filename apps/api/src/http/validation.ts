import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { MAX_FIELD_NAME_LENGTH, MAX_LISTED_PROBLEMS, MAX_PROBLEM_LENGTH } from './input-limits';
import { findNulCharacters, inputShapeProblem, type FieldProblem } from './input-shape';

export type { FieldProblem } from './input-shape';

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Thrown by the global ValidationPipe; the filter turns it into a 400 naming each field. Only the first
 * MAX_LISTED_PROBLEMS fields are kept (names and texts cut short), with the number of the others, so neither the
 * answer nor its log line grows with the input.
 */
export class RequestValidationFailed extends Error {
  readonly fields: FieldProblem[];
  /** How many more fields had problems than `fields` lists. */
  readonly omitted: number;

  constructor(fields: FieldProblem[]) {
    const listed = fields.slice(0, MAX_LISTED_PROBLEMS).map((f) => ({
      field: cut(f.field, MAX_FIELD_NAME_LENGTH),
      problems: f.problems.map((p) => cut(p, MAX_PROBLEM_LENGTH)),
    }));
    const omitted = fields.length - listed.length;
    super(
      `Invalid request: ${listed.map((f) => `${f.field} (${f.problems.join('; ')})`).join(', ')}${omitted > 0 ? ` and ${omitted} more` : ''}`,
    );
    this.fields = listed;
    this.omitted = omitted;
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    // An array's items by index, as in the shape checks: `priorities[1].milestones[0].dueDate`.
    const field = !parent
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      // the cheap structural checks first: class-transformer and class-validator cost more than linear time
      const shape = inputShapeProblem(value, metadata.type);
      if (shape) throw new RequestValidationFailed([shape]);
      const nul = findNulCharacters(value);
      if (nul.length) throw new RequestValidationFailed(nul);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationFailed(flattenValidationErrors(errors)),
  });
}
