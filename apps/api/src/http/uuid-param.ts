import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationFailed } from './validation';

/** A path id that must be a UUID: anything else is a 400 naming the parameter, before any lookup. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationFailed([{ field: name, problems: [`${name} must be a UUID`] }]),
    }),
  );
