#!/usr/bin/env python3
"""Write the ballot-rule fixtures from the reference implementation (pabutools).

`make ballot-fixtures` creates a virtual environment in target/pabutools-venv, installs the pinned
pabutools there and runs this script, which writes tests/fixtures/ballots/reference.json: every
instance as pabulib text and, per rule, the projects the reference funds (sorted ids) and the
seconds it took. `tests/ballots.rs` counts the same instances in Rust and compares.

Instances: the examples in pabutools' own tests (tests/test_rule.py: AppEx_1-4, AllAfford, the
running example of Lackner & Skowron 2023; tests/PaBuLib/All_10), a 10-voter example in the
format's documented layout, and N generated instances from a fixed seed (districts and interest
groups, ties on purpose: repeated costs and identical ballots).

Rules and the reference's calls (all resolute, lexicographic tie-breaking, the default):
  greedy          greedy_utilitarian_welfare(sat_class=Cost_Sat)
  greedy-cost     greedy_utilitarian_welfare(sat_class=Cardinality_Sat)
  mes             method_of_equal_shares(sat_class=Cost_Sat)
  mes-add1        method_of_equal_shares(sat_class=Cost_Sat, voter_budget_increment=1)
  mes-greedy      completion_by_rule_combination([mes, greedy], Cost_Sat both)
  mes-add1-greedy completion_by_rule_combination([mes add1, greedy], Cost_Sat both)
  phragmen        sequential_phragmen (stops when a project it would buy does not fit)
  greedy-stop     not in pabutools: counted here in plain Python (most votes first, ties by id,
                  stop at the first project that does not fit), marked "reference": "script".
"""

import json
import random
import sys
import time
from pathlib import Path

from pabutools.election import Cardinality_Sat, Cost_Sat
from pabutools.election.pabulib import parse_pabulib_from_string
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)

N_GENERATED = int(sys.argv[1]) if len(sys.argv) > 1 else 300
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "ballots" / "reference.json"


def pb(budget, projects, votes, extra_meta=(), voter_cols=()):
    """pabulib text: projects as (id, cost, name, category); votes as lists of ids (+ voter columns)."""
    lines = ["META", "key;value", "description;One Percent fixture", f"budget;{budget}", "vote_type;approval"]
    lines += [f"{k};{v}" for k, v in extra_meta]
    lines += ["PROJECTS", "project_id;cost;name;category"]
    lines += [f"{pid};{cost};{name};{cat}" for pid, cost, name, cat in projects]
    lines += ["VOTES", ";".join(["voter_id", "vote", *voter_cols])]
    for i, v in enumerate(votes):
        ids, cols = (v, ()) if not isinstance(v, tuple) else v
        lines.append(";".join([str(i + 1), ",".join(ids), *map(str, cols)]))
    return "\n".join(lines) + "\n"


def own_examples():
    """pabutools' test examples and a documentation-style one, as pabulib text."""
    ex = {}
    P = lambda costs: [(f"p{i}", c, f"Project {i}", "") for i, c in enumerate(costs)]
    ex["pabutools AppEx_1"] = pb(3, P([1, 3, 2, 1]), [["p0", "p1", "p2", "p3"]] * 2)
    two = [["p0"], ["p1", "p2", "p3"], ["p1", "p2", "p3"], ["p2"]]
    ex["pabutools AppEx_2"] = pb(4, P([1, 0.9, 2, 1.09]), two)
    ex["pabutools AppEx_3"] = pb(4, P([1, 0.9, 2, 1.09, 1.09, 1.09]), two)
    ex["pabutools AppEx_4 (a free project)"] = pb(2, P([0, 1, 2]), [["p0"], ["p0", "p1", "p2"], ["p2"]])
    ex["pabutools AllAfford"] = pb(7, P([1, 3, 2, 1]), [["p0", "p1", "p2", "p3"]])
    ls = [(x, 1, x, "") for x in "abcdefg"]
    ballots = [["a", "b"]] * 3 + [["a", "c"]] * 3 + [["a", "d"]] * 2 + [["b", "c", "f"], ["e"], ["f"], ["g"]]
    ex["pabutools Lackner & Skowron 2023 running example"] = pb(4, ls, ballots)
    ex["pabutools tests/PaBuLib/All_10"] = (
        "meta\nkey;value\nvote_type;approval\nelection_name;test_example\nbudget;100000\nnum_votes;2\n\n"
        "projects\nname;cost\np1;50000\np2;50000\n\nvotes\nvote\np1\np2\n"
    )
    # Ten voters in the documented layout: voter columns age and sex, project categories.
    projects = [
        ("1", 600, "Skatepark", "sport"),
        ("2", 400, "Benches", "public space"),
        ("3", 300, "Library hours", "culture"),
        ("4", 200, "Trees", "environment,public space"),
        ("5", 500, "Bike lane", "transport"),
    ]
    votes = [
        (["1", "2"], (17, "M")), (["1"], (22, "F")), (["1", "5"], (31, "M")), (["2", "3"], (67, "F")),
        (["3", "4"], (45, "F")), (["4"], (52, "M")), (["5", "4"], (38, "F")), (["2", "4"], (71, "M")),
        (["3"], (29, "F")), (["1", "3", "5"], (19, "M")),
    ]
    ex["Ten voters, documented layout"] = pb(1000, projects, votes, voter_cols=("age", "sex"))
    return ex


