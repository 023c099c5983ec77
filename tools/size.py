#!/usr/bin/env python3
"""Print the raw and gzip (-9) bytes of every file in dist/, the total, and each page's load: the
page (index.html, compare.html, workshop.html) and every file it references (its wasm, loader,
CSS, icon), which is what a browser transfers to open that page. The service worker (sw.js) and the
offline copy it fetches after the first load are background transfer, reported on their own.

With --check, also compare each page's gzip load with the budget in tools/size-budget.txt and exit
non-zero when one is over. The budget is kept in that one file; raising it is a decision to state,
with the measured reason, in a closing note.
"""
import gzip
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dist = args[0] if args else os.path.join(HERE, "..", "dist")
    if not os.path.isdir(dist):
        print(f"size: {dist} does not exist; run `make dist` first", file=sys.stderr)
        return 1
    rows = []
    for root, _, files in os.walk(dist):
        for name in sorted(files):
            path = os.path.join(root, name)
            data = open(path, "rb").read()
            rows.append((os.path.relpath(path, dist), len(data), len(gzip.compress(data, 9, mtime=0))))
    rows.sort()
    width = max([len(r[0]) for r in rows] + [5])
    print(f"{'file':<{width}} {'raw':>10} {'gzip':>10}")
    for name, raw, gz in rows:
        print(f"{name:<{width}} {raw:>10,} {gz:>10,}")
    total_raw = sum(r[1] for r in rows)
    total_gz = sum(r[2] for r in rows)
    print(f"{'total':<{width}} {total_raw:>10,} {total_gz:>10,}")
    gz = {name: g for name, _, g in rows}
    pages = sorted(n for n in gz if n.endswith(".html"))
    if "index.html" not in pages:
        print("size: dist/index.html is missing", file=sys.stderr)
        return 1
    loads = {}
    # sw.js is not part of loading a page: register-sw.js asks for it once the page has loaded, and
    # the worker then fetches the release for offline use in the background (reported below).
    background = ["sw.js"]
    for page in pages:
        html = open(os.path.join(dist, page), encoding="utf-8").read()
        files = [page] + [n for n in gz if n != page and n not in background and os.path.basename(n) in html]
        # Scripts the page's wasm starts (the Monte Carlo worker) are part of its load too.
        wasm = b"".join(open(os.path.join(dist, n), "rb").read() for n in files if n.endswith(".wasm"))
        files += [n for n in gz if n.endswith(".js") and n not in files and n not in background and n.encode() in wasm]
        loads[page] = sum(gz[n] for n in files)
        print(f"page {page}: {loads[page]:,} B gzip ({', '.join(files)})")
    if "sw.js" in gz:
        print(f"after a first load, in the background (offline copy): sw.js {gz['sw.js']:,} B, then every "
              f"file of the release, {total_gz - gz['sw.js']:,} B gzip (less what the page already fetched)")
    if "--check" in sys.argv:
        budget = int(open(os.path.join(HERE, "size-budget.txt")).read().split()[0])
        over = [p for p in pages if loads[p] > budget]
        for page in over:
            print(f"size: OVER BUDGET: {page} loads {loads[page]:,} B gzip > budget {budget:,} B", file=sys.stderr)
        if over:
            return 1
        print(f"size: every page's load within budget {budget:,} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
