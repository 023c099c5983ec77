#!/usr/bin/env python3
"""Trunk post_build hook: allow Trunk's inline loader script in the Content-Security-Policy by its
sha256 hash (not by 'unsafe-inline').

Trunk writes the loader as an inline <script type="module"> whose content is fixed at build time.
This script hashes every inline script in the staged index.html and puts the hashes where the
placeholder CSP_LOADER_HASH stands. It fails loudly if the placeholder or the loader is missing,
because a CSP that blocks the loader is a blank page.
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "CSP_LOADER_HASH"


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not staging:
        print("csp_hash: TRUNK_STAGING_DIR is not set", file=sys.stderr)
        return 1
    path = os.path.join(staging, "index.html")
    html = open(path, encoding="utf-8").read()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    scripts = [s for s in scripts if s.strip()]
    if not scripts:
        print("csp_hash: no inline loader script found in index.html", file=sys.stderr)
        return 1
    if PLACEHOLDER not in html:
        print(f"csp_hash: placeholder {PLACEHOLDER} not found in index.html", file=sys.stderr)
        return 1
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    open(path, "w", encoding="utf-8").write(html.replace(PLACEHOLDER, hashes))
    print(f"csp_hash: allowed {len(scripts)} inline script(s) by hash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
