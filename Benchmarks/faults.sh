#!/usr/bin/env bash
# Benchmarks/faults.sh: faults injected into a running Styr (release build, demo data), one
# PASS/FAIL line each (exit 1 when any fails):
#   1. PostgreSQL restarted during traffic (pages, API, form posts): answers while it is down are
#      503 with a clear message, never 500, and the server recovers by itself once it is back
#      (reads the caches can answer stay 200).
#   2. The disk full during a ledger import (SQLite on a small tmpfs; needs root, else SKIP): a
#      clear error, nothing partial (no import row, no line, the audit chain intact), the database
#      still writable afterwards.
#   3. kill -9 of the server during form writes, on SQLite and on PostgreSQL: every write answered
#      303 is there after a restart, every stored signal has its audit entry (no half write), and
#      the audit chain holds.
# Uses a throwaway PostgreSQL cluster (FAULTS_PG_PORT, default 55531), never the tests' server.
#   FAULTS_BUILD=1   rebuild .build/release/styr first (otherwise the existing release build)
#   FAULTS_STYR=path the binary to use (e.g. .build/debug/styr)
#   FAULTS_DEBUG=dir  keep the logs there, and the threads' backtraces (gdb) of a server that does
#                    not stop on SIGTERM
#   FAULTS_ONLY=name run only that fault: restart, disk or kill (several: restart,kill)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STYR=${FAULTS_STYR:-$ROOT/.build/release/styr}
if [ -n "${FAULTS_BUILD:-}" ] || [ ! -x "$STYR" ]; then
  "$ROOT/scripts/build-release"
