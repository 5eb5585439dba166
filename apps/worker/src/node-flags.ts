/**
 * Node flags the worker runs with, wherever it is started (the launcher, `npm run start:worker`, the compose
 * file and the Dockerfile spell the same flags). Scans read milestones in batches, so a worker's live heap
 * stays near 100 MB even for a million milestones; capped, V8 collects before the garbage of a large scan piles
 * up (peak RSS 213–223 MB instead of 330–350 MB in `npm run bench:drift`, 185 MB instead of 369 MB in
 * `npm run bench:digest`), and a leak fails fast.
 */
export const WORKER_NODE_FLAGS = ['--max-old-space-size=256'] as const;
