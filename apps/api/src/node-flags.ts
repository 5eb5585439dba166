/**
 * Node flags the API runs with, wherever it is started (the launcher, `npm run start:api`, the compose file, the
 * Dockerfile and `npm run bench:api` spell the same flags). The API's live heap stays near 55–65 MB under load on the
 * scale data; uncapped, V8 lets the garbage of 50 concurrent requests grow the old space to 220+ MB before it
 * collects (peak RSS 324–341 MB in `npm run bench:api`). Capped, it collects earlier (peak RSS ~190 MB), and a
 * leak fails fast.
 */
export const API_NODE_FLAGS = ['--max-old-space-size=160'] as const;
