#!/usr/bin/env python3
"""Trunk post_build hook, run on the staged release before it becomes dist/:

1. Minify the wasm-bindgen JavaScript glue with terser (Trunk minifies HTML and CSS but leaves the
   glue as generated; minified it is about 1.8 KB smaller gzipped, which counts against the size
   budget) and update its Subresource Integrity hashes in index.html.
2. Allow Trunk's inline loader script in the Content-Security-Policy by its sha256 hash (not by
   'unsafe-inline'): the placeholder CSP_LOADER_HASH in index.html becomes the hashes of every inline
   script.

Fails loudly: a CSP that blocks the loader, or a stale integrity hash, is a blank page.
"""
import base64
import glob
import hashlib
import os
import re
import subprocess
import sys

PLACEHOLDER = "CSP_LOADER_HASH"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode()


def update_integrity(html: str, name: str, data: bytes) -> str:
    """Set the Subresource Integrity hash of every tag that references `name`."""
    sri = "sha384-" + b64(hashlib.sha384(data).digest())

    # Attributes may be quoted or, in Trunk's minified HTML, not.
    def fix(tag: re.Match) -> str:
        return re.sub(r'integrity=("[^"]*"|[^\s>]+)', f'integrity="{sri}"', tag.group(0))

    tags = re.compile(r"<link\b[^>]*" + re.escape(name) + r"[\"'\s>][^>]*>")
    html, n = tags.subn(fix, html)
    if n == 0:
        print(f"post_build: no tag references {name}; cannot update its integrity", file=sys.stderr)
        sys.exit(1)
    return html


def minify(staging: str, html: str) -> str:
    terser = os.path.join(ROOT, "node_modules", "terser", "bin", "terser")
    if not os.path.exists(terser):
        print("post_build: terser is missing; run tools/install.sh", file=sys.stderr)
        sys.exit(1)
    # The wasm-bindgen glue only (its name carries Trunk's hash); copied files stay as they are.
    for path in glob.glob(os.path.join(staging, "*-[0-9a-f]*.js")):
        before = os.path.getsize(path)
        subprocess.run(["node", terser, path, "--module", "-c", "-m", "-o", path], check=True)
        name = os.path.basename(path)
        data = open(path, "rb").read()
        html = update_integrity(html, name, data)
        print(f"post_build: minified {name} {before:,} -> {len(data):,} bytes")
    return html


def csp(html: str) -> str:
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    scripts = [s for s in scripts if s.strip()]
    if not scripts:
        print("post_build: no inline loader script found in the page", file=sys.stderr)
        sys.exit(1)
    if PLACEHOLDER not in html:
        print(f"post_build: placeholder {PLACEHOLDER} not found in the page", file=sys.stderr)
        sys.exit(1)
    hashes = " ".join("'sha256-" + b64(hashlib.sha256(s.encode("utf-8")).digest()) + "'" for s in scripts)
    print(f"post_build: allowed {len(scripts)} inline script(s) by hash")
    return html.replace(PLACEHOLDER, hashes)


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not staging:
        print("post_build: TRUNK_STAGING_DIR is not set", file=sys.stderr)
        return 1
    # index.html, or compare.html for the compare page (`--html-output`): the one page staged.
    pages = glob.glob(os.path.join(staging, "*.html"))
    if len(pages) != 1:
        print(f"post_build: expected one staged page, found {pages}", file=sys.stderr)
        return 1
    path = pages[0]
    html = open(path, encoding="utf-8").read()
    if os.environ.get("TRUNK_PROFILE", "release") == "release":
        html = minify(staging, html)
    html = csp(html)
    open(path, "w", encoding="utf-8").write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
