#!/usr/bin/env bash
# Benchmarks/idle-rss.sh [binary]
#
# The idle memory of `styr serve` as Benchmarks/pages.sh measures it (SQLite demo, second start,
# logged in, 1 s later), with what it is made of: resident kilobytes per mapped file and
# permission from /proc/PID/smaps, the largest first. For trying a linker flag or a library
# change without the whole page benchmark. Builds nothing: pass the binary (default the release
# build's).
set -euo pipefail
cd "$(dirname "$0")/.."
STYR=${1:-.build/release/styr}
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
wait_up() { for _ in $(seq 1 3000); do curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && return; sleep 0.01; done; exit 1; }
"$STYR" serve --port "$PORT" --database "sqlite://$WORK/styr.sqlite" --demo >"$WORK/first.log" 2>&1 & PID=$!
wait_up; kill "$PID"; wait "$PID" 2>/dev/null || true
PASSWORD=$(awk '$1 == "admin@styr.demo" {print $2}' "$WORK/first.log")
"$STYR" serve --port "$PORT" --database "sqlite://$WORK/styr.sqlite" >"$WORK/second.log" 2>&1 & PID=$!
wait_up
CSRF=$(curl -fsS -c "$WORK/jar" "$BASE/logg-inn" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -sS -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "epost=admin@styr.demo" \
  --data-urlencode "passord=$PASSWORD" --data-urlencode "_csrf=$CSRF" --data-urlencode "neste=/" "$BASE/logg-inn"
grep -q styr_session "$WORK/jar" || { echo "login failed" >&2; exit 1; }
sleep 1
python3 - "$PID" <<'PY'
import sys, collections
pid = sys.argv[1]
rows, cur = collections.defaultdict(collections.Counter), None
for line in open(f"/proc/{pid}/smaps"):
    parts = line.split()
    if not parts[0].endswith(':'):
        cur = ((parts[5].split('/')[-1] if len(parts) > 5 else '[anonymous]'), parts[1])
    elif parts[0] in ('Rss:', 'Anonymous:', 'Size:'):
        rows[cur][parts[0][:-1]] += int(parts[1])
total = collections.Counter()
for (name, perm), c in sorted(rows.items(), key=lambda kv: -kv[1]['Rss']):
    total.update(c)
    if c['Rss'] >= 512:
        print(f"  {name[:44]:44} {perm}  mapped {c['Size'] / 1024:6.1f} MB  resident {c['Rss'] / 1024:5.1f} MB  (anonymous {c['Anonymous'] / 1024:4.1f})")
status = dict(l.split(':', 1) for l in open(f"/proc/{pid}/status"))
print(f"idle RSS {int(status['VmRSS'].split()[0]) / 1024:.1f} MB (anonymous {total['Anonymous'] / 1024:.1f} MB)")
PY
# Which of the binary's sections are resident (from /proc/PID/pagemap; needs root).
[ -r "/proc/$PID/pagemap" ] && python3 - "$PID" "$(readlink -f "$STYR")" <<'PY' || true
import sys, struct, subprocess, re
pid, binary = sys.argv[1], sys.argv[2]
sections = []
for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout.splitlines():
    m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
    if m and int(m.group(2), 16):
        sections.append((m.group(1), int(m.group(2), 16), int(m.group(3), 16)))
base = next(int(l.split()[0].split("-")[0], 16) for l in open(f"/proc/{pid}/maps")
            if l.split()[-1] == binary and l.split()[2] == "00000000")
resident = {}
with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
    for name, address, size in sections:
        first, end = (base + address) // 4096, (base + address + size + 4095) // 4096
        pagemap.seek(first * 8)
        entries = pagemap.read((end - first) * 8)
        resident[name] = sum(struct.unpack_from("<Q", entries, i * 8)[0] >> 63 for i in range(end - first))
print("sections of", binary.split("/")[-1], "resident:")
for name, _, size in sorted(sections, key=lambda s: -resident[s[0]]):
    if resident[name] * 4 >= 256:
        print(f"  {name:30} size {size / 1048576:5.1f} MB  resident {resident[name] * 4 / 1024:5.1f} MB")
PY
