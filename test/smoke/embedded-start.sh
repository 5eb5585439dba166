#!/usr/bin/env bash
# Smoke test of the newcomer path: `npm start` with no DATABASE_URL (embedded PostgreSQL) on a temporary
# data directory; wait for health, log in as the demo account manager, read /portfolio, stop cleanly.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${SMOKE_PORT:-3917}"
work="$(mktemp -d)"
chmod 755 "$work" # PostgreSQL runs as its own user when we are root
log="$work/start.log"
# npm start runs in its own process group, signalled as a whole like Ctrl+C in a terminal does.
stop_group() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || return 0; sleep 0.5; done
  echo "[smoke] processes still running 30 s after SIGTERM"; ps -o pid,args -g "$pid" || true
  kill -KILL -- "-$pid" 2>/dev/null || true
  return 1
}
cleanup() {
  if [ -n "${pid:-}" ]; then stop_group || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "[smoke] npm start (embedded PostgreSQL in $work/pg, port $port)"
env -u DATABASE_URL -u REDIS_URL EMBEDDED_POSTGRES_DIR="$work/pg" PORT="$port" WORKER_HEALTH_PORT=0 setsid npm start >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && grep -q "Throughline is running" "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "[smoke] npm start exited early:"; tail -50 "$log"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/api/health" || { echo "[smoke] API never became healthy"; tail -50 "$log"; exit 1; }
echo
grep -q "manager@demo.test" "$log" || { echo "[smoke] start output does not list the demo logins"; tail -30 "$log"; exit 1; }

token=$(curl -fsS "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"manager@demo.test","password":"throughline-demo"}' | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).accessToken)')
portfolio=$(curl -fsS "http://127.0.0.1:$port/api/v1/portfolio" -H "authorization: Bearer $token")
count=$(printf '%s' "$portfolio" | node -e 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")); process.stdout.write(String(p.items.length))')
[ "$count" -gt 0 ] || { echo "[smoke] /portfolio is empty: $portfolio"; exit 1; }
echo "[smoke] logged in as manager@demo.test; /portfolio lists $count engagements"

stop_group
pid=""
grep -q "embedded PostgreSQL stopped" "$log" || { echo "[smoke] embedded PostgreSQL was not stopped cleanly"; tail -20 "$log"; exit 1; }
[ ! -f "$work/pg/postmaster.pid" ] || { echo "[smoke] postmaster.pid left behind"; exit 1; }
echo "[smoke] stopped cleanly: embedded path OK"
