import { InvalidEnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies defaults when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, SIGNUP_ENABLED: true, BODY_LIMIT_BYTES: 1048576, ACCESS_TOKEN_TTL_SECONDS: 900 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts strings and treats empty values as unset', () => {
    const env = validateEnvironment({ PORT: '8080', SIGNUP_ENABLED: 'false', DATABASE_URL: '' });
    expect(env.PORT).toBe(8080);
    expect(env.SIGNUP_ENABLED).toBe(false);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SIGNUP_ENABLED: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/SIGNUP_ENABLED/);
  });

  it('requires a JWT secret of 32+ characters in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
  });

  it('reads CORS_ORIGINS and TRUSTED_PROXIES as comma-separated lists, empty by default', () => {
    expect(validateEnvironment({})).toMatchObject({ CORS_ORIGINS: [], TRUSTED_PROXIES: [] });
    const env = validateEnvironment({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173', TRUSTED_PROXIES: '10.0.0.0/8,loopback, ::1' });
    expect(env.CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(env.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', 'loopback', '::1']);
  });

  it('refuses origins with a path and proxies that are not addresses', () => {
    expect(() => validateEnvironment({ CORS_ORIGINS: 'https://app.example.com/' })).toThrow(/CORS_ORIGINS/);
    expect(() => validateEnvironment({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => validateEnvironment({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES: 10.0.0.0\/33/);
    expect(() => validateEnvironment({ TRUSTED_PROXIES: 'proxy.example.com' })).toThrow(/TRUSTED_PROXIES/);
  });
});