fi
WORK=$(mktemp -d /tmp/styr-faults.XXXXXX)
SERVER_PID=""; CLIENT_PID=""; MOUNTED=""
# shellcheck source=../scripts/postgres-for-tests.sh
source "$ROOT/scripts/postgres-for-tests.sh"
cleanup() {
  [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null
  [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null
  [ -n "$MOUNTED" ] && umount "$MOUNTED" 2>/dev/null
  [ -n "${PG_DIR:-}" ] && stop_test_postgres
  [ -n "${FAULTS_DEBUG:-}" ] && mkdir -p "$FAULTS_DEBUG" && cp "$WORK"/*.log "$FAULTS_DEBUG/" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
FAILURES=0
pass() { echo "PASS: $*"; }
# Whether fault $1 runs (FAULTS_ONLY unset, or naming it).
wanted() { [ -z "${FAULTS_ONLY:-}" ] || [[ ",$FAULTS_ONLY," == *",$1,"* ]]; }
fail() { echo "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
CLIENT="python3 $ROOT/Benchmarks/faults/client.py"

# Starts `styr serve` (SERVER_PID, BASE) on $1; more arguments go to serve.
start_server() {
  local url=$1; shift
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE="http://127.0.0.1:$PORT"
  LOG_LEVEL=${FAULTS_LOG_LEVEL:-error} "$STYR" serve --port "$PORT" --database "$url" "$@" >>"$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$WORK/serve.log" >&2; return 1; }
    sleep 0.1
  done
  return 1
}
# Stops the server with SIGTERM; STOPPED=no when it still runs 15 s later (a request hanging), then SIGKILL.
stop_server() {
  STOPPED=yes
  [ -n "$SERVER_PID" ] || return 0
  kill "$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$SERVER_PID" 2>/dev/null && [ -n "${FAULTS_DEBUG:-}" ]; then
    mkdir -p "$FAULTS_DEBUG"
    gdb -p "$SERVER_PID" -batch -ex "thread apply all bt" >"$FAULTS_DEBUG/backtraces.txt" 2>&1
  fi
  if kill -0 "$SERVER_PID" 2>/dev/null; then STOPPED=no; kill -9 "$SERVER_PID" 2>/dev/null; fi
  wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
}
# Logs in as the demo's administrator: SESSION, CSRF (of a form), TOKEN (API).
log_in() {
  local url=$1 jar=$WORK/cookies password csrf
  password=$(awk '$1 == "admin@styr.demo" {print $2}' "$WORK/serve.log" | tail -n 1)
  csrf=$(curl -fsS -c "$jar" "$BASE/logg-inn" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -sS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "epost=admin@styr.demo" --data-urlencode "passord=$password" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "neste=/" "$BASE/logg-inn"
  SESSION=$(awk '$6 == "styr_session" {print $7}' "$jar")
  CSRF=$(curl -fsS -H "Cookie: styr_session=$SESSION" "$BASE/organisasjoner/UKE/signaler/ny" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  TOKEN=$("$STYR" token create --email admin@styr.demo --name faults --quiet --database "$url")
}

STYR_TEST_POSTGRES_PORT=${FAULTS_PG_PORT:-55531} start_test_postgres
PG_URL=$STYR_TEST_POSTGRES_URL
psql_run() { psql "$PG_URL" -XAtqc "$1"; }

# --- 1. PostgreSQL restarted during traffic -----------------------------------------------------
# The server waits FAULTS_DATABASE_WAIT (2) seconds for a connection, less than the 4 s PostgreSQL
# is down, so requests meanwhile get their 503 (with the default 10 s they would only be late).
# FAULTS_SKIP_RESTART=1 skips it.
: >"$WORK/serve.log"
if ! wanted restart; then
  :
elif [ "${FAULTS_SKIP_RESTART:-0}" = 1 ]; then
  echo "SKIP: PostgreSQL restarted during traffic (FAULTS_SKIP_RESTART=1)"
elif STYR_DATABASE_WAIT_SECONDS=${FAULTS_DATABASE_WAIT:-2} start_server "$PG_URL" --demo; then
  log_in "$PG_URL"
  $CLIENT reads "$BASE" "$SESSION" "$TOKEN" "$CSRF" 30 "$WORK/reads.log" &
  CLIENT_PID=$!
  sleep 3
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null
  DOWN_AT=$(date +%s.%N)
  sleep 4
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  UP_AT=$(date +%s.%N)
  wait "$CLIENT_PID"; CLIENT_PID=""
  read -r total ok unavailable clear other recovered last_failure < <(awk -v up="$UP_AT" '
    { total++ }
    $2 == 200 || $2 == 303 { ok++ ; if ($1 > up) after_ok++ }
    $2 == 503 { unavailable++; if ($4 == "databasen") clear++; if ($1 > last) last = $1 }
    $2 != 200 && $2 != 303 && $2 != 503 { other++; if ($1 > last) last = $1 }
    END { printf "%d %d %d %d %d %d %.1f\n", total, ok, unavailable, clear, other, after_ok, (last > up ? last - up : 0) }' "$WORK/reads.log")
  stop_server
  detail="stopped on SIGTERM: $STOPPED; $total requests (pages, API, form posts): $ok answered (200/303), $unavailable × 503 ($clear naming the database), $other other; last failure ${last_failure}s after PostgreSQL was back, $recovered answered after"
  if [ "$STOPPED" = yes ] && [ "$other" -eq 0 ] && [ "$unavailable" -gt 0 ] && [ "$clear" -eq "$unavailable" ] && [ "$recovered" -gt 0 ] \
     && awk -v s="$last_failure" 'BEGIN { exit !(s < 10) }'; then
    pass "PostgreSQL restarted during traffic: $detail"
  else
    fail "PostgreSQL restarted during traffic: $detail"; grep -v " 200 \| 303 " "$WORK/reads.log" | awk '{print $2, $3, $4, $5, $6}' | sort | uniq -c | head >&2
  fi
else
  fail "PostgreSQL restarted during traffic: the server did not start"
fi

# --- 2. Disk full during an import (SQLite on a small tmpfs) ------------------------------------
DISK=$WORK/disk
mkdir -p "$DISK"
if ! wanted disk; then
  :
elif [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=48m tmpfs "$DISK" 2>/dev/null; then
  MOUNTED=$DISK
  DB="sqlite://$DISK/styr.sqlite"
  "$STYR" demo --database "$DB" >"$WORK/demo.log" 2>&1
  "$STYR" bench generate-ledger --lines 3000000 --seed 7 "$WORK/ledger.csv" >/dev/null 2>&1
  count() { sqlite3 "$DISK/styr.sqlite" "SELECT (SELECT COUNT(*) FROM ledger_imports) || '/' || (SELECT COUNT(*) FROM ledger_lines) || '/' || (SELECT COUNT(*) FROM audit_log)"; }
  before=$(count)
  "$STYR" import ledger "$WORK/ledger.csv" --org UKE --year 2025 --quiet --database "$DB" >"$WORK/import.log" 2>&1
  status=$?
  after=$(count)
  message=$(tr '\n' ' ' <"$WORK/import.log" | cut -c1-200)
  verify=$("$STYR" audit verify --database "$DB" 2>&1); verified=$?
  rm -f "$WORK/ledger.csv"
  "$STYR" user add --email etter-full@styr.demo --role revisor --org UKE --database "$DB" >/dev/null 2>"$WORK/after.log"; writable=$?
  if [ "$status" -ne 0 ] && [ "$before" = "$after" ] && [ "$verified" -eq 0 ] && [ "$writable" -eq 0 ] && grep -qiE "full|disk|plass" "$WORK/import.log"; then
    pass "disk full during an import: exit $status, «$message»; imports/lines/audit entries $before before and after; audit chain intact; writable again"
  else
    fail "disk full during an import: exit $status, «$message»; imports/lines/audit $before before, $after after; verify: $verify; write afterwards: exit $writable $(cat "$WORK/after.log")"
  fi
  umount "$DISK"; MOUNTED=""
else
  echo "SKIP: disk full during an import (needs root to mount a small tmpfs)"
fi

# --- 3. kill -9 during writes ---------------------------------------------------------------------
kill_during_writes() {
  local name=$1 url=$2 query=$3
  : >"$WORK/serve.log"
  start_server "$url" --demo || { fail "kill -9 during writes ($name): the server did not start"; return; }
  log_in "$url"
  $CLIENT writes "$BASE" "$SESSION" "$CSRF" "Kill$name" "$WORK/acked-$name.log" &
  CLIENT_PID=$!
  sleep 4
  kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
  wait "$CLIENT_PID" 2>/dev/null; CLIENT_PID=""
  start_server "$url" || { fail "kill -9 during writes ($name): no restart"; return; }
  stop_server
  # Stored signals and their audit entries, by text.
  $query "SELECT document FROM steering_signals" | grep -o "Kill$name [0-9]*-[0-9]*" | sort -u >"$WORK/stored-$name.log"
  $query "SELECT after_json FROM audit_log WHERE action = 'create'" | grep -o "Kill$name [0-9]*-[0-9]*" | sort -u >"$WORK/audited-$name.log"
  sort -u "$WORK/acked-$name.log" -o "$WORK/acked-$name.log"
  local acked stored lost unaudited verify verified
  acked=$(wc -l <"$WORK/acked-$name.log"); stored=$(wc -l <"$WORK/stored-$name.log")
  lost=$(comm -23 "$WORK/acked-$name.log" "$WORK/stored-$name.log" | wc -l)
  unaudited=$(comm -3 "$WORK/stored-$name.log" "$WORK/audited-$name.log" | wc -l)
  verify=$("$STYR" audit verify --database "$url" 2>&1); verified=$?
  if [ "$acked" -gt 0 ] && [ "$lost" -eq 0 ] && [ "$unaudited" -eq 0 ] && [ "$verified" -eq 0 ]; then
    pass "kill -9 during writes ($name): $acked writes answered 303, $stored stored (the rest were in flight), 0 lost, 0 without their audit entry; $verify"
  else
    fail "kill -9 during writes ($name): $acked acknowledged, $stored stored, $lost lost, $unaudited stored/audited apart; $verify"
  fi
}
if wanted kill; then
  kill_during_writes SQLite "sqlite://$WORK/kill.sqlite" "sqlite3 $WORK/kill.sqlite"
  psql_run "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
  kill_during_writes PostgreSQL "$PG_URL" "psql $PG_URL -XAtqc"
fi

[ "$FAILURES" -eq 0 ] && echo "faults: all passed" || echo "faults: $FAILURES failed"
exit $(( FAILURES > 0 ))
