#!/usr/bin/env python3
"""Checks gold label files: valid JSON, the document exists, and every
directive and entity text (dates aside) occurs in the document's text.
It never runs the analyzer. Usage: check.py GOLD.json..."""
import html, json, os, re, sys, unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PUNCT = set("，。；：、！？“”‘’《》〈〉（）()「」『』【】,.;:!?\"' \u3000\t\r\n·—-…")
FORCES = {"prohibit", "must", "should", "encourage"}
TYPES = {"person", "organization", "law", "location", "date", "event", "term"}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c.lower() for c in s if c not in PUNCT)


def doc_text(path):
    raw = open(path, "rb").read().decode("utf-8", "replace")
    if path.endswith(".jsonl"):
        return "\n".join(json.loads(l).get("content", "") for l in raw.splitlines() if l.strip())
    raw = re.sub(r"<[^>]+>", "", raw)
    return html.unescape(raw)


def check(gold_path):
    problems = []
    g = json.load(open(gold_path, encoding="utf-8"))
    doc = os.path.join(ROOT, g["file"])
    if not os.path.exists(doc):
        return ["document %s not found" % g["file"]]
    text = norm(doc_text(doc))
    for d in g.get("directives", []):
        if d.get("force") not in FORCES:
            problems.append("bad force %r: %s" % (d.get("force"), d.get("text")))
        if norm(d.get("text", "")) not in text:
            problems.append("directive not in text: %s" % d.get("text"))
    for e in g.get("entities", []):
        if e.get("type") not in TYPES:
            problems.append("bad type %r: %s" % (e.get("type"), e.get("text")))
        if e.get("type") == "date":
            continue
        forms = [e.get("text", "")] + e.get("alt", [])
        if not any(norm(f) in text for f in forms):
            problems.append("entity not in text: %s %s" % (e.get("type"), e.get("text")))
    if not g.get("keywords"):
        problems.append("no keywords")
    return problems


def main():
    bad = 0
    for p in sys.argv[1:]:
        for msg in check(p):
            bad += 1
            print("%s: %s" % (p, msg))
    print("%d files, %d problems" % (len(sys.argv) - 1, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
