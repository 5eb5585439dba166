import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a real date in the form YYYY-MM-DD`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(value) &&
          DateTime.fromISO(value, { zone: 'UTC' }).isValid &&
          value >= '1900-01-01' &&
          value <= '2999-12-31',
      },
    });
}

export const CalendarDate = (description?: string, example = '2026-03-31') =>
  applyDecorators(ApiProperty({ type: String, format: 'date', example, description }), IsCalendarDate());

/** May be left out, but not sent as null (the column is NOT NULL): null is validated and refused. */
export const Optional = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** May be left out or sent as null (clears the value). */
export const Nullable = () => IsOptional();

export const OptionalCalendarDate = (description?: string, example = '2026-03-31') =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', example, description }),
    Optional(),
    IsCalendarDate(),
  );

export const NullableCalendarDate = (description?: string, example = '2026-03-31') =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', example, description, nullable: true }),
    Nullable(),
    IsCalendarDate(),
  );
