# Starts a throwaway PostgreSQL cluster on loopback for the tests; sourced by scripts/test.
# Exports STYR_TEST_POSTGRES_URL. Needs Debian's postgresql package (installed when missing and root).

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
  done | sort -V | tail -n 1
}

start_test_postgres() {
  PG_BIN="$(find_pg_bin)"
  if [ -z "$PG_BIN" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing PostgreSQL (Debian package) for the tests..."
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || {
        apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
      PG_BIN="$(find_pg_bin)"
    fi
  fi
  if [ -z "$PG_BIN" ]; then
    echo "PostgreSQL is needed for the tests: apt-get install postgresql, or set STYR_TEST_POSTGRES_URL." >&2
    exit 1
  fi
  PG_DIR="$(mktemp -d /tmp/styr-test-pg.XXXXXX)"
  PG_PORT="${STYR_TEST_POSTGRES_PORT:-55432}"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root; the cluster belongs to the postgres system user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log" >&2; exit 1; }
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=600" start >/dev/null || {
    cat "$PG_DIR/server.log" >&2; exit 1; }
  export STYR_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres?sslmode=disable"
  PG_RUN=("${run[@]}")
}

stop_test_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
