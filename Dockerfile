# syntax=docker/dockerfile:1
#
# Throughline image: one image, three entry points.
#   API (default):  node --max-old-space-size=160 dist/apps/api/src/main.js     (health: GET /api/health on PORT, default 3000)
#   Worker:         node --max-old-space-size=256 dist/apps/worker/src/main.js     (health: GET /health on WORKER_HEALTH_PORT, default 3001)
#   Migrations:     node dist/apps/launcher/src/migrate.js (runs pending migrations, then exits)
#
# Both the API and the worker need DATABASE_URL, JWT_SECRET and PUBLIC_URL (the origin links in emails point to).
# The embedded PostgreSQL binaries are optional dependencies (per platform); containers use the
# postgres service instead, so any platform builds.

# ---- Stage 1: install all dependencies and compile TypeScript to dist/ ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# ---- Stage 2: production dependencies + compiled output only ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# Writable state directory for the non-root user (nothing is written there in production today).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000 3001
# Slim images have no curl; use Node's built-in fetch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-old-space-size=160", "dist/apps/api/src/main.js"]
