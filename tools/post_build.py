#!/usr/bin/env python3
"""Trunk post_build hook, run on the staged release before it becomes dist/:

1. Minify the wasm-bindgen JavaScript glue with terser (Trunk minifies HTML and CSS but leaves the
   glue as generated; minified it is about 1.8 KB smaller gzipped, which counts against the size
   budget) and update its Subresource Integrity hashes in index.html.
2. Shorten the names of the wasm's imports from the glue (wasm-bindgen names them
   `__wbg_navigator_c17f443a6fe5d38d`: a hash each, which does not compress): each becomes a short
   name in both the wasm and the glue, about 3 KB gzip less per page.
3. Allow Trunk's inline loader script in the Content-Security-Policy by its sha256 hash (not by
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
    # The workers (module workers, loaded by the page's wasm, so no integrity hash): the Monte Carlo's
    # and the ballots page's add1 helper.
    for name in ["mc-worker.js", "add1-worker.js"]:
        worker = os.path.join(staging, name)
        if os.path.exists(worker):
            before = os.path.getsize(worker)
            subprocess.run(["node", terser, worker, "--module", "-c", "-m", "-o", worker], check=True)
            print(f"post_build: minified {name} {before:,} -> {os.path.getsize(worker):,} bytes")
    return html


def uleb(data: bytes, i: int) -> tuple[int, int]:
    """An unsigned LEB128 number at data[i:]: (value, index after it)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def to_uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def rename_imports(wasm: bytes, module: str) -> tuple[bytes, dict]:
    """The wasm with every import from `module` renamed to a short name, and {old: new}."""
    if wasm[:4] != b"\0asm":
        raise ValueError("not a wasm module")
    out, renamed, i = bytearray(wasm[:8]), {}, 8
    while i < len(wasm):
        sid = wasm[i]
        size, body = uleb(wasm, i + 1)
        end = body + size
        if sid != 2:
            out += wasm[i:end]
            i = end
            continue
        count, j = uleb(wasm, body)
        section = bytearray(to_uleb(count))
        for _ in range(count):
            n, j = uleb(wasm, j)
            mod = wasm[j : j + n].decode()
            j += n
            n, j = uleb(wasm, j)
            name = wasm[j : j + n].decode()
            j += n
            start = j  # the import's kind and type, copied as they are
            kind = wasm[j]
            j += 1
            if kind == 0:  # function: type index
                _, j = uleb(wasm, j)
            elif kind in (1, 2):  # table (element type first) or memory: limits
                if kind == 1:
                    j += 1
                flags = wasm[j]
                _, j = uleb(wasm, j + 1)
                if flags & 1:
                    _, j = uleb(wasm, j)
            elif kind == 3:  # global: value type, mutability
                j += 2
            elif kind == 4:  # tag: attribute, type index
                _, j = uleb(wasm, j + 1)
            else:
                raise ValueError(f"unknown import kind {kind}")
            if mod == module:
                new = renamed.setdefault(name, "$" + base36(len(renamed)))
            else:
                new = name
            for text in (mod, new):
                section += to_uleb(len(text.encode())) + text.encode()
            section += wasm[start:j]
        if j != end:
            raise ValueError("the import section did not parse to its end")
        out += bytes([2]) + to_uleb(len(section)) + section
        i = end
    return bytes(out), renamed


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = digits[n % 36]
    while n >= 36:
        n //= 36
        text = digits[n % 36] + text
    return text


def shorten_imports(staging: str, html: str) -> str:
    for wasm_path in glob.glob(os.path.join(staging, "*_bg.wasm")):
        glue_path = wasm_path[: -len("_bg.wasm")] + ".js"
        glue = open(glue_path, encoding="utf-8").read()
        # The import module is the glue's own name without Trunk's hash ("./onepercent-web_bg.js").
        module = "./" + re.sub(r"-[0-9a-f]+$", "", os.path.basename(glue_path)[:-3]) + "_bg.js"
        wasm, renamed = rename_imports(open(wasm_path, "rb").read(), module)
        if not renamed:
            print(f"post_build: no imports from {module} in {wasm_path}", file=sys.stderr)
            sys.exit(1)
        for old, new in renamed.items():
            glue, n = re.subn(r"\b" + re.escape(old) + r"\b", lambda _: new, glue)
            if n == 0:
                print(f"post_build: the glue never names the import {old}", file=sys.stderr)
                sys.exit(1)
        open(wasm_path, "wb").write(wasm)
        open(glue_path, "w", encoding="utf-8").write(glue)
        html = update_integrity(html, os.path.basename(wasm_path), wasm)
        html = update_integrity(html, os.path.basename(glue_path), glue.encode())
        print(f"post_build: shortened {len(renamed)} import names of {os.path.basename(wasm_path)}")
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
        html = shorten_imports(staging, html)
        html = minify(staging, html)
    html = csp(html)
    open(path, "w", encoding="utf-8").write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
