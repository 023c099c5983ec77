#!/usr/bin/env python3
"""Write dist/sw.js, the service worker, from assets/sw.js: the list of every file in dist/ (plus
"./", the app's address) and a version that is the hash of their names and contents. Any change
to the release is a new version, so browsers install the new worker and drop the old cache.
"""
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    dist = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist")
    names = sorted(n for n in os.listdir(dist) if os.path.isfile(os.path.join(dist, n)) and n != "sw.js")
    if "index.html" not in names:
        print(f"make_sw: {dist}/index.html is missing", file=sys.stderr)
        return 1
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + open(os.path.join(dist, name), "rb").read())
    version = digest.hexdigest()[:16]
    template = open(os.path.join(ROOT, "assets", "sw.js"), encoding="utf-8").read()
    # Without its comments and indentation: it is part of every page's download.
    template = "\n".join(l.strip() for l in template.splitlines() if l.strip() and not l.strip().startswith("//"))
    files = json.dumps(["./"] + names)
    text = template.replace("__VERSION__", version).replace("__FILES__", files)
    open(os.path.join(dist, "sw.js"), "w", encoding="utf-8").write(text)
    print(f"make_sw: sw.js version {version}, {len(names) + 1} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
