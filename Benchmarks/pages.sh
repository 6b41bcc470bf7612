#!/usr/bin/env bash
# Page load benchmark (issue 14): Styr's release build on the demo data, logged in, under wrk at
# 1 and 64 connections, side by side in the same run with Debian's nginx serving the very same
# bytes as static files. A benchmark, not a test: it prints a table and never fails on a figure.
#
# Usage: Benchmarks/pages.sh [sqlite] [postgres]          (both by default)
#   BENCH_DURATION=5s     wrk's duration per measurement (default 5s; the issue's runs used 10s)
#   BENCH_CONNECTIONS="1 64"
#   BENCH_SKIP_BUILD=1    use the existing .build/release/styr
#   BENCH_PG_PORT=55510   port of the throwaway PostgreSQL cluster
#   BENCH_OUT=file        also write the table to this file (Markdown)
#   BENCH_STYR=path       the binary to measure (default .build/release/styr; implies BENCH_SKIP_BUILD)
#
# Per page and connection count: Styr's requests/s, p50 and p99 latency, nginx's requests/s for the
# same bytes and the ratio; per database: cold start (process start to the first answer of /health
# on a database that already holds the demo), idle RSS after logging in, and peak RSS (VmHWM).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 64"}
BACKENDS=${*:-sqlite postgres}
STYR=${BENCH_STYR:-$ROOT/.build/release/styr}
[ -n "${BENCH_STYR:-}" ] && BENCH_SKIP_BUILD=1

