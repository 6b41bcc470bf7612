#!/usr/bin/env bash
# Benchmarks/soak.sh [minutes|SECONDSs] [sqlite|postgres]
#
# Soak test (issue 19): Styr's release build on the demo data, 64 connections (wrk, Benchmarks/soak/mix.lua)
# reading pages and the API and posting a form (a steering signal with CSRF) every tenth request,
# for `minutes` (default 10) after a warm-up of SOAK_WARMUP seconds (default 60). Prints the
# requests, errors (non-2xx/3xx answers and socket errors; must be 0) and the server's RSS after
# the warm-up and at the end (must be within 10 %), and exits 1 when either fails.
#   SOAK_BUILD=1          rebuild .build/release/styr first (otherwise the existing release build)
#   SOAK_CONNECTIONS=64   SOAK_WARMUP=60   SOAK_PG_PORT=55530   SOAK_SAMPLE=60 (seconds between RSS samples)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MINUTES=${1:-10}
BACKEND=${2:-sqlite}
CONNECTIONS=${SOAK_CONNECTIONS:-64}
WARMUP=${SOAK_WARMUP:-60}
STYR=${SOAK_STYR:-$ROOT/.build/release/styr}

if [ -n "${SOAK_BUILD:-}" ] || [ ! -x "$STYR" ]; then
  "$ROOT/scripts/build-release"
fi
WORK=$(mktemp -d /tmp/styr-soak.XXXXXX)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  if [ -n "${PG_DIR:-}" ]; then stop_test_postgres; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

case $BACKEND in
  sqlite) URL="sqlite://$WORK/styr.sqlite" ;;
  postgres)
    # shellcheck source=../scripts/postgres-for-tests.sh
    source "$ROOT/scripts/postgres-for-tests.sh"
    STYR_TEST_POSTGRES_PORT=${SOAK_PG_PORT:-55530} start_test_postgres
    URL=$STYR_TEST_POSTGRES_URL ;;
  *) echo "unknown database $BACKEND" >&2; exit 2 ;;
esac

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
LOG_LEVEL=error "$STYR" serve --port "$PORT" --database "$URL" --demo >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.1
done
PASSWORD=$(awk '$1 == "admin@styr.demo" {print $2}' "$WORK/serve.log")
JAR=$WORK/cookies
CSRF=$(curl -fsS -c "$JAR" "$BASE/logg-inn" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -sS -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "epost=admin@styr.demo" --data-urlencode "passord=$PASSWORD" \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "neste=/" "$BASE/logg-inn"
export SOAK_SESSION; SOAK_SESSION=$(awk '$6 == "styr_session" {print $7}' "$JAR")
[ -n "$SOAK_SESSION" ] || { echo "soak: login failed" >&2; exit 1; }
export SOAK_CSRF; SOAK_CSRF=$(curl -fsS -H "Cookie: styr_session=$SOAK_SESSION" "$BASE/organisasjoner/UKE/signaler/ny" \
  | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
export SOAK_TOKEN; SOAK_TOKEN=$("$STYR" token create --email admin@styr.demo --name soak --quiet --database "$URL")
STATUS=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: styr_session=$SOAK_SESSION" \
  --data "_csrf=$SOAK_CSRF&tekst=Soak+check&gitt_av=Soak&dato=15.03.2021&opphav=other&sted=Telefon&mote=" "$BASE/organisasjoner/UKE/signaler/ny")
[ "$STATUS" = 303 ] || { echo "soak: the form POST answered $STATUS, not 303" >&2; exit 1; }

rss_kb() { awk '$1 == "VmRSS:" {print $2}' "/proc/$SERVER_PID/status"; }
# wrk's summary as "requests errors".
run_wrk() {
  wrk -t2 -c"$CONNECTIONS" -d"$1" --timeout 30s -s Benchmarks/soak/mix.lua "$BASE" 2>&1 | tee "$WORK/wrk-$2.log" | awk '
    /requests in/ { requests = $1 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%d %d\n", requests, errors }'
}

# RSS (and its anonymous part: the heap) every SOAK_SAMPLE seconds, printed at the end, to tell
# a steady climb (a leak, or a page that grows with the data) from caches filling up.
( while kill -0 "$SERVER_PID" 2>/dev/null; do
    awk '$1 == "VmRSS:" { r = $2 } $1 == "RssAnon:" { a = $2 } END { printf "%d/%d ", r / 1024, a / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null
    sleep "${SOAK_SAMPLE:-60}"; done >"$WORK/rss.log" ) &
read -r WARM_REQUESTS WARM_ERRORS < <(run_wrk "${WARMUP}s" warmup)
RSS_WARM=$(rss_kb)
START=$(date +%s)
DURATION=$MINUTES; [[ $DURATION == *s ]] || DURATION="${MINUTES}m"
read -r REQUESTS ERRORS < <(run_wrk "$DURATION" soak)
ELAPSED=$(( $(date +%s) - START ))
RSS_END=$(rss_kb)
SIGNALS=$(grep -c . <<<"$(curl -fsS -H "Cookie: styr_session=$SOAK_SESSION" "$BASE/organisasjoner/UKE/signaler" | grep -o 'Soak [0-9]*-[0-9]*' | sort -u)" || true)
GROWTH=$(awk -v a="$RSS_WARM" -v b="$RSS_END" 'BEGIN { printf "%.1f", 100 * (b - a) / a }')
echo "soak ($BACKEND, $CONNECTIONS connections, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "  warm-up ${WARMUP}s: $WARM_REQUESTS requests, $WARM_ERRORS errors; RSS after warm-up $((RSS_WARM / 1024)) MB"
echo "  soak ${ELAPSED}s: $REQUESTS requests ($((REQUESTS / (ELAPSED > 0 ? ELAPSED : 1))) req/s, every tenth a form POST), errors $ERRORS; signals listed $SIGNALS"
echo "  RSS at the end $((RSS_END / 1024)) MB: ${GROWTH} % against after warm-up"
echo "  RSS/heap in MB every ${SOAK_SAMPLE:-60}s from the start: $(cat "$WORK/rss.log")"
FAILED=0
[ "$ERRORS" -eq 0 ] && [ "$WARM_ERRORS" -eq 0 ] || { echo "FAIL: errors"; grep -E "Non-2xx|Socket" "$WORK"/wrk-*.log; FAILED=1; }
awk -v g="$GROWTH" 'BEGIN { exit !(g <= 10 && g >= -10) }' || { echo "FAIL: RSS moved by more than 10 %"; FAILED=1; }
[ "$FAILED" = 0 ] && echo "PASS: 0 errors, RSS within 10 %"
exit "$FAILED"
