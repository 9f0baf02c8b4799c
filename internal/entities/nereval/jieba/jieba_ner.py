#!/usr/bin/python3
"""jieba's baseline on a character-level BIO NER file: jieba.posseg's
person (nr, nrfg, nrt), place (ns) and organization (nt) words as
mentions, scored mention by mention exactly as nereval.Score scores
policylens (same type, same span). Debian's python3-jieba 0.42.1.

    /usr/bin/python3 internal/entities/nereval/jieba/jieba_ner.py FILE...
"""
import logging
import sys

import jieba
import jieba.posseg

TYPES = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}


def sentences(path):
    text, tags = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.split()
            if not f:
                if text:
                    yield "".join(text), spans(tags)
                text, tags = [], []
                continue
            text.append(f[0])
            tags.append(f[1])
    if text:
        yield "".join(text), spans(tags)


def spans(tags):
    out, start, typ = set(), -1, ""
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t[0] == "B" or t[2:] != typ or start < 0:
            if start >= 0:
                out.add((typ, start, i))
            start, typ = (i, t[2:]) if t != "O" else (-1, "")
    return out


def main(paths):
    jieba.setLogLevel(logging.ERROR)
    counts = {t: [0, 0, 0] for t in ("PER", "ORG", "LOC", "ALL")}
    n = 0
    for path in paths:
        for text, gold in sentences(path):
            n += 1
            got, at = set(), 0
            for w in jieba.posseg.cut(text):
                if w.flag in TYPES:
                    got.add((TYPES[w.flag], at, at + len(w.word)))
                at += len(w.word)
            for typ, key in ((s[0], s) for s in got):
                hit = key in gold
                counts[typ][0 if hit else 1] += 1
                counts["ALL"][0 if hit else 1] += 1
            for s in gold - got:
                counts[s[0]][2] += 1
                counts["ALL"][2] += 1
    print(f"{n} sentences\n\n| type | P | R | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|")
    for t, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"| {t} | {p:.3f} | {r:.3f} | {f:.3f} | {tp} | {fp} | {fn} |")


if __name__ == "__main__":
    main(sys.argv[1:])
