import { Writable } from 'node:stream';
import { createLogger, prettyMessage, resolveLogFormat } from './logger';

/** Collects what the logger writes: one JSON object per line. */
function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('resolveLogFormat', () => {
  it.each([
    ['auto', true, 'pretty'],
    ['auto', false, 'json'],
    ['json', true, 'json'],
    ['pretty', false, 'pretty'],
  ] as const)('%s with a terminal=%s is %s', (format, tty, expected) => {
    expect(resolveLogFormat(format, tty)).toBe(expected);
  });
});

describe('createLogger', () => {
  it('writes JSON lines with the level as a word, the context and the message, secrets redacted', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ LOG_LEVEL: 'log', LOG_FORMAT: 'json' }, 'Worker', stream);
    logger.log('Worker ready');
    logger.warn({ message: 'reset requested', token: 'abc', user: { password: 'p' } }, 'Auth');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'info', context: 'Worker', message: 'Worker ready' }),
      expect.objectContaining({
        level: 'warn',
        context: 'Auth',
        message: 'reset requested',
        token: '[redacted]',
        user: { password: '[redacted]' },
      }),
    ]);
  });

  it("makes Nest's module-load and route-mapping lines debug lines, so LOG_LEVEL=log leaves them out", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ LOG_LEVEL: 'log', LOG_FORMAT: 'json' }, 'API', stream);
    logger.log('DomainModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/api/v1/clients, GET} route', 'RouterExplorer');
    logger.log('API listening on http://localhost:3000', 'API');
    expect(lines().map((line) => line.message)).toEqual(['API listening on http://localhost:3000']);

    const verbose = capture();
    createLogger({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, 'API', verbose.stream).log(
      'Mapped {/api/v1/clients, GET} route',
      'RouterExplorer',
    );
    expect(verbose.lines()).toEqual([expect.objectContaining({ level: 'debug', context: 'RouterExplorer' })]);
  });

  it('keeps the stack of an error', () => {
    const { stream, lines } = capture();
    createLogger({ LOG_LEVEL: 'log', LOG_FORMAT: 'json' }, 'API', stream).error(
      'request failed',
      'Error: boom\n    at here',
      'ErrorFilter',
    );
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'ErrorFilter',
        message: 'request failed',
        stack: 'Error: boom\n    at here',
      }),
    ]);
  });
});

describe('prettyMessage', () => {
  it('reads as context and message; a request as method, route, status and duration', () => {
    expect(prettyMessage({ context: 'Worker', message: 'Worker ready' })).toBe('Worker: Worker ready');
    expect(
      prettyMessage({
        context: 'HTTP',
        method: 'GET',
        route: '/api/v1/portfolio',
        status: 200,
        durationMs: 12,
        message: 'request completed',
      }),
    ).toBe('HTTP: GET /api/v1/portfolio → 200 (12 ms)');
    expect(
      prettyMessage({
        context: 'HTTP',
        method: 'POST',
        route: '/api/v1/auth/login',
        status: 401,
        durationMs: 80,
        event: 'auth.login.failed',
      }),
    ).toBe('HTTP: POST /api/v1/auth/login → 401 (80 ms) auth.login.failed');
    expect(prettyMessage({ context: 'API', message: 'failed', stack: 'Error: boom\n    at here' })).toBe(
      'API: failed\nError: boom\n    at here',
    );
  });
});
