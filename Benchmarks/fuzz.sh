#!/usr/bin/env bash
# Benchmarks/fuzz.sh [executions] [seconds]
#
# Coverage-guided fuzzing (libFuzzer, `swiftc -sanitize=fuzzer`) of Styr's readers of
# hostile input: the ledger import (encoding, line splitting, format detection, line parser),
# the year-file decoder and rules, the published-table checks (Styr's six-column one and the
# defined tables) and the form decoder with the values typed into forms. The target is
# Benchmarks/fuzz/FuzzTarget.swift with StyrWeb/Support/FormURLEncoding.swift, linked against
# StyrDomain and StyrLedgerFormats compiled with the same instrumentation (rebuilt when they
# change, cached in .build-fuzz/). Runs `executions` inputs (default 10 000 000) or stops after
# `seconds` (0: no limit), niced, and prints executions, exec/s and crashes. A crash leaves its
# input in .build-fuzz/crashes/; replay it with `.build-fuzz/styr-fuzz FILE` and add a test.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10000000}
SECONDS_LIMIT=${2:-0}
WORK=${FUZZ_WORK:-.build-fuzz}
# FUZZ_SANITIZERS=fuzzer,address adds AddressSanitizer (about 3× slower here; the readers are
# Swift, bounds-checked, except the ledger parser's pointer code, which ASan then watches).
SANITIZERS=${FUZZ_SANITIZERS:-fuzzer}
MAX_LEN=${FUZZ_MAX_LEN:-4096}
# FUZZ_BUILD_LOCK=/tmp/styr-build.lock: compile under that lock (shared machines), never the run.
LOCK=(); [ -n "${FUZZ_BUILD_LOCK:-}" ] && LOCK=(flock "$FUZZ_BUILD_LOCK")
BINARY=$WORK/styr-fuzz
mkdir -p "$WORK/corpus" "$WORK/crashes"

SOURCES=$(find Sources/StyrDomain Sources/StyrLedgerFormats -name '*.swift' | sort; echo Sources/StyrWeb/Support/FormURLEncoding.swift; echo Benchmarks/fuzz/FuzzTarget.swift)
HASH=$( (cat $SOURCES; cat "$0"; echo "$SANITIZERS") | sha256sum | cut -c1-16)
if [ ! -x "$BINARY" ] || [ "$(cat "$WORK/hash" 2>/dev/null)" != "$HASH" ]; then
    echo "Bygger fuzzeren ($(echo "$SOURCES" | wc -l) filer) …" >&2
    START=$(date +%s)
    FLAGS=(-sanitize="$SANITIZERS" -parse-as-library -O -wmo -enable-testing -package-name Styr -I "$WORK")
    # The two modules as SwiftPM builds them, instrumented, then the target linked against them.
    for module in StyrDomain StyrLedgerFormats; do
        # A module is rebuilt only when its sources (or these flags) changed.
        MODULE_HASH=$( (cat $(find "Sources/$module" -name '*.swift' | sort); echo "${FLAGS[*]}") | sha256sum | cut -c1-16)
        [ -f "$WORK/$module.o" ] && [ "$(cat "$WORK/$module.hash" 2>/dev/null)" = "$MODULE_HASH" ] && continue
        rm -f "$WORK/$module.o"
        "${LOCK[@]}" nice -n 19 swiftc "${FLAGS[@]}" -module-name "$module" -emit-module -emit-module-path "$WORK/$module.swiftmodule" \
            -c $(find "Sources/$module" -name '*.swift' | sort) -o "$WORK/$module.o" 2>&1 | grep -E "error" >&2 || true
        [ -f "$WORK/$module.o" ] || { echo "fuzz: the build of $module failed" >&2; exit 2; }
        echo "$MODULE_HASH" > "$WORK/$module.hash"
    done
    "${LOCK[@]}" nice -n 19 swiftc "${FLAGS[@]}" -module-name StyrFuzz Benchmarks/fuzz/FuzzTarget.swift Sources/StyrWeb/Support/FormURLEncoding.swift \
        "$WORK/StyrDomain.o" "$WORK/StyrLedgerFormats.o" -o "$BINARY.tmp" 2>&1 | grep -E "error" >&2 || true
    [ -x "$BINARY.tmp" ] || { echo "fuzz: the build failed" >&2; exit 2; }
    mv "$BINARY.tmp" "$BINARY"
    echo "$HASH" > "$WORK/hash"
    echo "Bygget på $(( $(date +%s) - START )) s." >&2
