import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || typeof value === 'boolean'
    ? value
    : ['true', '1', 'yes'].includes(String(value).toLowerCase())
      ? true
      : ['false', '0', 'no'].includes(String(value).toLowerCase())
        ? false
        : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    : value === undefined
      ? []
      : value;
const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];
/** An IP, a CIDR range or one of proxy-addr's keywords. */
export function isProxyAddress(value: string): boolean {
  if (PROXY_KEYWORDS.includes(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Every environment variable the processes read. `.env.example` documents each one; keep both in step.
 * Empty strings count as unset so a blank line in an env file falls back to the default.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** When unset, `npm start` runs an embedded PostgreSQL server and sets it for the API and worker. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /**
   * How the API and worker connect: as the non-owner role `throughline_app`, which row-level security applies to.
   * Unset: DATABASE_URL with that role's name and DATABASE_APP_PASSWORD (or DATABASE_URL's password), which the
   * migrations step sets on the role. Set it when you manage the role's credentials yourself.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_APP_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_APP_URL?: string;

  /** Password of `throughline_app` when DATABASE_APP_URL is unset. Unset: the password in DATABASE_URL. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'DATABASE_APP_PASSWORD must be at least 8 characters' })
  DATABASE_APP_PASSWORD?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  /** The API's wait for a database connection before answering 503 (PostgreSQL down or every connection busy). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 2000;

  @IsString()
  EMBEDDED_POSTGRES_DIR = '.data/postgres';

  /** 0 picks a free port on every start. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 0;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Required in production; elsewhere a random secret is generated once and kept in .data/. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  JWT_ISSUER = 'throughline';

  @IsString()
  JWT_AUDIENCE = 'throughline-api';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** How long a just-rotated refresh token, presented again (two tabs at once), gets the same successor; 0: never. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  REFRESH_TOKEN_REUSE_GRACE_SECONDS = 30;

  @Transform(toBoolean)
  @IsBoolean()
  SIGNUP_ENABLED = true;

  /** auto: seed the demo organization into an embedded database that has none. */
  @IsIn(['auto', 'never'])
  DEMO_SEED: 'auto' | 'never' = 'auto';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(52428800)
  BODY_LIMIT_BYTES = 1048576;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** auto: readable lines on a terminal, JSON lines otherwise (a file, a pipe, a log collector). */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Namespaces queue keys (Redis) so several installations or test runs can share one server. */
  @IsString()
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 letters, digits, _ or -' })
  QUEUE_PREFIX = 'throughline';

  /** PostgreSQL schema of BullMQ's tables when REDIS_URL is unset (tests give each suite its own). */
  @IsString()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'QUEUE_SCHEMA must be a lower-case PostgreSQL identifier' })
  QUEUE_SCHEMA = 'bullmq';

  /** How often the scheduled drift scan runs over every organization. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  DRIFT_SCAN_EVERY_MINUTES = 15;

  /** Outgoing mail server. Unset: every message is written as an .eml file under MAIL_DIR instead. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_DIR = '.data/mail';

  @IsString()
  MAIL_FROM = 'Throughline <alerts@throughline.local>';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAIL_MAX_PER_SECOND = 10;

  /**
   * Where people reach the dashboard (scheme://host[:port]): every link in an email starts with it. Required by the
   * API and the worker; `npm start` with embedded PostgreSQL sets it to the URL it serves. Checked by publicUrlProblem.
   */
  @IsOptional()
  @IsString()
  PUBLIC_URL?: string;

  /** Delivery attempts per notification (exponential backoff) before the outbox row is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFICATION_ATTEMPTS = 6;

  /**
   * A recipient with more than this many alerts from one scan gets each critical one at once and the rest in one
   * batch message (issue 14: at most one email per person per scan besides the critical ones); at most this many, one each.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  ALERT_BATCH_ABOVE = 1;

  /** A webhook is disabled after this many consecutive failed deliveries (and admins are told). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_DISABLE_AFTER_FAILURES = 5;

  /** Allow webhooks to loopback/private addresses (local development and tests only: the worker would reach your network). */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** How often the digest dispatcher looks for recipients whose weekly slot has come (minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  DIGEST_DISPATCH_EVERY_MINUTES = 15;

  /** Digests composed at once by one worker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  DIGEST_CONCURRENCY = 4;

  /** Notification deliveries (alert and digest emails, webhooks) sent at once by one worker; MAIL_MAX_PER_SECOND still caps SMTP. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  DELIVERY_CONCURRENCY = 4;

  /** Signs the unsubscribe links of digests. Unset: derived from JWT_SECRET (set it to rotate the links on its own). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'DIGEST_UNSUBSCRIBE_SECRET must be at least 32 characters' })
  DIGEST_UNSUBSCRIBE_SECRET?: string;

  /**
   * Encrypts each organization's OpenID Connect client secret at rest (AES-256-GCM, key = HKDF-SHA256 of it).
   * Unset: derived from JWT_SECRET (HKDF, a label of its own), so the embedded default needs nothing; set it to keep
   * the SSO secrets apart from the token key (changing either key makes stored client secrets unreadable: re-enter them).
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SSO_SECRET_KEY must be at least 32 characters' })
  SSO_SECRET_KEY?: string;

  /** Accept http:// OpenID issuers (local development and tests only: the client secret would cross the network in clear). */
  @Transform(toBoolean)
  @IsBoolean()
  SSO_ALLOW_HTTP_ISSUERS = false;

  /** The built dashboard the API serves at `/`. Empty: dist/web of this installation (built by `npm run build`). */
  @IsString()
  WEB_DIST_DIR = '';

  /**
   * Origins (scheme://host[:port], comma-separated) of a dashboard served elsewhere that may call the API from a
   * browser. Empty: same-origin only (no CORS headers at all).
   */
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^https?:\/\/[^/\s?#]+$/, {
    each: true,
    message: 'CORS_ORIGINS must be comma-separated origins like https://app.example.com (no path, no trailing slash)',
  })
  CORS_ORIGINS: string[] = [];

  /**
   * Reverse proxies (IPs, CIDR ranges, or loopback/linklocal/uniquelocal) whose X-Forwarded-For is believed.
   * Empty: the client address is the TCP peer and X-Forwarded-For is ignored.
   */
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  TRUSTED_PROXIES: string[] = [];

  /** Failed logins allowed per account per LOGIN_THROTTLE_WINDOW_SECONDS before further attempts get 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed logins allowed per client IP (any accounts) per window before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  LOGIN_THROTTLE_WINDOW_SECONDS = 900;

  /** How long an emailed password reset link works. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** The worker's health endpoint (it serves nothing else over HTTP). 0 disables it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Every variable, those without a default included. */
export const ENVIRONMENT_VARIABLES = Object.keys(new Environment()).concat([
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'DATABASE_APP_PASSWORD',
  'REDIS_URL',
  'JWT_SECRET',
  'SMTP_URL',
  'DIGEST_UNSUBSCRIBE_SECRET',
  'SSO_SECRET_KEY',
  'PUBLIC_URL',
]) as Array<keyof Environment>;

/** Variables without a default that a process cannot run without (the API and the worker: PUBLIC_URL). */
export type RequiredVariable = 'PUBLIC_URL' | 'DATABASE_URL';
export type EnvironmentWith<K extends RequiredVariable> = Environment & Required<Pick<Environment, K>>;

/**
 * Why a PUBLIC_URL is refused, or null. An origin only: the dashboard is served at `/` and the API under `/api`,
 * so a path would make every emailed link wrong; a query or credentials would be copied into every link.
 */
export function publicUrlProblem(value: string): string | null {
  const shape =
    'must be an absolute http(s) URL like https://throughline.example.com or http://localhost:3000 (no path, query or trailing slash)';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return shape;
  }
  const bare =
    url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !value.endsWith('/');
  return (url.protocol === 'http:' || url.protocol === 'https:') && bare ? null : shape;
}

