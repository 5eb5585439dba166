#!/usr/bin/env bash
# Smoke test of supervision (issue 15, finding 9): `npm start`'s command (the built launcher, embedded PostgreSQL on a
# temporary data directory, a port of its own), then SIGKILL to the worker. The launcher must say so and start it
# again ("worker exited with signal SIGKILL; restarting in 1 s", a new worker pid), the API must keep serving, and
# Ctrl+C must still stop everything in order: exit status 0, no process and no postmaster.pid left. A second start
# kills the worker at each restart: the 5th crash within 2 minutes stops everything with status 1, nothing left behind.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${SMOKE_PORT:-3928}"
name="worker-restart"
# shellcheck source=test/smoke/launcher.sh
source test/smoke/launcher.sh

# The pid of the launcher's running child process for an app (api or worker).
started_pid() { pgrep -P "$pid" -f "apps/$1/src/main.js" | head -1 || true; }
healthy() { curl -fsS -m 5 "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; }

# Waits for the launcher to exit (its status in $status); then nothing it started may be left.
wait_stopped() {
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -0 "$pid" 2>/dev/null && fail "the launcher still runs 30 s after it was told to stop"
  status=0
  wait "$pid" || status=$?
  pid=""
  for p in "$@"; do kill -0 "$p" 2>/dev/null && fail "process $p (API or worker) still runs"; done
  pgrep -f "$work/pg" >/dev/null && fail "embedded PostgreSQL still runs"
  [ ! -f "$work/pg/postmaster.pid" ] || fail "postmaster.pid left behind"
  grep -q "embedded PostgreSQL stopped" "$log" || fail "embedded PostgreSQL was not stopped by the launcher"
  if grep -nE '^\s+at ' "$log"; then fail "a stack trace in the output (above)"; fi
  return 0
}

echo "[worker-restart] start (port $port, data in $work/pg)"
start restart
first_worker="$(started_pid worker)"
api_pid="$(started_pid api)"
[ -n "$first_worker" ] && [ -n "$api_pid" ] || fail "no 'started (pid N)' line for the API and the worker"
kill -0 "$first_worker" 2>/dev/null || fail "worker $first_worker is not running"
echo "[worker-restart] SIGKILL to the worker (pid $first_worker)"
kill -KILL "$first_worker"

for _ in $(seq 1 80); do
  second_worker="$(started_pid worker)"
  [ -n "$second_worker" ] && [ "$second_worker" != "$first_worker" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the launcher stopped after the worker was killed"
  sleep 0.25
done
[ -n "$second_worker" ] && [ "$second_worker" != "$first_worker" ] || fail "the worker was not started again within 20 s"
grep -q "worker exited with signal SIGKILL; restarting in 1 s" "$log" || fail "no 'restarting' line in the terminal"
grep -q "worker started (pid $second_worker)" "$log" || fail "the terminal does not name the new worker's pid"
sleep 2
kill -0 "$second_worker" 2>/dev/null || fail "the new worker (pid $second_worker) is not running"
kill -0 "$api_pid" 2>/dev/null || fail "the API (pid $api_pid) stopped"
healthy || fail "the API does not answer /api/health after the worker's restart"
echo "[worker-restart] worker $first_worker killed, worker $second_worker started; the API still serves"

kill -INT -- "-$pid"
wait_stopped "$api_pid" "$second_worker"
[ "$status" = 0 ] || fail "the launcher exited with status $status after Ctrl+C"
echo "[worker-restart] Ctrl+C stopped everything in order, no postmaster.pid"

echo "[worker-restart] start again, then kill the worker at every restart: the 5th crash within 2 minutes ends it"
start crashes
api_pid="$(started_pid api)"
workers=()
for crash in 1 2 3 4 5; do
  worker=""
  for _ in $(seq 1 120); do
    worker="$(started_pid worker)"
    [ -n "$worker" ] && ! [[ " ${workers[*]} " == *" $worker "* ]] && break
    worker=""
    kill -0 "$pid" 2>/dev/null || fail "the launcher stopped after $((crash - 1)) crashes"
    sleep 0.25
  done
  [ -n "$worker" ] || fail "no new worker to kill before crash $crash"
  workers+=("$worker")
  kill -KILL "$worker"
done
wait_stopped "$api_pid" "${workers[@]}"
[ "$status" = 1 ] || fail "the launcher exited with status $status after repeated crashes, not 1"
grep -q "worker exited with signal SIGKILL; restarting in 8 s" "$log" || fail "no backoff to 8 s before the 5th crash"
grep -q "worker exited with signal SIGKILL: 5 crashes within 2 minutes, giving up" "$log" || fail "no 'giving up' line"
echo "[worker-restart] 5 crashes in 2 minutes: everything stopped with status 1, no postmaster.pid"
