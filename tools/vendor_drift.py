"""The vendored crates (vendor/) against their releases in the registry: every difference in their
sources is a marked change ("One Percent" on one of its lines) in a file vendor/README.md names,
every file README.md names differs, no source file is added or missing, and the licence is the
release's. Fails loudly on anything else, so a copy that drifted from its release, or a patch
that lost its mark or its documentation, is noticed. Run by `make test` (`make vendor-check`).

The releases are read from Cargo's download cache; when they are not there yet they are fetched
once with `cargo fetch` for a throwaway manifest under target/ (the only network use: the
package registry, as every other install step).
"""

import difflib
import glob
import os
import re
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# (directory under vendor/, crate, version): the versions Cargo.lock pins.
VENDORED = [("plotters", "plotters", "0.3.7"), ("plotters-canvas", "plotters-canvas", "0.3.1")]
MARK = "One Percent"


def cached(crate, version):
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    hits = glob.glob(os.path.join(home, "registry", "cache", "*", f"{crate}-{version}.crate"))
    return hits[0] if hits else None


def fetch():
    """Download the releases into Cargo's cache (a manifest that depends on exactly them)."""
    where = os.path.join(ROOT, "target", "vendor-drift")
    os.makedirs(os.path.join(where, "src"), exist_ok=True)
    deps = "\n".join(f'{c} = {{ version = "={v}", default-features = false }}' for _, c, v in VENDORED)
    with open(os.path.join(where, "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "vendor-drift"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
                f'[workspace]\n\n[dependencies]\n{deps}\n')
    open(os.path.join(where, "src", "lib.rs"), "w").close()
    subprocess.run(["cargo", "fetch", "--manifest-path", os.path.join(where, "Cargo.toml")], check=True)


def release_files(path, prefix):
    """The release's files by path inside the crate: {relative path: text}."""
    out = {}
    with tarfile.open(path) as tar:
        for m in tar.getmembers():
            if m.isfile() and m.name.startswith(prefix + "/"):
                out[m.name[len(prefix) + 1:]] = tar.extractfile(m).read().decode("utf-8")
    return out


def documented(readme, directory):
    """The source files vendor/README.md names in the row of `directory`."""
    for line in readme.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and cells[1] == directory:
            return set(re.findall(r"`(src/[^`]+\.rs)`", cells[3]))
    return set()


def main():
    if any(cached(c, v) is None for _, c, v in VENDORED):
        fetch()
    readme = open(os.path.join(ROOT, "vendor", "README.md"), encoding="utf-8").read()
    problems, report = [], []
    for directory, crate, version in VENDORED:
        release = release_files(cached(crate, version), f"{crate}-{version}")
        base = os.path.join(ROOT, "vendor", directory)
        ours = {}
        for dirpath, _, names in os.walk(os.path.join(base, "src")):
            for n in names:
                p = os.path.join(dirpath, n)
                ours[os.path.relpath(p, base)] = open(p, encoding="utf-8").read()
        theirs = {k: v for k, v in release.items() if k.startswith("src/")}
        name = f"{directory} {version}"
        for p in sorted(set(ours) - set(theirs)):
            problems.append(f"{name}: {p} is not in the release")
        for p in sorted(set(theirs) - set(ours)):
            problems.append(f"{name}: {p} of the release is missing")
        if open(os.path.join(base, "LICENSE"), encoding="utf-8").read() != release.get("LICENSE"):
            problems.append(f"{name}: LICENSE is not the release's")
        changed, marks = set(), 0
        for p in sorted(set(ours) & set(theirs)):
            a, b = theirs[p].splitlines(), ours[p].splitlines()
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                if tag == "equal":
                    continue
                changed.add(p)
                if any(MARK in line for line in b[j1:j2]):
                    marks += 1
                else:
                    release_lines = f"after line {i1}" if i1 == i2 else f"lines {i1 + 1}-{i2}"
                    our_lines = "removed" if j1 == j2 else f"lines {j1 + 1}-{j2}"
                    problems.append(f"{name}: {p}: {our_lines} (the release's {release_lines}) differ "
                                    f"from the release without a '{MARK}' mark")
        named = documented(readme, directory)
        for p in sorted(changed - named):
            problems.append(f"{name}: {p} is changed but vendor/README.md does not name it")
        for p in sorted(named - changed):
            problems.append(f"{name}: vendor/README.md names {p}, which is the release's unchanged")
        report.append(f"{name}: {len(changed)} files with {marks} marked changes")
    if problems:
        print("vendor: the vendored crates drifted from their releases:", *problems, sep="\n  ")
        sys.exit(1)
    print("vendor: only marked, documented changes (" + "; ".join(report) + ")")


if __name__ == "__main__":
    main()
