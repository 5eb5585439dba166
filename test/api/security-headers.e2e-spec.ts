import { expectStatus, startTestApi, type TestApi } from '@test/support';

/** Security headers (helmet) and CORS over real HTTP, with the default (same-origin) and a configured origin. */

function directives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as [string, string];
      }),
  );
}

describe('security headers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('sends a strict CSP and the helmet headers on API answers, the dashboard and the docs', async () => {
    for (const path of ['/api/health', '/api/v1/me', '/', '/api/docs']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBeLessThan(500);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
      // Plain-HTTP installation (PUBLIC_URL http://): no HSTS that would pin localhost to HTTPS.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('keeps headers on error answers too', async () => {
    const response = await api.http.post('/auth/login', '{not json');
    expectStatus(response, 400);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers no CORS headers by default: other origins cannot read API answers from a browser', async () => {
    const preflight = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${api.baseUrl}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS with CORS_ORIGINS configured', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      CORS_ORIGINS: 'https://dashboard.example.com,http://localhost:5173',
      PUBLIC_URL: 'https://throughline.example.com',
    });
  });
  afterAll(() => api?.close());

  it('allows a configured origin, with the Authorization header and no credentials', async () => {
    const preflight = await fetch(`${api.baseUrl}/api/v1/portfolio`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dashboard.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect(preflight.headers.get('vary')).toMatch(/origin/i);
    const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'whatever-it-is-here' }),
    });
    expect(login.status).toBe(401);
    expect(login.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('refuses any other origin, including look-alikes', async () => {
    for (const origin of [
      'https://evil.example',
      'https://dashboard.example.com.evil.example',
      'http://dashboard.example.com',
      'null',
    ]) {
      const preflight = await fetch(`${api.baseUrl}/api/v1/portfolio`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const response = await fetch(`${api.baseUrl}/api/health`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
