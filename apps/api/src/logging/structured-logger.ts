import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Environment } from '@app/config';
import { logContext } from '@app/domain';

/**
 * One JSON object per line (pino): UTC ISO `time`, `level` as a word, `context`, `message`, and — inside an
 * HTTP request — its `requestId`, `organizationId` and `userId`. Secrets never reach a line: the paths below are
 * censored wherever they appear, and request bodies and headers are never logged in the first place.
 */
export const REDACTED_PATHS = [
  'password', 'currentPassword', 'newPassword', 'passwordHash', 'token', 'accessToken', 'refreshToken', 'secret', 'authorization',
  '*.password', '*.currentPassword', '*.newPassword', '*.passwordHash', '*.token', '*.accessToken', '*.refreshToken', '*.secret', '*.authorization',
  'headers.authorization', 'headers.cookie', 'req.headers.authorization', 'req.headers.cookie',
];

const NEST_TO_PINO: Record<LogLevel, pino.Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

export function createPino(env: Pick<Environment, 'LOG_LEVEL'>, destination?: DestinationStream): PinoLogger {
  return pino(
    {
      level: NEST_TO_PINO[env.LOG_LEVEL],
      base: { pid: process.pid },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...logContext.getStore() }),
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/**
 * Nest's LoggerService over pino. A message may be an object — `{event: 'auth.refresh.reuse_detected', userId}` —
 * whose fields become the line's fields; libs log through Nest's `Logger` and never depend on pino.
 */
export class StructuredLogger implements LoggerService {
  constructor(readonly pino: PinoLogger, private readonly context = 'Throughline') {}

  log(message: unknown, ...rest: unknown[]): void { this.write('info', message, rest); }
  error(message: unknown, ...rest: unknown[]): void { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]): void { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]): void { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]): void { this.write('trace', message, rest); }
  fatal(message: unknown, ...rest: unknown[]): void { this.write('fatal', message, rest); }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : this.context;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      this.pino[level]({ context, err: { name: message.name, message: message.message, stack: message.stack } }, message.message);
    } else if (message && typeof message === 'object') {
      const { message: text, ...fields } = message as Record<string, unknown>;
      this.pino[level]({ context, ...fields, ...(stack ? { stack } : {}) }, typeof text === 'string' ? text : undefined);
    } else {
      this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}

export function createStructuredLogger(env: Pick<Environment, 'LOG_LEVEL'>, context: string, destination?: DestinationStream): StructuredLogger {
  return new StructuredLogger(createPino(env, destination), context);
}
