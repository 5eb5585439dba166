import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the built dashboard lives: WEB_DIST_DIR, else `dist/web` next to this file's build output
 * (dist/apps/api/src/web → dist/web) or, when run from source by the tests, the repository's dist/web.
 */
export function resolveWebDir(configured: string | undefined): string | null {
  const candidates = configured
    ? [resolve(configured)]
    : [resolve(__dirname, '../../../../web'), resolve(__dirname, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the dashboard at `/`: hashed assets cached for a year, everything else not under /api answered with
 * index.html so deep links work; /api paths that match no route keep the JSON 404 of the error filter.
 */
export async function serveWebApp(app: NestFastifyApplication, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?'))
      return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
  fastify.get('/', (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html'),
  );
}
