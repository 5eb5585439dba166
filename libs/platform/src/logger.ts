import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import PinoPretty from 'pino-pretty';
import type { Environment } from '@app/config';
import { logContext } from './log-context';

/**
 * Log lines through pino. JSON (for machines): one object per line, UTC ISO `time`, `level` as a word, `context`,
 * `message`, and — inside an HTTP request or a job — its `requestId`/`jobId`, `organizationId` and `userId`. Pretty
 * (for a person at a terminal): one short coloured line each. Secrets never reach a line: the paths below are
 * censored wherever they appear, and request bodies and headers are never logged in the first place.
 */
export const REDACTED_PATHS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

export type LogSettings = Pick<Environment, 'LOG_LEVEL' | 'LOG_FORMAT'>;

const NEST_TO_PINO: Record<LogLevel, pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** `auto`: readable lines for a person at a terminal, JSON when stdout is a file, a pipe or a log collector. */
export function resolveLogFormat(format: LogSettings['LOG_FORMAT'], stdoutIsTty: boolean): 'json' | 'pretty' {
  if (format === 'auto') return stdoutIsTty ? 'pretty' : 'json';
  return format;
}

/** JSON lines into `destination` (stdout by default), or pretty lines on stdout when the format resolves to pretty. */
export function createPino(settings: LogSettings, destination?: DestinationStream): PinoLogger {
  const pretty = !destination && resolveLogFormat(settings.LOG_FORMAT, Boolean(process.stdout.isTTY)) === 'pretty';
  return pino(
    {
      level: NEST_TO_PINO[settings.LOG_LEVEL],
      base: { pid: process.pid },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      // pino-pretty colours numeric levels; JSON readers get the word.
      formatters: pretty ? {} : { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...logContext.getStore() }),
    },
    destination ?? (pretty ? prettyStream() : pino.destination({ fd: 1, sync: true })),
  );
}

/** In-process and synchronous: no worker thread to outlive the process, nothing lost when it exits. */
function prettyStream(): DestinationStream {
  return PinoPretty({
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    messageKey: 'message',
    messageFormat: prettyMessage,
    ignore: 'pid,hostname',
    // One line per entry: ids and request fields stay in the JSON format, where tools read them.
    hideObject: true,
  });
}

/** `Context: message`; a request as `GET /api/v1/route → 200 (12 ms)`; an error's stack under it. */
export function prettyMessage(log: Record<string, unknown>): string {
  const context = typeof log.context === 'string' ? `${log.context}: ` : '';
  const text =
    log.context === 'HTTP'
      ? `${String(log.method)} ${String(log.route)} → ${String(log.status)} (${String(log.durationMs)} ms)${log.event ? ` ${String(log.event)}` : ''}`
      : String(log.message ?? '');
  const err = log.err as { stack?: unknown } | undefined;
  const stack = typeof log.stack === 'string' ? log.stack : typeof err?.stack === 'string' ? err.stack : '';
  return `${context}${text}${stack ? `\n${stack}` : ''}`;
}

/**
 * Nest's own start-up chatter (one line per module loaded, per controller and per route mapped): debug lines, so
 * a terminal shows what a person acts on.
 */
const NEST_STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * Nest's LoggerService over pino. A message may be an object — `{event: 'auth.refresh.reuse_detected', userId}` —
 * whose fields become the line's fields; libs log through Nest's `Logger` and never depend on pino.
 */
export class StructuredLogger implements LoggerService {
  constructor(
    readonly pino: PinoLogger,
    private readonly context = 'Throughline',
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(requested: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : this.context;
    const level = requested === 'info' && NEST_STARTUP_CONTEXTS.has(context) ? 'debug' : requested;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      this.pino[level](
        { context, err: { name: message.name, message: message.message, stack: message.stack } },
        message.message,
      );
    } else if (message && typeof message === 'object') {
      const { message: text, ...fields } = message as Record<string, unknown>;
      this.pino[level](
        { context, ...fields, ...(stack ? { stack } : {}) },
        typeof text === 'string' ? text : undefined,
      );
    } else {
      this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}

/** The logger of a process (the API, the worker) or, with `destination`, one whose JSON lines a test captures. */
export function createLogger(
  settings: LogSettings,
  context: string,
  destination?: DestinationStream,
): StructuredLogger {
  return new StructuredLogger(createPino(settings, destination), context);
}
