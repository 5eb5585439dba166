import { securityEvent } from './request-logging';

describe('securityEvent', () => {
  const AUTH = '/api/v1/auth';
  it.each([
    ['POST', `${AUTH}/login`, 200, undefined, false, 'auth.login.succeeded'],
    ['POST', `${AUTH}/login`, 401, 'AUTH.INVALID_CREDENTIALS', false, 'auth.login.failed'],
    ['POST', `${AUTH}/login`, 429, 'AUTH.TOO_MANY_ATTEMPTS', false, 'auth.throttled'],
    ['POST', `${AUTH}/login`, 400, 'VALIDATION_FAILED', false, undefined],
    ['POST', `${AUTH}/refresh`, 401, 'AUTH.INVALID_REFRESH_TOKEN', false, 'auth.refresh.failed'],
    ['POST', `${AUTH}/password-reset`, 202, undefined, false, 'auth.password_reset.requested'],
    ['POST', `${AUTH}/signup`, 202, undefined, false, 'auth.signup.requested'],
    ['POST', `${AUTH}/signup/verify`, 201, undefined, false, 'auth.signup.succeeded'],
    ['POST', `${AUTH}/signup/verify`, 422, 'AUTH.INVALID_SIGNUP_TOKEN', false, 'auth.signup.failed'],
    ['POST', `${AUTH}/password-reset/confirm`, 204, undefined, false, 'auth.password_reset.completed'],
    ['POST', '/api/v1/me/password', 422, 'AUTH.CURRENT_PASSWORD_WRONG', true, 'auth.password.change_failed'],
    ['POST', '/api/v1/me/password', 429, 'AUTH.TOO_MANY_ATTEMPTS', true, 'auth.throttled'],
    ['GET', '/api/v1/me', 401, 'AUTH.TOKEN_REVOKED', false, 'auth.token.rejected'],
    ['POST', '/api/v1/clients', 403, 'ACCESS.ROLE_FORBIDDEN', true, 'authz.denied'],
    ['GET', '/api/v1/clients/:id', 404, 'CLIENT.NOT_FOUND', true, 'authz.denied'],
    ['GET', '/api/v1/nope', 404, 'ROUTE.NOT_FOUND', true, undefined],
    ['POST', '/api/v1/clients', 400, 'VALIDATION_FAILED', true, 'input.rejected'],
    ['POST', '/api/v1/clients', 413, 'REQUEST.BODY_TOO_LARGE', false, 'input.rejected'],
    ['POST', '/api/v1/engagements', 422, 'ENGAGEMENT.EXECUTIVE_INVALID', true, 'input.rejected'],
    ['GET', '/api/v1/clients', 200, undefined, true, undefined],
  ] as const)('%s %s → %i (%s) is %s', (method, route, status, code, authenticated, event) => {
    expect(securityEvent(method, route, status, code, authenticated)).toBe(event);
  });
});
