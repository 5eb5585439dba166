import { runForOrganization } from '@app/database';

/**
 * A service whose every method runs in one organization's tenant scope, as an authenticated request of that
 * organization would: for tests that call services directly instead of over HTTP.
 */
export function inOrganization<T extends object>(service: T, organizationId: string): T {
  return new Proxy(service, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => runForOrganization(organizationId, () => value.apply(target, args));
    },
  });
}
