#!/usr/bin/env python3
"""Fail when the browser build contains the standard library's float printing (about 7.7 KB gzip).

Reads the wasm that cargo wrote before wasm-bindgen stripped its names, and looks for the names of
core's float-to-decimal code (`flt2dec`). Something formats an f64 with `{}` or `{:?}`; see
ARCHITECTURE.md ("No float printing in the browser build") for what to use instead.
"""
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "target/wasm32-unknown-unknown/wasm/onepercent-web.wasm"
try:
    data = open(path, "rb").read()
except OSError as e:
    print(f"no_float_printing: cannot read {path}: {e}", file=sys.stderr)
    sys.exit(1)
if b"onepercent" not in data:
    print(f"no_float_printing: {path} has no function names to check", file=sys.stderr)
    sys.exit(1)
if b"flt2dec" in data:
    print(f"no_float_printing: {path} contains float printing (flt2dec): something formats an f64 with "
          "{} or {:?} in the browser build; see ARCHITECTURE.md", file=sys.stderr)
    sys.exit(1)
print("no_float_printing: none in the browser build")
