#!/usr/bin/env bash
# Smoke test of Ctrl+C: `npm start`'s command (the built launcher, embedded PostgreSQL on a temporary data
# directory) in a process group of its own, then SIGINT to the whole group — what a terminal sends on Ctrl+C.
# It must stop the API and the worker, then PostgreSQL, and print no error line, no stack trace and no `57P01`
# (PostgreSQL gone before its clients), and leave no postmaster.pid and no process behind. A second start
# checks that a double Ctrl+C (the impatient user) still ends everything and leaves no postmaster.pid.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${SMOKE_PORT:-3918}"
name="ctrl-c"
# shellcheck source=test/smoke/launcher.sh
source test/smoke/launcher.sh

# Waits for the launcher to exit; then nothing it started may be left.
wait_stopped() {
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -0 "$pid" 2>/dev/null && fail "the launcher still runs 30 s after SIGINT"
  wait "$pid" || fail "the launcher exited with status $?"
  pid=""
  local app_pids
  app_pids=$(grep -o '"pid":[0-9]*' "$log" | sort -u | cut -d: -f2)
  for p in $app_pids; do kill -0 "$p" 2>/dev/null && fail "process $p (API or worker) still runs"; done
  pgrep -f "$work/pg" >/dev/null && fail "embedded PostgreSQL still runs"
  [ ! -f "$work/pg/postmaster.pid" ] || fail "postmaster.pid left behind"
}

echo "[ctrl-c] start, then SIGINT to the process group (port $port, data in $work/pg)"
start first
grep -q '"context":"API"' "$log" || fail "no API log line (its pid is needed to check it stopped)"
kill -INT -- "-$pid"
launcher_log="$log"
wait_stopped
grep -q "embedded PostgreSQL stopped" "$launcher_log" || fail "embedded PostgreSQL was not stopped by the launcher"
# Error-level JSON lines, anything PostgreSQL reported, stack frames, and the error of a server that went away.
if grep -nE '"level":"(error|fatal)"|\[postgres\]|Error:|^\s+at |57P01|terminating connection' "$launcher_log"; then
  fail "error output after Ctrl+C (above)"
fi
echo "[ctrl-c] stopped in order, no error output, no postmaster.pid"

echo "[ctrl-c] start again, then SIGINT twice"
start second
kill -INT -- "-$pid"
sleep 0.3
kill -INT -- "-$pid" 2>/dev/null || true
wait_stopped
if grep -nE '^\s+at |57P01' "$log"; then fail "a stack trace or 57P01 after a double Ctrl+C (above)"; fi
echo "[ctrl-c] a double Ctrl+C ends everything too, no postmaster.pid"
