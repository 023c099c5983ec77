#!/usr/bin/env python3
"""Time the reference implementation (pabutools) on the benchmark elections, for the ratio.

`make bench-pabutools` runs `cargo bench --bench ballots` (which writes target/bench-ballots-*.pb
and prints One Percent's times) and then this script, which counts the same files with pabutools'
`method_of_equal_shares` (cost satisfaction, exact fractions, its default) once plain and once with
`voter_budget_increment=1` (add1), each in a child process stopped after LIMIT seconds (default
600; the first argument changes it). It prints seconds, or "> LIMIT s" with how far add1 got, so a
ratio can be stated either way.
"""

import multiprocessing as mp
import sys
import time
from pathlib import Path

LIMIT = float(sys.argv[1]) if len(sys.argv) > 1 else 600.0
TARGET = Path(__file__).resolve().parent.parent / "target"


def count(path, add1, out):
    from pabutools.election import Cost_Sat
    from pabutools.election.pabulib import parse_pabulib
    from pabutools.rules import method_of_equal_shares

    t = time.perf_counter()
    instance, profile = parse_pabulib(str(path))
    out.put(("parse", time.perf_counter() - t))
    t = time.perf_counter()
    kw = {"voter_budget_increment": 1} if add1 else {}
    funded = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, **kw)
    out.put(("count", time.perf_counter() - t, len(funded)))


def main():
    files = sorted(TARGET.glob("bench-ballots-*.pb"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if not files:
        sys.exit("no target/bench-ballots-*.pb: run cargo bench --bench ballots first")
    for path in files:
        for add1 in (False, True):
            q = mp.Queue()
            child = mp.Process(target=count, args=(path, add1, q))
            child.start()
            child.join(LIMIT)
            if child.is_alive():
                child.terminate()
                child.join()
            got = {}
            while not q.empty():
                item = q.get()
                got[item[0]] = item[1:]
            rule = "mes-add1" if add1 else "mes"
            if "count" in got:
                secs, n = got["count"]
                print(f"pabutools {path.name} {rule:<9} {secs * 1e3:>12.1f} ms  ({n} funded; parse {got['parse'][0]:.1f} s)")
            else:
                print(f"pabutools {path.name} {rule:<9}  > {LIMIT:.0f} s (stopped)")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
