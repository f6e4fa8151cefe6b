#!/usr/bin/env bash
# The newcomer's path: `npm start` with no DATABASE_URL comes up on the embedded PostgreSQL,
# serves a product page, and stops cleanly on Ctrl-C (SIGINT to its process group, as a
# terminal sends it). Then Ctrl-C during start-up, as soon as the embedded PostgreSQL answers
# (migrations, build) and as soon as the web server answers (the workers still starting):
# wherever the signal lands, everything npm start started must stop.
set -euo pipefail
cd "$(dirname "$0")/.."

# Ports and a data directory of its own, so that it runs beside a developer's npm start or an e2e run.
export PORT=3200 HALLES_PG_PORT=54330 STRIPE_TEST_SERVER_PORT=3201 MAIL_CAPTURE_SMTP_PORT=3202 \
  MAIL_CAPTURE_HTTP_PORT=3203 ORDER_WORKER_HEALTH_PORT=3204 NOTIFICATION_WORKER_HEALTH_PORT=3205 \
  SCHEDULER_HEALTH_PORT=3206 HALLES_DATA_DIR=.data/smoke
ports="$PORT|$HALLES_PG_PORT|$STRIPE_TEST_SERVER_PORT|$MAIL_CAPTURE_SMTP_PORT|$MAIL_CAPTURE_HTTP_PORT|$ORDER_WORKER_HEALTH_PORT|$NOTIFICATION_WORKER_HEALTH_PORT|$SCHEDULER_HEALTH_PORT"
log=$(mktemp)
pid=""
run_id=""

fail() {
  cat "$log"
  echo "smoke: $1"
  exit 1
}

# npm start in a session of its own (the group a terminal's Ctrl-C reaches); every process it
# starts inherits HALLES_SMOKE_RUN, which is how leftovers are found, whatever they are.
start_halles() {
  run_id="$$-$1"
  setsid env -u DATABASE_URL HALLES_SMOKE_RUN="$run_id" npm start >"$log" 2>&1 &
  pid=$!
}

# Processes of this run still alive (zombies have no environment left).
run_pids() {
  local environ p
  for environ in /proc/[0-9]*/environ; do
    grep -qszxF "HALLES_SMOKE_RUN=$run_id" "$environ" 2>/dev/null || continue
    p=${environ#/proc/}
    echo "${p%/environ}"
  done
}

# ... with their command lines, and the run's ports still listening.
leftovers() {
  local p cmd
  # A process may end between listing and reading: it is then no leftover.
  for p in $(run_pids); do
    if cmd=$({ tr '\0' ' ' <"/proc/$p/cmdline"; } 2>/dev/null); then echo "  pid $p: $cmd"; fi
  done
  if command -v ss >/dev/null; then
    ss -Hltn | awk '{print $4}' | grep -E ":($ports)\$" | sed 's/^/  still listening: /' || true
  fi
}

# On the way out, even after a failure: Ctrl-C to a run still going, then nothing of it may outlive
# the script (a failed stop's orphans are killed, so that they do not hold the ports).
cleanup() {
  [ -z "$pid" ] || kill -INT -- -"$pid" 2>/dev/null || true
  [ -n "$run_id" ] || return 0
  for _ in $(seq 1 20); do [ -z "$(run_pids)" ] && return 0; sleep 0.5; done
  run_pids | xargs -r kill -KILL 2>/dev/null || true
}
trap cleanup EXIT

# Ctrl-C, then everything of this run must be gone. A correct stop empties the list whenever the
# signal landed; a stop that orphans a service never does, so the bound only decides how long a
# failure takes to report.
interrupt_and_check() {
  local when=$1 left=""
  kill -INT -- -"$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do
    left=$(leftovers)
    [ -z "$left" ] && break
    sleep 0.5
  done
  if [ -n "$left" ]; then
    echo "$left"
    fail "still running 60 s after Ctrl-C $when"
  fi
  pid=""
  echo "smoke: Ctrl-C $when stopped everything"
}

# Polls until `$@` succeeds; fails if npm start exits first or after $timeout seconds.
wait_until() {
  local what=$1 timeout=$2
  shift 2
  for _ in $(seq 1 $((timeout * 5))); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || fail "npm start exited before $what"
    sleep 0.2
  done
  fail "$what: not within $timeout s"
}
answers_http() { curl -s -o /dev/null --max-time 2 "$1"; }
accepts_tcp() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
started() { grep -q "Halles is running" "$log"; }
stage() { started && echo "after start-up had finished" || echo "during start-up"; }

# 1. The whole system (builds when the sources changed; loads the demo data on a first start).
start_halles full
wait_until "Halles is running" 400 started
page=$(curl -fsS "http://localhost:$PORT/p/bananas")
grep -q "<h1[^>]*>Bananas</h1>" <<<"$page" || fail "the product page does not show the product"
grep -q "Demo shop: test payments" <<<"$page" || fail "the demo does not say so on its pages"
grep -q "DEMO MODE" "$log" || fail "the start-up banner does not say it is a demo"
echo "smoke: product page served from the embedded PostgreSQL, marked as a demo"
# The banner says localhost: 127.0.0.1 is sent there before anything sets a cookie.
redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$PORT/p/bananas")
[ "$redirect" = "307 http://localhost:$PORT/p/bananas" ] || fail "127.0.0.1 is not redirected to localhost (got: $redirect)"
for port in $ORDER_WORKER_HEALTH_PORT $NOTIFICATION_WORKER_HEALTH_PORT $SCHEDULER_HEALTH_PORT; do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || fail "worker on :$port is not ready"
done
curl -fsS "http://127.0.0.1:$MAIL_CAPTURE_HTTP_PORT/api/messages" >/dev/null || fail "mail capture is not answering"
curl -fsS "http://127.0.0.1:$STRIPE_TEST_SERVER_PORT/" >/dev/null || fail "Stripe test server is not answering"
echo "smoke: workers, mail capture and Stripe test server are up"
interrupt_and_check "after start-up"

# 2. Ctrl-C as soon as the embedded PostgreSQL answers: migrations, demo data or build under way.
start_halles database
wait_until "the embedded PostgreSQL answers" 120 accepts_tcp "$HALLES_PG_PORT"
interrupt_and_check "once the database answered ($(stage))"

# 3. Ctrl-C as soon as the web server answers: the Stripe test server and mail capture are up,
# the workers are starting.
start_halles web
wait_until "the web server answers" 400 answers_http "http://127.0.0.1:$PORT/api/health"
interrupt_and_check "once the web server answered ($(stage))"
echo "smoke: stopped cleanly"
