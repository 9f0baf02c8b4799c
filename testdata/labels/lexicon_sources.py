#!/usr/bin/env python3
"""Records where lexicon rows occur in general sources outside the
repository: the scale corpora (shared/scale: 1,584 national laws and
regulations, 803 executive orders), the 72 government work reports
(shared/corpus/gwr) and the corpus documents that are not in the test split.
The leak test (analyze/leak_test.go) accepts a row that occurs in test
documents when this file names such a source for it.

Usage (from the repository root, with shared/ beside it):
    python3 testdata/labels/lexicon_sources.py ../shared > testdata/labels/lexicon_sources.tsv
"""
import csv, glob, json, os, sys, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = ["organizations.zh.tsv", "locations.zh.tsv", "laws.zh.tsv", "events.zh.tsv", "terms.zh.tsv"]


def test_names():
    names = set()
    for p in glob.glob(os.path.join(ROOT, "testdata/labels/corpus/**/*.gold.json"), recursive=True):
        f = json.load(open(p, encoding="utf-8"))["file"]
        if zlib.crc32(os.path.basename(f).encode()) % 10 < 3:
            names.add(os.path.basename(f))
    return names


def sources(shared):
    skip = test_names()
    for p in sorted(glob.glob(os.path.join(shared, "scale", "**", "*.md"), recursive=True)):
        yield os.path.relpath(p, shared), open(p, encoding="utf-8", errors="replace").read()
    for p in sorted(glob.glob(os.path.join(shared, "corpus", "**", "*"), recursive=True)):
        if os.path.isdir(p) or os.path.basename(p) in skip or p.endswith((".tsv", "README.md")):
            continue
        yield os.path.relpath(p, shared), open(p, encoding="utf-8", errors="replace").read()


def rows():
    for name in FILES:
        header = True
        for line in open(os.path.join(ROOT, "lexicons", name), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            if header:  # the column names
                header = False
                continue
            cols = line.rstrip("\n").split("\t")
            forms = [cols[0]] + [a for a in (cols[1].split("|") if len(cols) > 1 else []) if a]
            yield cols[0], [f for f in forms if len(f) >= 2]


def main():
    shared = sys.argv[1]
    todo = dict(rows())
    found = {}
    for src, text in sources(shared):
        for canon, forms in list(todo.items()):
            if any(f in text for f in forms):
                found[canon] = src
                del todo[canon]
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["row", "general source"])
    for canon in sorted(found):
        w.writerow([canon, found[canon]])


if __name__ == "__main__":
    main()
