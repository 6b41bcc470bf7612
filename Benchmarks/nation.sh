#!/usr/bin/env bash
# A whole country (issue 14 item 4): for each size N (municipalities, 50 agencies each, 10 years),
# a throwaway PostgreSQL is filled by `styr bench generate-nation`, TWO `styr serve` release
# instances run on it (sessions are shared through the database: a login on the first is checked on
# the second), a department steerer with 50 agencies logs in, and wrk runs on the pages of issue 14
# for one agency plus the steerer's start page, half the connections on each instance (two wrk in
# parallel). A benchmark, not a test: it prints a table and never fails on a figure.
#
# Usage: Benchmarks/nation.sh [N …]          (default: 1 10 100 356)
#   BENCH_DURATION=5s      wrk's duration per page
#   BENCH_WARMUP=1s        an unmeasured wrk run per page before the measured one (0: none)
#   BENCH_CONNECTIONS=64   connections in all (half on each instance)
#   BENCH_AGENCIES=50      agencies per municipality
#   BENCH_CACHE="on off"   also measure with STYR_REQUEST_CACHE=off (every request computed)
#   BENCH_SKIP_BUILD=1     use the existing .build/release/styr (BENCH_STYR=path: another binary)
#   BENCH_PG_PORT=55511    port of the throwaway PostgreSQL cluster
#   BENCH_OUT=file         also write the table to this file (Markdown)
#   BENCH_EXPLAIN=file     after the largest N, EXPLAIN (ANALYZE) the agency pages' queries into file
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-5s}
WARMUP=${BENCH_WARMUP:-1s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
AGENCIES=${BENCH_AGENCIES:-50}
CACHE_MODES=${BENCH_CACHE:-on}
SIZES=${*:-1 10 100 356}
STYR=${BENCH_STYR:-$ROOT/.build/release/styr}
[ -n "${BENCH_STYR:-}" ] && BENCH_SKIP_BUILD=1
YEAR=2025
PASSWORD=nasjon-bench-passord

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk curl >/dev/null || {
        apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk curl >/dev/null; }
    else
      echo "Needs $tool (apt-get install wrk curl)." >&2; exit 1
    fi
  fi
done
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$ROOT/scripts/build-release"
fi
[ -x "$STYR" ] || { echo "No release build at $STYR" >&2; exit 1; }

WORK=$(mktemp -d /tmp/styr-nation-bench.XXXXXX)
PIDS=()
stop_servers() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }
cleanup() {
  stop_servers
  if [ -n "${PG_DIR:-}" ]; then stop_test_postgres; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# shellcheck source=../scripts/postgres-for-tests.sh
source "$ROOT/scripts/postgres-for-tests.sh"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_styr() {
  local url=$1 port=$2 log=$3
  env ${STYR_ENV:-} "$STYR" serve --port "$port" --database "$url" >"$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 3000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; then return; fi
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  cat "$log" >&2; exit 1
}

# Logs in through the form (double-submit CSRF token) and prints the session cookie's value.
log_in() {
  local base=$1 email=$2 password=$3 jar="$WORK/cookies"
  rm -f "$jar"
  local csrf
  csrf=$(curl -fsS -c "$jar" "$base/logg-inn" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -sS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "epost=$email" --data-urlencode "passord=$password" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "neste=/" "$base/logg-inn"
  awk '$6 == "styr_session" {print $7}' "$jar"
}

# Two wrk runs in parallel, half the connections on each instance; prints "req/s p50 p99 errors"
# (requests summed; p50 and p99 the worse of the two).
wrk_pair() {
  local path=$1; shift
  local half=$(( CONNECTIONS / 2 )); [ "$half" -lt 1 ] && half=1
  local i=0 port
  for port in "$PORT1" "$PORT2"; do
    i=$((i + 1))
    wrk -t1 -c"$half" -d"$DURATION" --latency "$@" "http://127.0.0.1:$port$path" >"$WORK/wrk$i.txt" 2>&1 &
  done
  wait %1 %2 2>/dev/null || wait
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { v = ms($2); if (v > p50) p50 = v } $1 == "99%" { v = ms($2); if (v > p99) p99 = v }
    /^Requests\/sec:/ { rps += $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }' "$WORK/wrk1.txt" "$WORK/wrk2.txt"
}

# EXPLAIN ANALYZE of every statement of one request per page (auto_explain, the cache off), summed
# per page by Benchmarks/nation-explain.py into $BENCH_EXPLAIN.
explain_pages() {
  cat >>"$PG_DIR/data/postgresql.conf" <<CONF
session_preload_libraries = 'auto_explain'
auto_explain.log_min_duration = 0
auto_explain.log_analyze = on
CONF
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" reload >/dev/null
  sleep 1
  STYR_ENV="STYR_REQUEST_CACHE=off"; PORT1=$(free_port)
  start_styr "$URL" "$PORT1" "$WORK/explain.log"
  SESSION=$(log_in "http://127.0.0.1:$PORT1" "$STEERER" "$PASSWORD")
  local entry name path
  for entry in "${PAGES[@]}"; do
    name=${entry%%|*}; path=${entry#*|}
    "$PG_BIN/psql" -qAt "$URL" -c "SELECT 'styr-page: $name \`$path\`'" >/dev/null
    if [[ $path == /api/* ]]; then headers=(-H "Authorization: Bearer $TOKEN"); else headers=(-H "Cookie: styr_session=$SESSION"); fi
    curl -sS -o /dev/null "${headers[@]}" "http://127.0.0.1:$PORT1$path"
    sleep 0.5
  done
  stop_servers
  {
    echo "# EXPLAIN (ANALYZE) of the pages at N=$N (auto_explain, one request each, response cache off)"
    echo
    python3 "$ROOT/Benchmarks/nation-explain.py" "$PG_DIR/server.log"
  } >"$BENCH_EXPLAIN"
}

TABLE="$WORK/table.md"
{
  echo "| N | rows | generate s | rows/s | cache | page | req/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|---|---|---|---|"
} >"$TABLE"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

for N in $SIZES; do
  STYR_TEST_POSTGRES_PORT=${BENCH_PG_PORT:-55511} start_test_postgres
  URL=$STYR_TEST_POSTGRES_URL
  "$STYR" migrate --database "$URL" >/dev/null
  start=$(date +%s%N)
  out=$("$STYR" bench generate-nation --municipalities "$N" --agencies "$AGENCIES" --database "$URL")
  gen_s=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  echo "$out" >&2
  rows=$(echo "$out" | sed -n 's/^Skrev \([0-9  ]*\) rader.*/\1/p' | tr -d '  ')
  rate=$(echo "$out" | sed -n 's/.*: \([0-9  ]*\) rader\/s\./\1/p' | tr -d '  ')
  M=$(( (N + 1) / 2 ))
  MCODE=$(printf 'K%04d' "$M")
  STEERER=$(echo "styrer.$MCODE@nasjon.example" | tr 'A-Z' 'a-z')
  AGENCY="$MCODE-E$(printf '%02d' $(( (AGENCIES + 1) / 2 )))"
  TOKEN=$("$STYR" token create --email "$STEERER" --name nation-bench --quiet --database "$URL")
  PAGES=(
    "start page (steerer, $AGENCIES agencies)|/"
    "year dashboard|/organisasjoner/$AGENCY/ar/$YEAR"
    "indicators|/organisasjoner/$AGENCY/indikatorer/$YEAR"
    "budget|/organisasjoner/$AGENCY/budsjett/$YEAR"
    "annual report|/organisasjoner/$AGENCY/arsberetning/$YEAR"
    "accounting report|/organisasjoner/$AGENCY/regnskapsrapport/$YEAR?periode=t2"
    "ledger|/organisasjoner/$AGENCY/regnskap/$YEAR"
    "signals|/organisasjoner/$AGENCY/signaler"
    "API indicators|/api/v1/organisations/$AGENCY/indicators/$YEAR"
    "API accounts|/api/v1/organisations/$AGENCY/accounts/$YEAR"
  )
  for cache in $CACHE_MODES; do
    STYR_ENV=""; [ "$cache" = off ] && STYR_ENV="STYR_REQUEST_CACHE=off"
    PORT1=$(free_port); PORT2=$(free_port)
    start_styr "$URL" "$PORT1" "$WORK/serve1.log"
    start_styr "$URL" "$PORT2" "$WORK/serve2.log"
    SESSION=$(log_in "http://127.0.0.1:$PORT1" "$STEERER" "$PASSWORD")
    [ -n "$SESSION" ] || { echo "login failed (N=$N)" >&2; cat "$WORK/serve1.log" >&2; exit 1; }
    # The session made on the first instance is valid on the second.
    other=$(curl -sS -o "$WORK/start2.html" -w '%{http_code}' -H "Cookie: styr_session=$SESSION" "http://127.0.0.1:$PORT2/")
    if [ "$other" != 200 ] || ! grep -q "$AGENCY" "$WORK/start2.html"; then
      echo "the session from instance 1 is not valid on instance 2 (status $other)" >&2; exit 1
    fi
    echo "N=$N cache=$cache: login on :$PORT1 accepted on :$PORT2; steerer $STEERER, agency $AGENCY" >&2
    for entry in "${PAGES[@]}"; do
      name=${entry%%|*}; path=${entry#*|}
      if [[ $path == /api/* ]]; then headers=(-H "Authorization: Bearer $TOKEN"); else headers=(-H "Cookie: styr_session=$SESSION"); fi
      status=$(curl -sS -o "$WORK/page.html" -w '%{http_code}' "${headers[@]}" "http://127.0.0.1:$PORT2$path")
      if [ "$status" != 200 ]; then echo "| $N | $rows | $gen_s | $rate | $cache | $name \`$path\` | status $status | | |" >>"$TABLE"; continue; fi
      # A short unmeasured run first, on both instances: the steady state is measured, not each
      # instance's first connections to PostgreSQL and its first computation of the page.
      # (In a subshell, as the measured run is: wrk_pair waits for its jobs %1 and %2.)
      if [ "$WARMUP" != 0 ]; then (DURATION=$WARMUP wrk_pair "$path" "${headers[@]}") >/dev/null; fi
      read -r rps p50 p99 errors < <(wrk_pair "$path" "${headers[@]}")
      note=""; [ "$errors" -gt 0 ] && note=" ($errors errors)"
      echo "| $N | $rows | $gen_s | $rate | $cache | $name \`$path\` ($(stat -c %s "$WORK/page.html") B) | $rps$note | $p50 | $p99 |" >>"$TABLE"
      echo "N=$N cache=$cache $name: $rps req/s p50 $p50 ms p99 $p99 ms" >&2
    done
    stop_servers
  done
  if [ -n "${BENCH_EXPLAIN:-}" ] && [ "$N" = "$(echo "$SIZES" | tr ' ' '\n' | tail -n 1)" ]; then explain_pages; fi
  stop_test_postgres; PG_DIR=""
done

{
  echo
  echo "Styr $(git -C "$ROOT" rev-parse --short HEAD), PostgreSQL, two instances, wrk ${DURATION} per page at $CONNECTIONS connections"
  echo "($((CONNECTIONS / 2)) on each instance), $(nproc) cores, load before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg),"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'). p50/p99: the worse of the two instances. N municipalities × $AGENCIES agencies × 10 years."
  echo
  cat "$TABLE"
} | tee ${BENCH_OUT:+"$BENCH_OUT"}
