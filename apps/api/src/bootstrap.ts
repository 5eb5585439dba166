import { INestApplication, Logger, LoggerService, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { resolveJwtSecret, type EnvironmentWith } from '@app/config';
import { appDatabaseUrl } from '@app/database';
import { selectQueueBackend } from '@app/queue';
import { domainOptionsFromEnvironment } from '@app/domain';
import { createLogger, createPino, StructuredLogger } from '@app/platform';
import { ApiModule } from './api.module';
import { useBoundedBodyParsers } from './http/body-parsers';
import { enableCompression } from './http/compression';
import { enableMultipart } from './http/multipart';
import { createValidationPipe } from './http/validation';
import { API_TOKEN_SCHEME } from './http/api-docs';
import { resolveWebDir, serveWebApp } from './web/web-app';
import { applyCors, applySecurityHeaders } from './security/security-headers';
import { registerRequestLogging } from './logging/request-logging';

export const API_PREFIX = 'api/v1';

export interface CreateApiOptions {
  overrideModule?: (builder: ReturnType<typeof ApiModule.forRoot>) => ReturnType<typeof ApiModule.forRoot>;
  /** false: no logs at all (most tests). */
  logger?: LoggerService | false;
}

/** Builds the HTTP app (not yet listening): used by main.ts and by the e2e tests, so they test the same thing. */
export async function createApiApp(
  env: EnvironmentWith<'PUBLIC_URL'>,
  options: CreateApiOptions = {},
): Promise<NestFastifyApplication> {
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL is not set: run `npm start`, which starts embedded PostgreSQL, or set it');
  // As the application role, never the owner: row-level security applies to it (docs/security-controls.md, "Database isolation").
  const databaseUrl = appDatabaseUrl({
    ownerUrl: env.DATABASE_URL,
    appUrl: env.DATABASE_APP_URL,
    appPassword: env.DATABASE_APP_PASSWORD,
  });
  // Before Nest builds any module, so no Queue exists yet on the wrong backend (the API only enqueues).
  const queueConnection = selectQueueBackend({
    redisUrl: env.REDIS_URL,
    databaseUrl,
    prefix: env.QUEUE_PREFIX,
    poolSize: 2,
    schema: env.QUEUE_SCHEMA,
    failFast: true,
  });
  let module = ApiModule.forRoot({
    database: {
      url: databaseUrl,
      poolSize: env.DATABASE_POOL_SIZE,
      applicationName: 'throughline-api',
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    },
    queue: { connection: queueConnection, notificationAttempts: env.NOTIFICATION_ATTEMPTS },
    auth: {
      jwtSecret: resolveJwtSecret(env),
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      refreshReuseGraceSeconds: env.REFRESH_TOKEN_REUSE_GRACE_SECONDS,
      signupEnabled: env.SIGNUP_ENABLED,
      loginThrottle: {
        maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
        windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
      },
      publicUrl: env.PUBLIC_URL,
      passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
    },
    domain: domainOptionsFromEnvironment(env, resolveJwtSecret(env)),
  });
  if (options.overrideModule) module = options.overrideModule(module);
  const logger = options.logger === false ? false : (options.logger ?? createLogger(env, 'API'));
  // Request lines go where the other lines go, in the same format (JSON wherever monitoring reads them).
  const requestLog = logger === false ? null : logger instanceof StructuredLogger ? logger.pino : createPino(env);
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    trustProxy: env.TRUSTED_PROXIES.length > 0 ? env.TRUSTED_PROXIES : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger,
    abortOnError: false,
  });
  if (requestLog) registerRequestLogging(app.getHttpAdapter().getInstance(), requestLog);
  useBoundedBodyParsers(app, env.BODY_LIMIT_BYTES);
  await enableCompression(app); // before the routes: the dashboard's static routes are added below
  await enableMultipart(app);
  await applySecurityHeaders(app, { hsts: env.PUBLIC_URL.startsWith('https://') });
  applyCors(app, env.CORS_ORIGINS);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'api/health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  const webDir = resolveWebDir(env.WEB_DIST_DIR);
  if (webDir) await serveWebApp(app, webDir);
  else new Logger('Web').warn('The web dashboard is not built (no dist/web/index.html): run `npm run build`');
  return app;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Throughline API')
    .setDescription(
      "Keeps fractional executives' strategy turning into execution. Authenticate with POST /api/v1/auth/login and send " +
        '`Authorization: Bearer <accessToken>`. Ids outside your reach answer 404 exactly like missing ones. Errors share one JSON shape (ErrorResponse).',
    )
    .setVersion('1')
    // Relative: the document is served by the API it describes, whatever its origin (PUBLIC_URL, a proxy, a test port).
    .addServer('/', 'The Throughline installation serving this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "A login's access token" })
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'thl_pat_…',
        description:
          'A personal API token (POST /api/v1/me/api-tokens): your own access, never more; the read scope may only GET. ' +
          'Invalid tokens are throttled per address like logins; an expired or revoked one answers 401.',
      },
      API_TOKEN_SCHEME,
    )
    .build();
  return declarePublicOperations(SwaggerModule.createDocument(app, config));
}

/**
 * An operation that declares no security is public (@Public(): login, sign-up, refresh, password reset, digest
 * unsubscribe, health): say so with `security: []`, as linters and generated clients expect, rather than leaving it
 * unsaid. test/api/openapi.e2e-spec.ts checks that these are exactly the @Public() routes.
 */
function declarePublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security?.length) operation.security = [];
    }
  }
  return document;
}
