#!/usr/bin/env bash
# The newcomer's path: `npm start` with no DATABASE_URL comes up on the embedded PostgreSQL,
# serves a product page, and stops cleanly on Ctrl-C (SIGINT to its process group, as a
# terminal sends it).
set -euo pipefail
cd "$(dirname "$0")/.."

port=3200
log=$(mktemp)
setsid env -u DATABASE_URL PORT=$port HALLES_PG_PORT=54330 npm start >"$log" 2>&1 &
pid=$!
trap 'kill -INT -- -$pid 2>/dev/null || true' EXIT

for _ in $(seq 1 400); do
  grep -q "Halles is running" "$log" && break
  if ! kill -0 $pid 2>/dev/null; then cat "$log"; echo "smoke: npm start exited early"; exit 1; fi
  sleep 1
done
grep -q "Halles is running" "$log" || { cat "$log"; echo "smoke: npm start did not come up"; exit 1; }

page=$(curl -fsS "http://127.0.0.1:$port/p/bananas")
grep -q "<h1[^>]*>Bananas</h1>" <<<"$page" || { echo "smoke: the product page does not show the product"; exit 1; }
echo "smoke: product page served from the embedded PostgreSQL"
for port in 9101 9102 9103; do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$log"; echo "smoke: worker on :$port is not ready"; exit 1; }
done
curl -fsS "http://127.0.0.1:1080/api/messages" >/dev/null || { echo "smoke: mail capture is not answering"; exit 1; }
curl -fsS "http://127.0.0.1:12111/" >/dev/null || { echo "smoke: Stripe test server is not answering"; exit 1; }
echo "smoke: workers, mail capture and Stripe test server are up"

kill -INT -- -$pid
for _ in $(seq 1 30); do kill -0 $pid 2>/dev/null || break; sleep 1; done
trap - EXIT
if kill -0 $pid 2>/dev/null; then cat "$log"; echo "smoke: npm start did not stop on Ctrl-C"; exit 1; fi
sleep 1
left='\.data/postgres -p 54330|next-server|workers/(order-worker|notification-worker|scheduler)\.ts|tools/(stripe-test-server|mail-capture)/cli\.ts'
# Zombies (already dead, not yet reaped by the container's init) do not count.
alive=$(ps -eo stat=,pid=,args= | awk '$1 !~ /^Z/' | grep -E "$left" | grep -v grep || true)
if [ -n "$alive" ]; then
  echo "$alive"
  echo "smoke: processes left running after Ctrl-C"
  exit 1
fi
echo "smoke: stopped cleanly"
