import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '@app/domain';
import type { AuthenticatedRequestUser } from './jwt.strategy';

export const IS_PUBLIC = 'throughline:isPublic';

/** Opts a route out of the global JWT guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const SESSION_ONLY = 'throughline:sessionOnly';

/**
 * Needs a signed-in session (a login's access token): a personal API token gets 403 AUTH.SESSION_REQUIRED. For
 * managing API tokens themselves (a token must not mint tokens that outlive it), logout and the password.
 */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: AuthenticatedRequestUser }>().user.actor;
});

/** Only on @SessionOnly() routes, where there is always a session. */
export const CurrentSessionId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const { sessionId } = ctx.switchToHttp().getRequest<{ user: AuthenticatedRequestUser }>().user;
  if (!sessionId) throw new Error('CurrentSessionId on a route that is not @SessionOnly()');
  return sessionId;
});
