"""The jieba side of bench/run.sh. Run with Debian's /usr/bin/python3
(python3-jieba 0.42.1); run.sh times the whole process from outside.

  jieba_bench.py cold TEXTFILE      import jieba, initialize it, cut one text
  jieba_bench.py cut JSONL [FIELD]  lcut (accurate mode, HMM on) every record's FIELD (content)
  jieba_bench.py tags JSONL [FIELD] jieba.analyse.extract_tags(topK=10) per record

cut and tags print one JSON object: bytes cut (UTF-8), records, tokens,
import+initialize seconds and loop seconds, measured inside the process.
"""
import json
import logging
import sys
import time


def main():
    mode, path = sys.argv[1], sys.argv[2]
    field = sys.argv[3] if len(sys.argv) > 3 else "content"
    t0 = time.perf_counter()
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if mode == "tags":
        import jieba.analyse
    jieba.initialize()
    t_init = time.perf_counter() - t0
    if mode == "cold":
        with open(path, encoding="utf-8") as f:
            words = jieba.lcut(f.read())
        if not words:
            sys.exit("jieba_bench: no words cut")
        return
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                texts.append(json.loads(line).get(field) or "")
    t1 = time.perf_counter()
    tokens = 0
    first = None
    for t in texts:
        if mode == "cut":
            tokens += len(jieba.lcut(t, cut_all=False, HMM=True))
        elif mode == "tags":
            tags = jieba.analyse.extract_tags(t, topK=10)
            tokens += len(tags)
            first = first or tags
        else:
            sys.exit("jieba_bench: unknown mode " + mode)
    loop = time.perf_counter() - t1
    print(json.dumps({
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "records": len(texts),
        "tokens": tokens,
        "init_s": round(t_init, 4),
        "loop_s": round(loop, 4),
        "first_tags": first,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