def generated(rng, k):
    """A random election: districts with local projects, interest groups, costs in steps."""
    n_proj = rng.randint(3, 12)
    step = rng.choice([1, 10, 1000, 25000])
    costs = [rng.choice([1, 2, 2, 3, 5, 8, 10, 15]) * step for _ in range(n_proj)]
    total = sum(costs)
    budget = max(min(costs), int(total * rng.uniform(0.2, 0.8)))
    districts = rng.randint(1, 3)
    home = [rng.randrange(districts) for _ in range(n_proj)]
    cats = ["culture", "sport", "green", "transport"]
    projects = [(f"p{i:02d}", c, f"Project {i}", rng.choice(cats)) for i, c in enumerate(costs)]
    n_vot = rng.randint(1, 60)
    groups = [set(rng.sample(range(n_proj), rng.randint(1, min(4, n_proj)))) for _ in range(3)]
    votes = []
    for _ in range(n_vot):
        d = rng.randrange(districts)
        g = rng.choice(groups)
        ids = [i for i in range(n_proj) if (i in g and rng.random() < 0.8) or (home[i] == d and rng.random() < 0.3)]
        if rng.random() < 0.05:
            ids = []
        votes.append(([f"p{i:02d}" for i in ids], (f"D{d + 1}",)))
    if rng.random() < 0.3 and votes:
        votes += [votes[0]] * rng.randint(1, 5)
    return pb(budget, projects, votes, voter_cols=("district",))


def greedy_stop(instance, profile):
    votes = {p: 0 for p in instance}
    for ballot in profile:
        for p in ballot:
            votes[p] += 1
    left = instance.budget_limit
    funded = []
    for p in sorted(instance, key=lambda p: (-votes[p], p.name)):
        if p.cost > left:
            break
        funded.append(p)
        left -= p.cost
    return funded


def rules(instance, profile):
    mes = lambda **kw: method_of_equal_shares(instance, profile, sat_class=Cost_Sat, **kw)
    combo = lambda inc: completion_by_rule_combination(
        instance,
        profile,
        [method_of_equal_shares, greedy_utilitarian_welfare],
        [{"sat_class": Cost_Sat, **({"voter_budget_increment": 1} if inc else {})}, {"sat_class": Cost_Sat}],
    )
    return {
        "greedy": lambda: greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat),
        "greedy-cost": lambda: greedy_utilitarian_welfare(instance, profile, sat_class=Cardinality_Sat),
        "mes": lambda: mes(),
        "mes-add1": lambda: mes(voter_budget_increment=1),
        "mes-greedy": lambda: combo(False),
        "mes-add1-greedy": lambda: combo(True),
        "greedy-stop": lambda: greedy_stop(instance, profile),
        "phragmen": lambda: sequential_phragmen(instance, profile),
    }


def main():
    rng = random.Random(2026)
    cases = list(own_examples().items())
    cases += [(f"generated {k}", generated(rng, k)) for k in range(N_GENERATED)]
    out = []
    for name, text in cases:
        instance, profile = parse_pabulib_from_string(text)
        expected, seconds = {}, {}
        for key, run in rules(instance, profile).items():
            t = time.perf_counter()
            funded = run()
            seconds[key] = round(time.perf_counter() - t, 6)
            expected[key] = sorted(p.name for p in funded)
        out.append({"name": name, "pb": text, "expected": expected, "seconds": seconds})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    import pabutools  # noqa: F401 (the version, recorded)
    from importlib.metadata import version

    doc = {
        "generator": "tools/pabutools_fixtures.py",
        "pabutools": version("pabutools"),
        "reference": {k: ("script" if k == "greedy-stop" else "pabutools") for k in rules(*parse_pabulib_from_string(cases[0][1])).keys()},
        "cases": out,
    }
    OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(out)} instances written to {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")


if __name__ == "__main__":
    main()
