#!/usr/bin/env python3
"""Print the raw and gzip (-9) bytes of every file in dist/ and the total.

With --check, also compare the gzip total with the budget in tools/size-budget.txt and exit
non-zero when it is over. The budget is kept in that one file; raising it is a decision to state,
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
    if "--check" in sys.argv:
        budget = int(open(os.path.join(HERE, "size-budget.txt")).read().split()[0])
        if total_gz > budget:
            print(f"size: OVER BUDGET: gzip total {total_gz:,} B > budget {budget:,} B", file=sys.stderr)
            return 1
        print(f"size: gzip total {total_gz:,} B within budget {budget:,} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
