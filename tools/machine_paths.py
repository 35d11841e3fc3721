#!/usr/bin/env python3
"""Lists the paths of one machine written into the committed Markdown files.

For: the reports and documents in the repository (BENCHMARKS.md, bench/LOAD.md,
README.md, docs/*.md) must read the same on every checkout (issue 11): a path
like /work/main/bench/bench_lib.py or /tmp/vanban-x says where somebody ran a
command, not how to run it. The generators print paths relative to the
repository root and placeholders ($OUT, $PORT) instead (bench/portable.sh).

How: every line of every *.md file git tracks under ROOT (every *.md below
ROOT outside build and output directories when ROOT is not a git checkout) is
searched for a directory of a machine's own: /work/, /root/, /home/, /tmp/.
A temporary directory written the portable way, ${TMPDIR:-/tmp}/..., is
allowed: it is a command a reader can run as it stands. Install locations
(/usr/bin, /etc/vanban, /var/lib/vanban) are what the package makes on every
machine and are not listed.

Usage:
  tools/machine_paths.py [--fail] ROOT
Prints "path:line: text" a line that holds such a path. With --fail the exit
status is 1 when any is listed (a ctest), else 0.
"""

import argparse
import os
import re
import subprocess
import sys

# at the start of a path, not inside a URL or a relative path ("example.org/work/", "$OUT/tmp/")
MACHINE_DIR = re.compile(r"(?<![\w.$}/-])/(?:work|root|home|tmp)/")
# written so that it names no machine's directory: the reader's own temporary directory
ALLOWED = ("${TMPDIR:-/tmp}/",)
# not committed: build trees and the bench scripts' output (git-ignored)
SKIPPED_DIRS = {".git", "out", "node_modules"}


def markdown_files(root):
    """The *.md files under `root` relative to it: those git tracks, or a walk without git."""
    try:
        listed = subprocess.run(["git", "-C", root, "ls-files", "-z", "--", "*.md"], check=True,
                                capture_output=True, text=True).stdout
        return sorted(p for p in listed.split("\0") if p)
    except (OSError, subprocess.CalledProcessError):
        found = []
        for d, dirs, files in os.walk(root):
            dirs[:] = [x for x in dirs if x not in SKIPPED_DIRS and not x.startswith("build")]
            found += [os.path.relpath(os.path.join(d, f), root) for f in files if f.endswith(".md")]
        return sorted(found)


def machine_paths(line):
    """True when `line`, the allowed portable forms taken out, names a machine's directory."""
    for allowed in ALLOWED:
        line = line.replace(allowed, "")
    return MACHINE_DIR.search(line) is not None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fail", action="store_true", help="exit 1 when a path is listed")
    ap.add_argument("root", help="the repository root")
    a = ap.parse_args()
    hits = 0
    for rel in markdown_files(a.root):
        with open(os.path.join(a.root, rel), encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if machine_paths(line):
                    print(f"{rel}:{number}: {line.rstrip()}")
                    hits += 1
    if hits:
        print(f"{hits} line(s) name a directory of one machine; print paths relative to the repository "
              "root or as $OUT / ${TMPDIR:-/tmp} (bench/portable.sh)", file=sys.stderr)
    return 1 if hits and a.fail else 0


if __name__ == "__main__":
    sys.exit(main())
