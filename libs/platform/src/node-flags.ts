/**
 * Node flags each process runs with, wherever it is started (the launcher, `npm run start:api`/`start:worker`, the
 * compose file, the Dockerfile and the benchmarks spell the same flags; node-flags.spec.ts keeps them in step).
 *
 * API: its live heap stays near 55–65 MB under load on the scale data; uncapped, V8 lets the garbage of 50
 * concurrent requests grow the old space to 220+ MB before it collects (peak RSS 324–341 MB in `npm run bench:api`).
 * Capped, it collects earlier (peak RSS ~190 MB), and a leak fails fast.
 */
export const API_NODE_FLAGS = ['--max-old-space-size=160'] as const;

/**
 * Worker: scans read milestones in batches, so a worker's live heap stays near 100 MB even for a million
 * milestones; capped, V8 collects before the garbage of a large scan piles up (peak RSS 213–223 MB instead of
 * 330–350 MB in `npm run bench:drift`, 185 MB instead of 369 MB in `npm run bench:digest`), and a leak fails fast.
 */
export const WORKER_NODE_FLAGS = ['--max-old-space-size=256'] as const;
