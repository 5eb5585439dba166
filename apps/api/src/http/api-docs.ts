import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiConflictResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

/** The error responses every authenticated route can give, declared once. */
export const ApiAuthenticated = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Missing, invalid or expired access token' }),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'Your role may not do this' }),
    ApiNotFoundResponse({ type: ErrorResponse, description: 'Missing, or outside your reach (same answer)' }),
    ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid input; `errors` names each field' }),
  );

export const ApiWrite = () =>
  applyDecorators(
    ApiConflictResponse({ type: ErrorResponse, description: 'Conflicts with the current state' }),
    ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'A domain rule refuses it; `code` says which' }),
  );

export const Ok = (type: Type<unknown> | [Type<unknown>], description?: string) => ApiOkResponse({ type, description });
export const Created = (type: Type<unknown>, description?: string) => ApiCreatedResponse({ type, description });

/** A download answered as text of one media type (CSV, iCalendar), not JSON. */
export const OkText = (mediaType: 'text/csv' | 'text/calendar', description: string) =>
  ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string' } } } });
