#!/usr/bin/env bash
# score_oof.sh scores the train split out of fold: five directive models,
# each trained without one fifth of the train documents (train -folds),
# and each document analysed by the model that did not learn from it
# (--directive-model), scored by ../shared/tools/score.py. This is the
# train figure to set beside the test split's: the built-in model has
# seen every train document, so its in-sample score says little.
# Usage (from the repository root): internal/directives/train/score_oof.sh [SCORE.PY]
# TRAIN_FLAGS passes flags to the trainer (an experiment: -stack=false);
# OOF_JSON names a file for score.py's --json (errors by document).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
score=${1:-$root/../shared/tools/score.py}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
go build -o "$work/policylens" ./cmd/policylens
(cd internal/directives && go run ./train ${TRAIN_FLAGS:-} -folds "$work/folds" 2>/dev/null)
# which fold each document is in, and a binary that analyses it with the
# model trained without that fold
python3 - "$root" "$work" <<'PY'
import json, os, sys
root, work = sys.argv[1], sys.argv[2]
folds, golds = {}, []
for f in range(5):
    for line in open(f"{work}/folds/fold-{f}.txt"):
        g = os.path.normpath(os.path.join(root, "internal/directives", line.strip()))
        golds.append(g)
        folds[os.path.realpath(os.path.join(root, "testdata", json.load(open(g))["file"]))] = f
json.dump(folds, open(f"{work}/folds.json", "w"))
open(f"{work}/golds.txt", "w").write("\n".join(golds) + "\n")
PY
cat >"$work/bin" <<PY
#!/usr/bin/env python3
import json, os, sys
fold = json.load(open("$work/folds.json")).get(os.path.realpath(sys.argv[-1]))
model = [] if fold is None else ["--directive-model", "$work/folds/fold-%d.tsv" % fold]
os.execv("$work/policylens", ["policylens", sys.argv[1]] + model + sys.argv[2:])
PY
chmod +x "$work/bin"
mapfile -t golds <"$work/golds.txt"
python3 "$score" --bin "$work/bin" --root testdata --json "${OOF_JSON:-/dev/null}" "${golds[@]}"