export function validateEnvironment<K extends RequiredVariable = never>(
  raw: Record<string, string | undefined>,
  options: { require?: K[] } = {},
): EnvironmentWith<NoInfer<K>> {
  const picked: Record<string, string> = {};
  for (const key of ENVIRONMENT_VARIABLES) {
    const value = raw[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  const problems = errors.map(
    (e) =>
      `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(picked[e.property] ?? null)})`,
  );
  const badProxies = Array.isArray(env.TRUSTED_PROXIES)
    ? env.TRUSTED_PROXIES.filter((proxy) => !isProxyAddress(proxy))
    : [];
  if (badProxies.length > 0)
    problems.push(
      `TRUSTED_PROXIES: ${badProxies.join(', ')} is not an IP, a CIDR range or loopback/linklocal/uniquelocal`,
    );
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET)
    problems.push('JWT_SECRET: must be set when NODE_ENV=production');
  if (env.PUBLIC_URL !== undefined) {
    const problem = publicUrlProblem(env.PUBLIC_URL);
    if (problem) problems.push(`PUBLIC_URL: ${problem} (got ${JSON.stringify(env.PUBLIC_URL)})`);
    else env.PUBLIC_URL = new URL(env.PUBLIC_URL).origin; // lower-case host, no default port
  }
  for (const name of options.require ?? []) {
    if (env[name] === undefined)
      problems.push(
        `${name}: must be set${name === 'PUBLIC_URL' ? ' (the address people open the dashboard at: links in emails start with it)' : ''}`,
      );
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return env as EnvironmentWith<K>;
}
