import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runForOrganization } from '@app/database/tenant-scope';
import type { AuthenticatedRequestUser } from './jwt.strategy';

/**
 * Global, after the JWT guard: an authenticated request's handler runs in its caller's organization scope, so
 * every transaction it opens sets that organization for row-level security. Public routes get no scope: their
 * services open one themselves (a user's organization once found, or a named system task).
 */
@Injectable()
export class TenantScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedRequestUser }>().user;
    const organizationId = user?.actor?.organizationId;
    if (!organizationId) return next.handle();
    return new Observable((subscriber) =>
      runForOrganization(organizationId, () => next.handle().subscribe(subscriber)),
    );
  }
}
