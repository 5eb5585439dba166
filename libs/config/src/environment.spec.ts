import { launcherPublicUrl } from './config';
import { InvalidEnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies defaults when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      SIGNUP_ENABLED: true,
      BODY_LIMIT_BYTES: 1048576,
      ACCESS_TOKEN_TTL_SECONDS: 900,
    });
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
    const env = validateEnvironment({
      CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
      TRUSTED_PROXIES: '10.0.0.0/8,loopback, ::1',
    });
    expect(env.CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(env.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', 'loopback', '::1']);
  });

  it('refuses origins with a path and proxies that are not addresses', () => {
    expect(() => validateEnvironment({ CORS_ORIGINS: 'https://app.example.com/' })).toThrow(/CORS_ORIGINS/);
    expect(() => validateEnvironment({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => validateEnvironment({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES: 10.0.0.0\/33/);
    expect(() => validateEnvironment({ TRUSTED_PROXIES: 'proxy.example.com' })).toThrow(/TRUSTED_PROXIES/);
  });

  describe('PUBLIC_URL', () => {
    const problemsOf = (raw: Record<string, string>, require: Array<'PUBLIC_URL'> = []) => {
      try {
        validateEnvironment(raw, { require });
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidEnvironmentError);
        return (error as InvalidEnvironmentError).problems;
      }
    };

    it('is required by the API and the worker, and the error names it', () => {
      expect(problemsOf({}, ['PUBLIC_URL'])).toEqual([expect.stringMatching(/^PUBLIC_URL: must be set/)]);
      expect(
        validateEnvironment({ PUBLIC_URL: 'https://throughline.example.com' }, { require: ['PUBLIC_URL'] }).PUBLIC_URL,
      ).toBe('https://throughline.example.com');
    });

    it('has no default of its own', () => {
      expect(validateEnvironment({}).PUBLIC_URL).toBeUndefined();
    });

    it.each([
      ['throughline.example.com'],
      ['ftp://throughline.example.com'],
      ['https://throughline.example.com/'],
      ['https://throughline.example.com/app'],
      ['https://throughline.example.com?x=1'],
      ['https://throughline.example.com#top'],
      ['https://user:secret@throughline.example.com'],
      ['http://'],
    ])('refuses %s, naming PUBLIC_URL', (value) => {
      expect(problemsOf({ PUBLIC_URL: value })).toEqual([
        expect.stringMatching(/^PUBLIC_URL: must be an absolute http\(s\) URL/),
      ]);
    });

    it('keeps an origin as the normalised origin (lower-case host, no default port)', () => {
      expect(validateEnvironment({ PUBLIC_URL: 'http://localhost:3977' }).PUBLIC_URL).toBe('http://localhost:3977');
      expect(validateEnvironment({ PUBLIC_URL: 'HTTPS://Throughline.Example.com:443' }).PUBLIC_URL).toBe(
        'https://throughline.example.com',
      );
    });

    it('npm start with embedded PostgreSQL links to the address it serves, following PORT', () => {
      expect(launcherPublicUrl(validateEnvironment({}))).toBe('http://localhost:3000');
      expect(launcherPublicUrl(validateEnvironment({ PORT: '3977' }))).toBe('http://localhost:3977');
      expect(
        launcherPublicUrl(validateEnvironment({ PORT: '3977', PUBLIC_URL: 'https://throughline.example.com' })),
      ).toBe('https://throughline.example.com');
    });

    it('npm start against a database of your own needs PUBLIC_URL', () => {
      const env = validateEnvironment({ DATABASE_URL: 'postgres://db.example.com/throughline' });
      expect(() => launcherPublicUrl(env)).toThrow(InvalidEnvironmentError);
      expect(() => launcherPublicUrl(env)).toThrow(/PUBLIC_URL: must be set when DATABASE_URL is/);
    });
  });

  it('names the bad settings the domain services get (ALERT_BATCH_ABOVE, WEBHOOK_ALLOW_PRIVATE_TARGETS, DIGEST_UNSUBSCRIBE_SECRET)', () => {
    expect(() => validateEnvironment({ ALERT_BATCH_ABOVE: '-1' })).toThrow(/ALERT_BATCH_ABOVE/);
    expect(() => validateEnvironment({ ALERT_BATCH_ABOVE: 'five' })).toThrow(/ALERT_BATCH_ABOVE/);
    expect(() => validateEnvironment({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'maybe' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_TARGETS/,
    );
    expect(() => validateEnvironment({ DIGEST_UNSUBSCRIBE_SECRET: 'short' })).toThrow(/DIGEST_UNSUBSCRIBE_SECRET/);
    expect(validateEnvironment({ ALERT_BATCH_ABOVE: '0', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' })).toMatchObject({
      ALERT_BATCH_ABOVE: 0,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: true,
    });
  });

  it('reads REFRESH_TOKEN_REUSE_GRACE_SECONDS (30 by default, 0 to 300) and names a bad one', () => {
    expect(validateEnvironment({}).REFRESH_TOKEN_REUSE_GRACE_SECONDS).toBe(30);
    expect(validateEnvironment({ REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' }).REFRESH_TOKEN_REUSE_GRACE_SECONDS).toBe(0);
    for (const bad of ['-1', '301', 'soon'])
      expect(() => validateEnvironment({ REFRESH_TOKEN_REUSE_GRACE_SECONDS: bad })).toThrow(
        /REFRESH_TOKEN_REUSE_GRACE_SECONDS/,
      );
  });

  it('reads LOG_FORMAT as auto (the default), json or pretty, and names a bad one', () => {
    expect(validateEnvironment({}).LOG_FORMAT).toBe('auto');
    expect(validateEnvironment({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => validateEnvironment({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
