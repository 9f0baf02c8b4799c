# Gives the directives of a law, regulation or rule whose issuer a label
# wrote as the bare document noun (条例, 办法, 规定…) the body that adopted or
# promulgated it, as its header line states it (…常务委员会第N次会议通过,
# 国务院第N次常务会议通过, 中华人民共和国国务院令第N号公布): the convention of
# every other law label, and ANNOTATION.md's ("a document noun stands for
# the bodies that issued it"). One rule for every split, reading only the
# labels and the headers of their documents; a document without such a
# header keeps its label. Usage: python3 testdata/labels/docissuer.py [-w]
import glob, json, re, sys

NOUNS = {"条例", "办法", "规定", "法", "细则", "决定", "规则", "本条例", "本办法", "本规定", "本法"}
HEADER = re.compile(r"^\s*\d{4}年\d{1,2}月\d{1,2}日\s*(?:中华人民共和国)?(.+?)(?:第[一二三四五六七八九十百零\d]+次(?:常务)?会议(?:通过|修订|修正)|令第\S+号(?:公布|发布))")


def adopter(doc):
    for line in open(doc, encoding="utf-8").read().split("<!-- INFO END -->")[0].splitlines():
        m = HEADER.match(line)
        if m:
            return m.group(1).strip()
    return ""


total = 0
for f in sorted(glob.glob("testdata/labels/**/*.gold.json", recursive=True)):
    raw = open(f, encoding="utf-8").read()
    d = json.loads(raw)
    ds = [x for x in d.get("directives", []) if x.get("issuer") in NOUNS]
    if not ds:
        continue
    body = adopter("testdata/" + d["file"])
    if not body:
        print("no header:", f)
        continue
    for x in ds:
        x["issuer"] = body
    total += len(ds)
    print(len(ds), body, f)
    if sys.argv[1:] == ["-w"]:
        open(f, "w", encoding="utf-8").write(json.dumps(d, ensure_ascii=False, indent=1) + "\n")
print("changed", total)
