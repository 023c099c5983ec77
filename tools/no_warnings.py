#!/usr/bin/env python3
"""Run a build command and fail when it warns: a warning left alone in a build is a problem nobody
looks at (a stylesheet that shipped unminified because it did not parse went unnoticed so).

Usage: python3 tools/no_warnings.py COMMAND [ARGS...]

Passes the command's output through. Fails (exit 1) when a line is a warning (Trunk's `WARN`,
cargo's `warning:`), except the one below, which is Trunk's and harmless:

- `Failed to minify JS: RequiredTokenNotFound(Identifier) [token=Some(KeywordDefault)]`: Trunk's
  JavaScript minifier (minify-js) cannot read the `default` export in the wasm-bindgen glue, so it
  leaves the glue as it is; tools/post_build.py then minifies the glue with terser (size.py counts
  the result).
"""
import re
import subprocess
import sys

WARNING = re.compile(r"(\bWARN\b|^warning:|^\s*warning:)")
KNOWN = [
    "Failed to minify JS: RequiredTokenNotFound(Identifier) [token=Some(KeywordDefault)]",
]


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    found = []
    for line in proc.stdout:
        sys.stdout.write(line)
        if WARNING.search(line) and not any(k in line for k in KNOWN):
            found.append(line.rstrip())
    code = proc.wait()
    if code != 0:
        return code
    if found:
        print(f"no_warnings: {len(found)} warning(s) in `{' '.join(sys.argv[1:])}`:", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
