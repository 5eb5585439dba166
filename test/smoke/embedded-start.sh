#!/usr/bin/env bash
# Smoke test of the newcomer path: `npm start` with no DATABASE_URL (embedded PostgreSQL) on a temporary
# data directory; wait for health, log in as the demo account manager, read /portfolio, re-plan a demo
# milestone into the past and see its drift alert at /alerts and its email as an .eml file within a
# minute, stop cleanly. SMOKE_REDIS_URL=redis://… runs the queues on Redis instead of PostgreSQL.
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
queue_env=(-u REDIS_URL)
if [ -n "${SMOKE_REDIS_URL:-}" ]; then queue_env=(REDIS_URL="$SMOKE_REDIS_URL" QUEUE_PREFIX="smoke-$$"); fi
env -u DATABASE_URL -u SMTP_URL "${queue_env[@]}" EMBEDDED_POSTGRES_DIR="$work/pg" MAIL_DIR="$work/mail" PORT="$port" WORKER_HEALTH_PORT=0 \
  setsid npm start >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && grep -q "Throughline is running" "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "[smoke] npm start exited early:"; tail -50 "$log"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/api/health" || { echo "[smoke] API never became healthy"; tail -50 "$log"; exit 1; }
echo
grep -q "manager@demo.test" "$log" || { echo "[smoke] start output does not list the demo logins"; tail -30 "$log"; exit 1; }
expected_queues="BullMQ PostgreSQL backend"; [ -n "${SMOKE_REDIS_URL:-}" ] && expected_queues="Redis"
grep -q "Queues: *$expected_queues" "$log" || { echo "[smoke] queues are not on $expected_queues"; grep "Queues" "$log"; exit 1; }

# The dashboard: the built app at / and for deep links; its login page names itself.
grep -q "Dashboard: *http://localhost:$port/" "$log" || { echo "[smoke] start output does not name the dashboard"; tail -30 "$log"; exit 1; }
index=$(curl -fsS "http://127.0.0.1:$port/")
printf '%s' "$index" | grep -q '<div id="root"></div>' || { echo "[smoke] / does not serve the dashboard: $index"; exit 1; }
[ "$(curl -fsS "http://127.0.0.1:$port/engagements/deep-link")" = "$index" ] || { echo "[smoke] a deep link does not get the dashboard"; exit 1; }
script=$(printf '%s' "$index" | grep -o '/assets/index-[A-Za-z0-9_-]*\.js' | head -1)
curl -fsS -o /dev/null "http://127.0.0.1:$port$script" || { echo "[smoke] dashboard script $script is not served"; exit 1; }
echo "[smoke] dashboard served at / ($script)"

token=$(curl -fsS "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"manager@demo.test","password":"throughline-demo"}' | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).accessToken)')
portfolio=$(curl -fsS "http://127.0.0.1:$port/api/v1/portfolio" -H "authorization: Bearer $token")
count=$(printf '%s' "$portfolio" | node -e 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")); process.stdout.write(String(p.items.length))')
[ "$count" -gt 0 ] || { echo "[smoke] /portfolio is empty: $portfolio"; exit 1; }
echo "[smoke] logged in as manager@demo.test; /portfolio lists $count engagements"

# Re-plan an open demo milestone that is not yet due to yesterday: a drift alert and its email follow.
api="http://127.0.0.1:$port/api/v1"
json() { node -e "const d = JSON.parse(require('fs').readFileSync(0, 'utf8')); process.stdout.write(String($1))"; }
engagement=$(printf '%s' "$portfolio" | json "d.items.find((i) => i.nextMilestone && i.status === 'active').engagementId")
milestone=$(curl -fsS "$api/engagements/$engagement/summary" -H "authorization: Bearer $token" \
  | json "d.priorities.flatMap((p) => p.milestones).find((m) => (m.status === 'planned' || m.status === 'in_progress') && !m.overdue).id")
title=$(curl -fsS "$api/milestones/$milestone" -H "authorization: Bearer $token" | json "d.title")
yesterday=$(node -e 'process.stdout.write(new Date(Date.now() - 86400000).toISOString().slice(0, 10))')
curl -fsS -X POST "$api/milestones/$milestone/replan" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"dueDate\":\"$yesterday\",\"reason\":\"Smoke test: slipped past its date\",\"category\":\"dependency\"}" >/dev/null
# .eml files about this milestone being overdue (an earlier forecast-slip email may name it too).
overdue_emails() { grep -rlsF "$title" "$work/mail" | xargs -r grep -lsi "overdue"; }
started=$(date +%s)
alert=""
for _ in $(seq 1 120); do
  alert=$(curl -fsS "$api/alerts?rule=milestone_overdue&limit=100" -H "authorization: Bearer $token" | json "(d.items.find((a) => a.subjectId === '$milestone') || {}).id || ''")
  [ -n "$alert" ] && [ "$(overdue_emails | wc -l)" -gt 0 ] && break
  sleep 0.5
done
[ -n "$alert" ] || { echo "[smoke] no milestone_overdue alert for the re-planned milestone within a minute"; tail -30 "$log"; exit 1; }
emails=$(overdue_emails | wc -l)
[ "$emails" -gt 0 ] || { echo "[smoke] no .eml written for the alert within a minute"; ls -la "$work/mail" || true; exit 1; }
echo "[smoke] re-planned '$title' to $yesterday: alert $alert and $emails .eml file(s) after $(( $(date +%s) - started )) s"

stop_group
pid=""
grep -q "embedded PostgreSQL stopped" "$log" || { echo "[smoke] embedded PostgreSQL was not stopped cleanly"; tail -20 "$log"; exit 1; }
[ ! -f "$work/pg/postmaster.pid" ] || { echo "[smoke] postmaster.pid left behind"; exit 1; }
echo "[smoke] stopped cleanly: embedded path OK"
