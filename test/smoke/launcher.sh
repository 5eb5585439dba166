# Shared by the smoke tests that drive `npm start`'s command (the built launcher) directly: a temporary data
# directory, cleanup of everything a failed run leaves, and `start` in a session and process group of its own, as
# a terminal runs it. The caller sets `name` (the log prefix) and `port` before sourcing this file.
work="$(mktemp -d)"
chmod 755 "$work" # PostgreSQL runs as its own user when we are root
[ -f dist/apps/launcher/src/main.js ] || npm run build >/dev/null
log="$work/launcher.log"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  pkill -KILL -f "$work/pg" 2>/dev/null || true # the detached embedded PostgreSQL of a failed run
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "[$name] $1"
  tail -40 "$log"
  exit 1
}

# Starts the launcher in its own session and process group; waits until it says it is running.
start() {
  log="$work/$1.log"
  env -u DATABASE_URL -u SMTP_URL -u REDIS_URL -u PUBLIC_URL EMBEDDED_POSTGRES_DIR="$work/pg" MAIL_DIR="$work/mail" PORT="$port" WORKER_HEALTH_PORT=0 \
    setsid node dist/apps/launcher/src/main.js >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    grep -q "Press Ctrl+C to stop" "$log" && return 0
    kill -0 "$pid" 2>/dev/null || fail "the launcher exited before it was ready"
    sleep 0.25
  done
  fail "not ready within 60 s"
}