fi

# Seeds: one valid input per reader, its selector byte first (FuzzTarget.swift).
seed() { { printf "\\x$(printf %02x "$1")"; cat; } > "$WORK/corpus/seed-$2"; }
printf 'Konto;Art;Ansvar;Tjeneste;Prosjekt;Periode;Regnskap 2016;Budsjett 2016\r\n10100;Fastlønn;300;20200;;3;200 000;2 400 000\r\n11500;"Kurs; opplæring";300;20200;P17;5;12 500,50;30 000\r\n' | seed 0 erp
printf '0A20194040200                  1120 010    36328\n0A20194040200                  1120 010    -250\n' | seed 4 kostra
printf 'Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap;Regulert budsjett;Opprinnelig budsjett\nBYR;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;0;Lønn og sosiale utgifter;120;Administrasjon og støtte;350110013;217928000;221748000\n' | seed 0 oslo
seed 7 year < Sources/StyrDemo/Resources/UKE-2021.styr-year.json
seed 10 operating < Tests/StyrDomainTests/Fixtures/uke2020_drift.csv
seed 10 projects < Tests/StyrDomainTests/Fixtures/uke2020_prosjekter.csv
seed 13 investment < Tests/StyrDomainTests/Fixtures/uke2020_investering.csv
printf 'tittel=M%%C3%%A5l+1&verdi=562+864%%2C5&dato=22.03.2024&tid=2024-03-22T10%%3A15&x=%%zz' | seed 14 form

# FUZZ_JOBS=N: N fuzzers side by side on the shared corpus (each reloads the others' finds),
# the executions split between them; the figures printed are their sums.
JOBS=${FUZZ_JOBS:-1}
rm -f "$WORK"/crashes/* "$WORK"/last-run*.log
STATUS=0
PIDS=()
for job in $(seq 1 "$JOBS"); do
    nice -n 19 "$BINARY" "$WORK/corpus" -runs=$(( RUNS / JOBS )) -max_total_time="$SECONDS_LIMIT" -max_len="$MAX_LEN" -timeout="${FUZZ_TIMEOUT:-60}" \
        -rss_limit_mb=2048 -print_final_stats=1 -reload=1 -artifact_prefix="$WORK/crashes/" > "$WORK/last-run-$job.log" 2>&1 &
    PIDS+=($!)
done
for pid in "${PIDS[@]}"; do wait "$pid" || STATUS=$?; done
sum() { cat "$WORK"/last-run-*.log | grep -Eo "$1" | grep -Eo '[0-9]+$' | awk '{s += $1} END {print s + 0}'; }
EXECUTIONS=$(sum 'stat::number_of_executed_units: *[0-9]+')
RATE=$(sum 'stat::average_exec_per_sec: *[0-9]+')
TIME=$(cat "$WORK"/last-run-*.log | grep -Eo 'Done [0-9]+ runs in [0-9]+ second' | grep -Eo 'in [0-9]+' | grep -Eo '[0-9]+' | sort -n | tail -1 || true)
# Findings: crashes, hangs past -timeout, out of memory, leaks. libFuzzer's slow-unit files (an
# input over 10 s, e.g. a fuzzer stopped with SIGSTOP in the middle of one) are listed, not counted.
CRASHES=$(find "$WORK/crashes" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
SLOW=$(find "$WORK/crashes" -type f -name 'slow-unit-*' | wc -l)
COVERAGE=$(cat "$WORK"/last-run-*.log | grep -Eo 'cov: [0-9]+' | cut -d' ' -f2 | sort -n | tail -1)
echo "fuzz: executions=$EXECUTIONS exec/s=$RATE crashes=$CRASHES coverage=$COVERAGE corpus=$(ls "$WORK/corpus" | wc -l) jobs=$JOBS${TIME:+ seconds=$TIME}$([ "$SLOW" -gt 0 ] && echo " slow-units=$SLOW")"
if [ "$CRASHES" -gt 0 ] || [ "$STATUS" -ne 0 ]; then
    cat "$WORK"/last-run-*.log | grep -E "ERROR|SUMMARY|Fatal error|fatal error" | head -5
    ls "$WORK/crashes" >&2
    exit 1
fi
