import { ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Thrown by the global ValidationPipe; the filter turns it into a 400 naming each field. */
export class RequestValidationFailed extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super(`Invalid request: ${fields.map((f) => `${f.field} (${f.problems.join('; ')})`).join(', ')}`);
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationFailed(flattenValidationErrors(errors)),
  });
}