for tool in wrk nginx curl; do
  if ! command -v "$tool" >/dev/null && ! [ -x "/usr/sbin/$tool" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk nginx-light curl >/dev/null || {
        apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk nginx-light curl >/dev/null; }
    else
      echo "Needs $tool (apt-get install wrk nginx-light curl)." >&2; exit 1
    fi
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$ROOT/scripts/build-release"
fi
[ -x "$STYR" ] || { echo "No release build at $STYR" >&2; exit 1; }

WORK=$(mktemp -d /tmp/styr-pages-bench.XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  if [ -n "${PG_DIR:-}" ]; then stop_test_postgres; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- nginx on the same bytes -------------------------------------------------------------------
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/www" "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!

# --- helpers -----------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

# Starts `styr serve` in the background (SERVER_PID); STARTUP_MS: milliseconds until /health answered.
start_styr() {
  local url=$1 port=$2 log=$3; shift 3
  local start; start=$(now_ms)
  "$STYR" serve --port "$port" --database "$url" "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 3000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; then STARTUP_MS=$(( $(now_ms) - start )); return; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  cat "$log" >&2; exit 1
}

stop_styr() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }

# Logs in through the login form (double-submit CSRF token) and prints the session cookie's value.
log_in() {
  local base=$1 email=$2 password=$3 jar="$WORK/cookies"
  rm -f "$jar"
  local csrf
  csrf=$(curl -fsS -c "$jar" "$base/logg-inn" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -sS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "epost=$email" --data-urlencode "passord=$password" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "neste=/" "$base/logg-inn"
  awk '$6 == "styr_session" {print $7}' "$jar"
}

# wrk's figures as "requests/s p50_ms p99_ms errors".
wrk_run() {
  local connections=$1 url=$2; shift 2
  local threads=2; [ "$connections" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$connections" -d"$DURATION" --latency "$@" "$url" 2>&1 | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }'
}

PAGES=(
  "start page|/"
  "year dashboard|/organisasjoner/UKE/ar/2020"
  "indicators|/organisasjoner/UKE/indikatorer/2020"
  "budget|/organisasjoner/UKE/budsjett/2020"
  "annual report|/organisasjoner/UKE/arsberetning/2020"
  "accounting report|/organisasjoner/UKE/regnskapsrapport/2020?periode=t2"
  "ledger drill-down|LEDGER_LINES"
  "API indicators|/api/v1/organisations/UKE/indicators/2020"
  "API accounts|/api/v1/organisations/UKE/accounts/2020"
)

TABLE="$WORK/table.md"
{
  echo "| database | page | conn | Styr req/s | p50 ms | p99 ms | nginx req/s | Styr/nginx |"
  echo "|---|---|---|---|---|---|---|---|"
} >"$TABLE"
SUMMARY="$WORK/summary.md"
: >"$SUMMARY"

bench_backend() {
  local backend=$1 url
  case $backend in
    sqlite) url="sqlite://$WORK/styr.sqlite" ;;
    postgres)
      # shellcheck source=../scripts/postgres-for-tests.sh
      source "$ROOT/scripts/postgres-for-tests.sh"
      STYR_TEST_POSTGRES_PORT=${BENCH_PG_PORT:-55510} start_test_postgres
      url=$STYR_TEST_POSTGRES_URL ;;
    *) echo "unknown database $backend" >&2; exit 1 ;;
  esac
  local port; port=$(free_port)
  local base="http://127.0.0.1:$port"
  # First start loads the demo and prints the demo users' passwords.
  start_styr "$url" "$port" "$WORK/serve-$backend-1.log" --demo
  local password; password=$(awk '$1 == "admin@styr.demo" {print $2}' "$WORK/serve-$backend-1.log")
  stop_styr
  # Second start on the loaded database: the cold start.
  start_styr "$url" "$port" "$WORK/serve-$backend-2.log"
  local cold=$STARTUP_MS
  local session; session=$(log_in "$base" admin@styr.demo "$password")
  [ -n "$session" ] || { echo "login failed ($backend)" >&2; cat "$WORK/serve-$backend-2.log" >&2; exit 1; }
  local token; token=$("$STYR" token create --email admin@styr.demo --name pages-bench --quiet --database "$url")
  sleep 1
  local idle; idle=$(rss_kb "$SERVER_PID" VmRSS)

  local i=0 entry name path headers status
  for entry in "${PAGES[@]}"; do
    name=${entry%%|*}; path=${entry#*|}; i=$((i + 1))
    if [ "$path" = LEDGER_LINES ]; then
      # The first amount's lines, as linked from the ledger page.
      path=$(curl -fsS -H "Cookie: styr_session=$session" "$base/organisasjoner/UKE/regnskap/2020" \
        | grep -o 'href="/organisasjoner/UKE/regnskap/2020/linjer?[^"]*"' | sed -n '2p' | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
    fi
    if [[ $path == /api/* ]]; then headers=(-H "Authorization: Bearer $token"); else headers=(-H "Cookie: styr_session=$session"); fi
    status=$(curl -sS -o "$WORK/www/page$i.html" -w '%{http_code}' "${headers[@]}" "$base$path")
    if [ "$status" != 200 ]; then echo "| $backend | $name | – | status $status | | | | |" >>"$TABLE"; continue; fi
    for c in $CONNECTIONS; do
      read -r rps p50 p99 errors < <(wrk_run "$c" "$base$path" "${headers[@]}")
      read -r nrps _ _ _ < <(wrk_run "$c" "http://127.0.0.1:$NGINX_PORT/page$i.html")
      local ratio; ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN { printf "%.1f %%", (b > 0 ? 100 * a / b : 0) }')
      local note=""; [ "$errors" -gt 0 ] && note=" ($errors errors)"
      echo "| $backend | $name \`$path\` ($(stat -c %s "$WORK/www/page$i.html") B) | $c | $rps$note | $p50 | $p99 | $nrps | $ratio |" >>"$TABLE"
      echo "$backend $name c=$c: $rps req/s p50 $p50 ms p99 $p99 ms; nginx $nrps req/s; $ratio" >&2
    done
  done
  local peak; peak=$(rss_kb "$SERVER_PID" VmHWM)
  echo "- $backend: cold start $cold ms; idle RSS $((idle / 1024)) MB; peak RSS $((peak / 1024)) MB" >>"$SUMMARY"
  stop_styr
  if [ "$backend" = postgres ]; then stop_test_postgres; PG_DIR=""; fi
}

for backend in $BACKENDS; do bench_backend "$backend"; done

{
  echo
  echo "Styr $(git -C "$ROOT" rev-parse --short HEAD), wrk ${DURATION} per figure, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  cat "$TABLE"
  echo
  cat "$SUMMARY"
} | tee ${BENCH_OUT:+"$BENCH_OUT"}
