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
import { SessionOnly } from '@app/auth';
import { ErrorResponse } from './error-response';

/** The OpenAPI security scheme of personal API tokens (`bearer` is a session's access token). */
export const API_TOKEN_SCHEME = 'apiToken';

/**
 * The error responses every authenticated route can give, declared once. Either credential works: a session's
 * access token (`bearer`) or a personal API token (`apiToken`, whose `read` scope refuses anything but GET with 403).
 */
export const ApiAuthenticated = () =>
  applyDecorators(ApiBearerAuth(), ApiBearerAuth(API_TOKEN_SCHEME), authenticatedErrors());

/** A route only a signed-in session may call (SessionOnly): an API token gets 403 AUTH.SESSION_REQUIRED. */
export const ApiSessionAuthenticated = () => applyDecorators(SessionOnly(), ApiBearerAuth(), authenticatedErrors());

const authenticatedErrors = () =>
  applyDecorators(
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Missing, invalid or expired access token' }),
    ApiForbiddenResponse({
      type: ErrorResponse,
      description: 'Your role may not do this (or your API token may not: read scope, or session only)',
    }),
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
