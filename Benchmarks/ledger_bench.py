"""Ledger import benchmark: Styr side by side with DuckDB on the same generated ERP export.

Usage: python3 Benchmarks/ledger_bench.py [--lines 10000000] [--seed 1] [--postgres URL] [--keep DIR]

Prints, for each contender, the wall time, lines per second, peak memory (max RSS of the process)
and the ratio to DuckDB's time. Targets (issue 5): aggregated import within 1.5 x DuckDB; lines
stored in SQLite at >= 1 000 000 lines/s and in PostgreSQL at >= 500 000 lines/s; peak memory
<= 200 MB; drill-down to a cell's lines < 50 ms. Every figure is measured here, never assumed.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYR = os.path.join(ROOT, ".build", "release", "styr")


def measured(command, env=None):
    """Runs `command` in a fresh Python child that reports the command's own peak RSS."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "seconds = time.perf_counter() - start\n"
        "sys.stdout.write(r.stdout)\n"
        "sys.stderr.write(r.stderr)\n"
        "print(f'@@ {seconds} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}')\n"
        "sys.exit(r.returncode)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")
    lines = result.stdout.strip().splitlines()
    marker = [line for line in lines if line.startswith("@@ ")][-1].split()
    return float(marker[1]), float(marker[2]), "\n".join(line for line in lines if not line.startswith("@@ "))


DUCKDB = r"""
import sys, duckdb
path = sys.argv[1]
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
# The same dimensions as Styr's aggregation: kontoklasse and KOSTRA art from the local account,
# funksjon from the first three digits of tjeneste_nr, then ansvar, prosjekt, fri_dim, periode.
columns = {
    'virksomhetsomraade': 'VARCHAR', 'art': 'VARCHAR', 'art_tekst': 'VARCHAR', 'ansvar': 'VARCHAR',
    'ansvar_tekst': 'VARCHAR', 'tjeneste_nr': 'VARCHAR', 'tjeneste_tekst': 'VARCHAR', 'prosjekt': 'VARCHAR',
    'prosjekt_tekst': 'VARCHAR', 'fri_dim': 'VARCHAR', 'fri_dim_tekst': 'VARCHAR', 'periode': 'INTEGER',
    'beloep': 'DECIMAL(18,2)'}
rows = con.execute(
    "SELECT ansvar, substr(art, 1, 1) AS kontoklasse, CAST(substr(art, 2, 3) AS INTEGER) AS kostra_art, "
    "CAST(substr(tjeneste_nr, 1, 3) AS INTEGER) AS funksjon, prosjekt, fri_dim, periode, SUM(beloep) AS sum, COUNT(*) AS n "
    f"FROM read_csv('{path}', delim=';', header=true, columns={columns!r}) GROUP BY ALL"
).fetchall()
print(f'groups={len(rows)} total={sum(r[7] for r in rows)}')
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", default=os.environ.get("STYR_BENCH_POSTGRES_URL"))
    parser.add_argument("--keep", help="folder for the generated file and databases (default: a temporary one)")
    args = parser.parse_args()

    try:
        import duckdb  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb"], check=True)

    print("Building Styr (release)...", flush=True)
    subprocess.run([os.path.join(ROOT, "scripts", "build-release")], cwd=ROOT, check=True, capture_output=True)
    work = args.keep or tempfile.mkdtemp(prefix="styr-bench-")
    os.makedirs(work, exist_ok=True)
    ledger = os.path.join(work, f"ledger-{args.lines}-{args.seed}.csv")
    try:
        if not os.path.exists(ledger):
            seconds, _, _ = measured([STYR, "bench", "generate-ledger", "--lines", str(args.lines), "--seed", str(args.seed), ledger])
            print(f"generated {args.lines:,} lines ({os.path.getsize(ledger) / 1e6:.0f} MB) in {seconds:.1f} s".replace(",", " "))
        results = []

        seconds, memory, output = measured([sys.executable, "-c", DUCKDB, ledger])
        results.append(("DuckDB read_csv + GROUP BY", seconds, memory, output.strip()))
        duck = seconds

        sqlite = os.path.join(work, "bench.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(sqlite + suffix):
                os.remove(sqlite + suffix)
        database = f"sqlite://{sqlite}"
        subprocess.run([STYR, "demo", "--database", database], check=True, capture_output=True)
        common = ["--org", "UKE", "--year", "2025", "--quiet"]

        seconds, memory, output = measured([STYR, "import", "ledger", ledger, *common, "--aggregate-only", "--database", database])
        results.append(("Styr import, aggregated only", seconds, memory, output.strip().splitlines()[-1] if output.strip() else ""))

        seconds, memory, output = measured([STYR, "import", "ledger", ledger, *common, "--database", database])
        results.append(("Styr import, every line into SQLite", seconds, memory, output.strip().splitlines()[-1] if output.strip() else ""))

        drill = [STYR, "ledger", "lines", "--org", "UKE", "--year", "2025", "--where", "art=010", "--where", "function=120",
                 "--where", "responsibility=A101", "--limit", "50", "--timing", "--database", database]
        _, _, output = measured(drill)
        drill_sqlite = output.strip().splitlines()[-1]

        if args.postgres:
            subprocess.run([STYR, "migrate", "--database", args.postgres], check=True, capture_output=True)
            subprocess.run([STYR, "demo", "--database", args.postgres], capture_output=True)
            seconds, memory, output = measured([STYR, "import", "ledger", ledger, *common, "--replace", "--database", args.postgres])
            results.append(("Styr import, every line into PostgreSQL (COPY)", seconds, memory, output.strip().splitlines()[-1] if output.strip() else ""))
            drill[-1] = args.postgres
            _, _, output = measured(drill)
            drill_postgres = output.strip().splitlines()[-1]
        else:
            drill_postgres = "not run (pass --postgres URL or set STYR_BENCH_POSTGRES_URL)"

        print(f"\n{args.lines:,} lines, seed {args.seed}, {os.cpu_count()} cores".replace(",", " "))
        print(f"{'contender':48} {'seconds':>9} {'lines/s':>12} {'peak MB':>9} {'x DuckDB':>9}")
        for name, seconds, memory, note in results:
            print(f"{name:48} {seconds:9.2f} {args.lines / seconds:12,.0f} {memory:9.0f} {seconds / duck:9.2f}".replace(",", " "))
        for name, _, _, note in results:
            print(f"  {name}: {note}")
        print(f"drill-down to one cell's lines, SQLite: {drill_sqlite}")
        print(f"drill-down to one cell's lines, PostgreSQL: {drill_postgres}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
