#!/usr/bin/env python3
"""Summarises PostgreSQL's auto_explain log (log_analyze on) of one page request per section.

Usage: nation-explain.py server.log  (sections begin at a statement `SELECT 'styr-page: <name>'`
that Benchmarks/nation.sh runs before each page). For each
page: statements, their summed execution time, the slowest statement with its plan, and every
sequential scan that read more than 1 000 rows (a page must not scan all organisations or years).
"""
import re
import sys
from collections import defaultdict

text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
entries = re.split(r"\n(?=\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] )", text)
page = None
pages = defaultdict(list)
order = []
for entry in entries:
    m = re.search(r"LOG:  duration: ([\d.]+) ms  plan:\n\s*Query Text: (.*?)\n(.*)", entry, re.S)
    if not m:
        continue
    marker = re.search(r"styr-page: ([^'\n]+)", m.group(2))
    if marker:
        page = marker.group(1)
        order.append(page)
    elif page:
        pages[page].append((float(m.group(1)), m.group(2).strip(), m.group(3)))

for name in order:
    rows = pages[name]
    total = sum(d for d, _, _ in rows)
    print(f"## {name}: {len(rows)} statements, {total:.1f} ms in PostgreSQL\n")
    scans = []
    for d, q, plan in rows:
        for s in re.finditer(r"Seq Scan on (\w+).*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)", plan):
            table, n, loops = s.group(1), int(s.group(2)), int(s.group(3))
            removed = re.search(r"Rows Removed by Filter: (\d+)", plan[s.end():s.end() + 400])
            read = n * loops + (int(removed.group(1)) * loops if removed else 0)
            if read > 1000:
                scans.append((table, read, q[:160]))
    if scans:
        print("Sequential scans over 1 000 rows:\n")
        for table, read, q in scans:
            print(f"- `{table}`: {read} rows read — `{q}`")
        print()
    else:
        print("No sequential scan over 1 000 rows.\n")
    if rows:
        d, q, plan = max(rows)
        print(f"Slowest statement ({d:.3f} ms):\n\n```\n{q[:600]}\n{plan.rstrip()[:1500]}\n```\n")
