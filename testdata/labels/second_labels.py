#!/usr/bin/env python3
"""Speaks the analyzer's CLI (`second_labels.py analyze --format json FILE`)
but prints the second annotator's labels of FILE (testdata/labels/agreement)
as analysis JSON, so that shared/tools/score.py --bin scores one annotator
against the other:

    python3 ../shared/tools/score.py --bin testdata/labels/second_labels.py \
        --root testdata $(testdata/labels/second_labels.py --pairs)
"""
import glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.dirname(HERE)


def second(file_rel):
    for p in glob.glob(os.path.join(HERE, "agreement", "**", "*.gold.json"), recursive=True):
        g = json.load(open(p, encoding="utf-8"))
        if os.path.abspath(os.path.join(TESTDATA, g["file"])) == os.path.abspath(file_rel):
            return g
    return None


def as_analysis(g):
    ents = []
    for e in g.get("entities", []):
        x = {"type": e["type"], "text": e["text"], "normalized": e["text"], "titles": e.get("titles", []),
             "aliases": e.get("alt", []), "mentions": []}
        ents.append(x)
    dirs = [{"text": d["text"], "force": d.get("force", ""), "issuer": d.get("issuer", "")}
            for d in g.get("directives", [])]
    return {"schema": "policylens.analysis/v1", "keywords": [{"term": k} for k in g.get("keywords", [])],
            "entities": ents, "directives": dirs}


def main():
    if sys.argv[1:2] == ["--pairs"]:
        # the first annotator's label files of the documents labelled twice
        firsts = {}
        for p in glob.glob(os.path.join(HERE, "corpus", "**", "*.gold.json"), recursive=True):
            firsts[json.load(open(p, encoding="utf-8"))["file"]] = os.path.relpath(p)
        for p in sorted(glob.glob(os.path.join(HERE, "agreement", "**", "*.gold.json"), recursive=True)):
            f = json.load(open(p, encoding="utf-8"))["file"]
            if f in firsts:
                print(firsts[f])
        return
    g = second(sys.argv[-1])
    if g is None:
        sys.stderr.write("no second label for %s\n" % sys.argv[-1])
        sys.exit(1)
    json.dump(as_analysis(g), sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
