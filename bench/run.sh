#!/usr/bin/env bash
# bench/run.sh: times the policylens binary and jieba side by side and prints
# a Markdown table (also written to bench/out/latest.md).
#
#   bench/run.sh
#
# Measures: cold start (median of RUNS whole-process runs on the seed
# article), throughput of `analyze --format jsonl` over the government work
# reports with 1 and 2 jobs against jieba's lcut, keyword extraction
# (`policylens keywords --by year`, when implemented) against
# jieba.analyse.extract_tags, peak RSS of every process (/usr/bin/time %M),
# the scale corpora and the English corpus, one large document of
# LARGE_SIZES MB, and the Go heap's ceiling for one document of 1, 4 and
# 16 MB (BenchmarkLargeCeiling). A missing corpus skips its rows.
#
# Environment (defaults in brackets): RUNS [7] cold-start runs, REPS [3]
# runs of each corpus measure (median time, highest RSS), SCALE_REPS [1],
# GWR, LAWS, EOS, EN (corpus paths under /work/shared), PY [/usr/bin/python3],
# LARGE_SIZES [1 4 16 50] MB of the one-large-document rows,
# COMMIT [git rev-parse --short HEAD] the commit the report names.
# Needs Go; installs python3-jieba and time with apt-get when missing (root or
# passwordless sudo). About one minute on 2 idle cores (55 s on 2026-11-28).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUTDIR=$ROOT/bench/out
PY=${PY:-/usr/bin/python3}
RUNS=${RUNS:-7}
REPS=${REPS:-3}
SCALE_REPS=${SCALE_REPS:-1}
SEED=$ROOT/testdata/docs/seed.md
GWR=${GWR:-/work/shared/corpus/gwr/government_work_reports.jsonl}
LAWS=${LAWS:-/work/shared/scale/laws}
EOS=${EOS:-/work/shared/scale/executive-orders}
EN=${EN:-/work/shared/corpus/en}
JIEBA_PY=$ROOT/bench/jieba_bench.py

TMP=$(mktemp -d "${TMPDIR:-/tmp}/policylens-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

say() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'bench/run.sh: %s\n' "$*" >&2; }

ROWS=()  # table rows
NOTES=() # lines under the table
row() { ROWS+=("| $1 | $2 | $3 | $4 |"); }
note() { NOTES+=("- $*"); }

# apt_install PKG: installs a Debian package (as root or with sudo -n);
# runs apt-get update once if the first try fails.
APT_UPDATED=0
apt_install() {
	local sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
			sudo=(sudo -n)
		else
			warn "cannot install $1: not root and no passwordless sudo"
			return 1
		fi
	fi
	command -v apt-get >/dev/null || { warn "cannot install $1: no apt-get"; return 1; }
	say "installing $1 (apt-get)"
	if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >"$TMP/apt.log" 2>&1; then
		return 0
	fi
	if [[ $APT_UPDATED -eq 0 ]]; then
		APT_UPDATED=1
		"${sudo[@]}" apt-get update -q >>"$TMP/apt.log" 2>&1 || true
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >>"$TMP/apt.log" 2>&1 && return 0
	fi
	warn "apt-get install $1 failed:"
	tail -5 "$TMP/apt.log" >&2
	return 1
}

# cpu_busy: percent of CPU time used (by anything) over the next second, from /proc/stat.
cpu_busy() {
	local a b
	a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6; exit }' /proc/stat 2>/dev/null) || { echo "?"; return; }
	sleep 1
	b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6; exit }' /proc/stat 2>/dev/null) || { echo "?"; return; }
	awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); t = (y[1] - x[1]) + (y[2] - x[2]); printf "%.0f", (t > 0 ? 100 * (y[1] - x[1]) / t : 0) }'
}
# the commit measured (COMMIT overrides it, e.g. for a copy of the tree
# without .git); "+ changes" when the tree differs from it
if [[ -z ${COMMIT:-} ]]; then
	COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
	git -C "$ROOT" diff --quiet HEAD 2>/dev/null || COMMIT="$COMMIT + changes"
fi
LOAD_START=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
BUSY_START=$(cpu_busy)
if [[ $BUSY_START != "?" && $BUSY_START -gt 20 ]]; then
	warn "the CPUs were ${BUSY_START}% busy before the run: other processes compete with the benchmark, numbers will be low"
	note "the machine was busy: ${BUSY_START}% CPU in use by other processes just before the run; wall times are inflated, CPU seconds less so."
fi

# --- tools -------------------------------------------------------------------

command -v go >/dev/null || { warn "go not found on PATH"; exit 1; }
BIN=$TMP/policylens
say "building policylens into $TMP"
go build -o "$BIN" ./cmd/policylens

TIMEBIN=/usr/bin/time
if [[ ! -x $TIMEBIN ]]; then
	apt_install time || true
fi
if [[ ! -x $TIMEBIN ]]; then
	TIMEBIN=""
	note "peak RSS not measured: /usr/bin/time (Debian package \`time\`) is missing and could not be installed."
fi

JIEBA=1
if [[ ! -x $PY ]]; then
	warn "$PY not found: jieba columns skipped"
	JIEBA=0
elif ! "$PY" -c 'import jieba' 2>/dev/null; then
	apt_install python3-jieba || true
	if ! "$PY" -c 'import jieba' 2>/dev/null; then
		warn "jieba is not importable by $PY: jieba columns skipped"
		JIEBA=0
	fi
fi
if [[ $JIEBA -eq 1 ]]; then
	JIEBA_VERSION=$("$PY" -c 'import jieba; print(jieba.__version__)' 2>/dev/null)
else
	JIEBA_VERSION="not available"
	note "jieba not available: its column is empty."
fi

# busy_jiffies: CPU time used so far by the whole machine, in clock ticks.
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8; exit }' /proc/stat 2>/dev/null || echo 0; }
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
OURS_CPU=0 # CPU seconds of the measured processes, summed by measure

# --- measuring ---------------------------------------------------------------

# measure OUT CMD...: runs CMD once, stdout to OUT, stderr to $TMP/err; sets
# M_SEC (wall seconds, from date +%s%N), M_KB (peak RSS in KB, /usr/bin/time
# %M, empty without it), M_CPU (user + system seconds, empty without it) and
# M_RC (exit status).
measure() {
	local out=$1
	shift
	local t0 t1
	t0=$(date +%s%N)
	set +e
	if [[ -n $TIMEBIN ]]; then
		"$TIMEBIN" -f '%M %U %S' -o "$TMP/rss" "$@" >"$out" 2>"$TMP/err"
	else
		"$@" >"$out" 2>"$TMP/err"
	fi
	M_RC=$?
	set -e
	t1=$(date +%s%N)
	M_SEC=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
	M_KB="" M_CPU=""
	if [[ -n $TIMEBIN ]]; then
		read -r M_KB M_CPU < <(tail -n 1 "$TMP/rss" | awk '{ printf "%d %.2f\n", $1, $2 + $3 }')
	fi
	OURS_CPU=$(awk -v a="$OURS_CPU" -v b="${M_CPU:-0}" 'BEGIN { print a + b }')
}

# repeat N OKRC OUT CMD...: measure N times; sets R_SEC and R_CPU (medians),
# R_KB (highest), R_RC, R_OK (1 when every exit status was 0 or OKRC). The
# stderr of the last run stays in $TMP/err. BEFORE_EACH, when set, is run
# (eval, untimed) before each run.
repeat() {
	local n=$1 okrc=$2 out=$3
	shift 3
	local secs=() cpus=() kb=0 i
	R_OK=1
	for ((i = 0; i < n; i++)); do
		[[ -z ${BEFORE_EACH:-} ]] || eval "$BEFORE_EACH"
		measure "$out" "$@"
		R_RC=$M_RC
		if [[ $M_RC -ne 0 && $M_RC -ne $okrc ]]; then
			R_OK=0
			warn "exit status $M_RC: $*"
			head -n 5 "$TMP/err" >&2
			return 0
		fi
		secs+=("$M_SEC")
		cpus+=("${M_CPU:-0}")
		if [[ -n $M_KB && $M_KB -gt $kb ]]; then kb=$M_KB; fi
	done
	R_SEC=$(median "${secs[@]}")
	R_CPU=$(median "${cpus[@]}")
	R_KB=$kb
	[[ -n $TIMEBIN ]] || R_KB="" R_CPU=""
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# wallcpu: " (W s wall, C s CPU)" of the last repeat.
wallcpu() { printf ' (%s s%s)' "$(fmt "$R_SEC" %.2f)" "${R_CPU:+ wall, $(fmt "$R_CPU" %.2f) s CPU}"; }
# cpupart: " (C s CPU)" of the last repeat, empty without /usr/bin/time.
cpupart() { [[ -z ${R_CPU:-} ]] || printf ' (%s s CPU)' "$(fmt "$R_CPU" %.2f)"; }
fmt() { awk -v x="$1" -v f="$2" 'BEGIN { printf f, x }'; }
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", b / 1e6 / s }'; } # bytes, seconds -> MB/s
mb() { [[ -n $1 ]] && awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }' || echo "n/a"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# bytes_of DIR: bytes of the files analyze takes from a folder (walked for
# .md .markdown .txt .html .htm .jsonl, no README/LICENSE/..., no hidden folders).
bytes_of() {
	find "$1" -name '.?*' -prune -o -type f \( -iname '*.md' -o -iname '*.markdown' -o -iname '*.txt' \
		-o -iname '*.html' -o -iname '*.htm' -o -iname '*.jsonl' \) \
		! -iname 'README.*' ! -iname 'LICENSE.*' ! -iname 'CHANGELOG.*' ! -iname 'CONTRIBUTING.*' \
		-printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
}
nonempty_lines() { grep -c . "$1" || true; }

J0=$(busy_jiffies)
T0=$(date +%s%N)

# --- cold start --------------------------------------------------------------

if [[ ! -f $SEED ]]; then
	warn "missing $SEED: cold-start rows skipped"
	note "cold start skipped: $SEED is missing."
else
	say "cold start: $RUNS runs each on $(basename "$SEED")"
	"$BIN" analyze --format json "$SEED" >"$TMP/seed.json"
	"${PY}" -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); print("\n".join(d["document"]["paragraphs"]))' \
		"$TMP/seed.json" >"$TMP/seed.txt"
	seed_chars=$("$PY" -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read().strip()))' "$TMP/seed.txt")
	measure /dev/null "$BIN" analyze --format json "$SEED" # warm-up: page cache
	repeat "$RUNS" 0 /dev/null "$BIN" analyze --format json "$SEED"
	ours_sec=$R_SEC ours_kb=$R_KB ours_ok=$R_OK ours_wc=$(cpupart)
	j_sec="" j_kb="" j_wc=""
	if [[ $JIEBA -eq 1 ]]; then
		measure /dev/null "$PY" "$JIEBA_PY" cold "$TMP/seed.txt" # warm-up: builds jieba's dictionary cache if missing
		repeat "$RUNS" 0 /dev/null "$PY" "$JIEBA_PY" cold "$TMP/seed.txt"
		if [[ $R_OK -eq 1 ]]; then j_sec=$R_SEC j_kb=$R_KB j_wc=$(cpupart); fi
	fi
	if [[ $ours_ok -eq 1 ]]; then
		row "cold start, seed.md, whole process (median of $RUNS, s wall)" "$(fmt "$ours_sec" %.3f)$ours_wc" \
			"${j_sec:+$(fmt "$j_sec" %.3f)$j_wc}" "${j_sec:+$(ratio "$j_sec" "$ours_sec") (jieba time ÷ ours)}"
		row "peak RSS, cold start" "$(mb "$ours_kb")" "${j_sec:+$(mb "$j_kb")}" \
			"${j_kb:+$(ratio "$ours_kb" "$j_kb") (ours ÷ jieba)}"
	fi
	note "cold start: policylens does the whole analysis of the Sina Hexo post (parse HTML, segment, keywords, entities, directives, targets, JSON out); jieba imports, runs \`jieba.initialize()\` and \`lcut\`s the article's ${seed_chars} characters of text (\`document.paragraphs\` of our JSON). One untimed warm-up run each first (page cache; jieba's dictionary cache in the temp folder)."
fi

# --- government work reports: throughput and keywords ------------------------

if [[ ! -f $GWR ]]; then
	warn "missing $GWR: work-report rows skipped"
	note "work reports skipped: $GWR is missing."
else
	gwr_file_bytes=$(stat -c %s "$GWR")
	gwr_bytes=$("$PY" -c '
import json, sys
print(sum(len((json.loads(l).get("content") or "").encode("utf-8")) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$GWR")
	gwr_docs=$(grep -c . "$GWR")
	gwr_mb=$(awk -v b="$gwr_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
	j_cut_sec="" j_cut_kb="" j_cut_wc=""
	if [[ $JIEBA -eq 1 ]]; then
		say "jieba lcut over the work reports ($REPS runs)"
		repeat "$REPS" 0 "$TMP/jieba-cut.json" "$PY" "$JIEBA_PY" cut "$GWR"
		if [[ $R_OK -eq 1 ]]; then
			j_cut_sec=$R_SEC j_cut_kb=$R_KB j_cut_wc=$(wallcpu)
			j_init=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["init_s"])' "$TMP/jieba-cut.json")
			j_loop=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["loop_s"])' "$TMP/jieba-cut.json")
			note "jieba inside its process (last run): import + initialize ${j_init} s, lcut loop ${j_loop} s = $(mbs "$gwr_bytes" "$j_loop") MB/s; the table's jieba MB/s is whole-process, like ours."
		fi
	fi
	for jobs in 1 2; do
		say "policylens analyze --jobs $jobs over the work reports ($REPS runs)"
		repeat "$REPS" 1 "$TMP/gwr$jobs.jsonl" "$BIN" analyze --format jsonl --jobs "$jobs" -q "$GWR"
		[[ $R_OK -eq 1 ]] || { note "analyze --jobs $jobs over the work reports failed (exit $R_RC)."; continue; }
		[[ $jobs -ne 1 ]] || GWR_CPU1=${R_CPU:-}
		out_docs=$(nonempty_lines "$TMP/gwr$jobs.jsonl")
		errs=$(nonempty_lines "$TMP/err")
		ours=$(mbs "$gwr_bytes" "$R_SEC")
		jieba_cell="" ratio_cell=""
		if [[ -n $j_cut_sec ]]; then
			jm=$(mbs "$gwr_bytes" "$j_cut_sec")
			jieba_cell="$jm MB/s$j_cut_wc"
			ratio_cell="$(ratio "$ours" "$jm") (ours MB/s ÷ jieba)"
		fi
		row "work reports ($gwr_docs docs, $gwr_mb MB), \`analyze --jobs $jobs\` vs \`lcut\`" \
			"$ours MB/s$(wallcpu)" "$jieba_cell" "$ratio_cell"
		row "peak RSS, work reports, jobs $jobs" "$(mb "$R_KB")" "${j_cut_sec:+$(mb "$j_cut_kb")}" \
			"${j_cut_kb:+$(ratio "$R_KB" "$j_cut_kb") (ours ÷ jieba)}"
		if [[ $out_docs -ne $gwr_docs || $errs -ne 0 ]]; then
			note "work reports, jobs $jobs: $out_docs analyses for $gwr_docs records, $errs error lines (exit $R_RC)."
		fi
	done
	note "work-report MB/s for both columns = UTF-8 bytes of the \`content\` fields ($gwr_bytes B; the file is $gwr_file_bytes B) ÷ whole-process wall time, median of $REPS. jieba is single-threaded; its number is the same in both rows."

	# keywords
	j_kw_sec="" j_kw_kb="" j_kw_wc=""
	if [[ $JIEBA -eq 1 ]]; then
		say "jieba.analyse.extract_tags over the work reports ($REPS runs)"
		repeat "$REPS" 0 "$TMP/jieba-tags.json" "$PY" "$JIEBA_PY" tags "$GWR"
		if [[ $R_OK -eq 1 ]]; then j_kw_sec=$R_SEC j_kw_kb=$R_KB j_kw_wc=$(cpupart); fi
	fi
	# The command counts as present when its help exits 0 and documents --by:
	# a hidden placeholder `keywords` command also exits 0, with no help.
	kw_help_rc=0
	"$BIN" keywords --help >"$TMP/kwhelp" 2>&1 || kw_help_rc=$?
	if [[ $kw_help_rc -eq 0 ]] && grep -q -- '--by' "$TMP/kwhelp"; then
		say "policylens keywords --by year over the work reports ($REPS runs)"
		repeat "$REPS" 1 "$TMP/kw.out" "$BIN" keywords --by year "$GWR"
		if [[ $R_OK -eq 1 ]]; then
			row "keywords, work reports: \`keywords --by year\` vs \`extract_tags(topK=10)\` per report (s wall)" \
				"$(fmt "$R_SEC" %.2f)$(cpupart)" "${j_kw_sec:+$(fmt "$j_kw_sec" %.2f)$j_kw_wc}" \
				"${j_kw_sec:+$(ratio "$j_kw_sec" "$R_SEC") (jieba time ÷ ours)}"
			row "peak RSS, keywords" "$(mb "$R_KB")" "${j_kw_sec:+$(mb "$j_kw_kb")}" \
				"${j_kw_kb:+$(ratio "$R_KB" "$j_kw_kb") (ours ÷ jieba)}"
		else
			note "\`policylens keywords --by year\` failed (exit $R_RC): keyword row skipped."
		fi
	else
		row "keywords, work reports: \`keywords --by year\` vs \`extract_tags(topK=10)\` per report (s wall)" \
			"skipped (not implemented)" "${j_kw_sec:+$(fmt "$j_kw_sec" %.2f)$j_kw_wc}" ""
		row "peak RSS, keywords" "—" "${j_kw_sec:+$(mb "$j_kw_kb")}" ""
		note "\`policylens keywords\` is not implemented in this build (\`keywords --help\` exits $kw_help_rc without documenting \`--by\`: a hidden placeholder), so its keyword row has only jieba. Per-document keywords come with \`analyze\` (rows above)."
	fi
fi

# --- compare and report on the work reports (issue 12; COMPARE's block) -------
# Goal: within 2x of `analyze` on the same file (CPU, default jobs), <= 150 MB.

# command_rows CMD...: times each command over the work reports against
# the CPU of `analyze` ($cr_anchor) and adds its time and RSS rows. The
# store of `index --db $TMP/index.db` is removed before every run, so each
# run is a full, first index (an incremental run of an unchanged corpus
# costs a tenth of a second).
command_rows() {
	local cmd
	for cmd in "$@"; do
		# shellcheck disable=SC2086 # the command's words
		BEFORE_EACH='rm -f "$TMP/index.db"*' repeat "$REPS" 1 "$TMP/cmd.out" "$BIN" $cmd -q "$GWR"
		if [[ $R_OK -ne 1 ]]; then
			note "\`${cmd%% --db*}\` over the work reports failed (exit $R_RC)."
			continue
		fi
		local label="\`${cmd%% --db*}\` (s wall)"
		[[ ${cmd%% --db*} != index ]] || label="\`index\`, a full first index (a new store each run; s wall)"
		row "work reports, $label" "$(fmt "$R_SEC" %.2f)$(cpupart)" "—" \
			"${cr_anchor:+$(ratio "${R_CPU:-0}" "$cr_anchor") (CPU ÷ the $(fmt "$cr_anchor" %.2f) s CPU of \`analyze\`; goal ≤ 2)}"
		row "peak RSS, \`${cmd%% *}\`, work reports" "$(mb "$R_KB")" "—" "goal ≤ 150 MB"
	done
	rm -f "$TMP/index.db"*
}

if [[ -f $GWR ]]; then
	say "policylens analyze, compare --by year and report over the work reports ($REPS runs each)"
	repeat "$REPS" 1 "$TMP/cr-analyze.jsonl" "$BIN" analyze --format jsonl -q "$GWR"
	cr_anchor=${R_CPU:-}
	command_rows "compare --by year --format json" "report --format html"
fi

# --- other corpus commands on the work reports (issue 13) ----------------------
# Goal: every command that reads documents within 2x of `analyze` on the
# same file (CPU, default jobs) and <= 150 MB; compare and report are above.

if [[ -f $GWR && -n ${cr_anchor:-} ]]; then
	say "policylens trends, keywords, kwic, segment and index over the work reports ($REPS runs each)"
	command_rows "trends --terms 经济,发展 --by year" "keywords --by year" "kwic 改革" "segment --format json" "index --db $TMP/index.db"
fi

# --- one large document --------------------------------------------------------

# The work reports as one plain text of LARGE_SIZES MB [1 4 16 50] (whole
# reports, cyclically, until the size is reached; 50 MB is within the
# default --max-bytes), analyzed as one document by `analyze --format json
# -o FILE` with the built-in soft memory limit (which follows the documents
# in flight) and with GOMEMLIMIT=off, and by `--format jsonl` for the
# largest. CPU per MB is compared with the batch of the same reports as 72
# records (jobs 1): the anchor, measured above in this run. Goal (issue
# 13): 50 MB in <= 300 MiB, CPU per MB within 1.2x of the batch.
LARGE_SIZES=${LARGE_SIZES:-1 4 16 50}
large_row() { # large_row MB BYTES LABEL
	local per_mb anchor_cell="" anchor_mb
	per_mb=$(awk -v c="${R_CPU:-0}" -v b="$2" 'BEGIN { printf "%.2f", c / (b / 1e6) }')
	if [[ -n ${GWR_CPU1:-} ]]; then
		anchor_mb=$(awk -v c="$GWR_CPU1" -v b="$gwr_bytes" 'BEGIN { printf "%.2f", c / (b / 1e6) }')
		anchor_cell="$(ratio "$per_mb" "$anchor_mb") (CPU/MB ÷ the 72 records' $anchor_mb s/MB)"
	fi
	row "one document of $1 MB, $3: CPU s per MB$(wallcpu)" "$per_mb s/MB" "—" "$anchor_cell"
	row "peak RSS, one document of $1 MB, $3" "$(mb "$R_KB")" "—" "goal ≤ 300 MiB at 50 MB"
}
if [[ -f $GWR ]]; then
	for size in $LARGE_SIZES; do
		"$PY" -c '
import json, sys
texts = [json.loads(l).get("content") or "" for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
want, n = float(sys.argv[3]) * 1e6, 0
with open(sys.argv[2], "w", encoding="utf-8") as f:
    while n < want:
        for t in texts:
            f.write(t + "\n")
            n += len(t.encode("utf-8")) + 1
            if n >= want:
                break' "$GWR" "$TMP/large.txt" "$size"
		large_bytes=$(stat -c %s "$TMP/large.txt")
		large_mb=$(awk -v b="$large_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
		formats=(json)
		[[ $size != "${LARGE_SIZES##* }" ]] || formats=(json jsonl)
		for lim in default off; do
			for f in "${formats[@]}"; do
				[[ $lim == default || $f == json ]] || continue
				say "one document of $large_mb MB, --format $f, memory limit $lim (1 run)"
				envs=()
				[[ $lim == default ]] || envs=(GOMEMLIMIT=off)
				repeat 1 0 /dev/null env "${envs[@]}" "$BIN" analyze --format "$f" -q -o "$TMP/large.out" "$TMP/large.txt"
				[[ $R_OK -eq 1 ]] || { note "one document of $large_mb MB ($f, $lim) failed (exit $R_RC)."; continue; }
				large_row "$large_mb" "$large_bytes" "\`-f $f\`, memory limit $lim"
			done
		done
		rm -f "$TMP/large.out"
	done
	note "one large document: the work reports' contents joined into one text of $LARGE_SIZES MB; \`analyze --format json -o FILE\` of it (and \`--format jsonl\` for the largest), one run each, with the built-in soft limit and with GOMEMLIMIT=off. Goals (issue 13): 50 MB in ≤ 300 MiB; CPU per MB within 1.2× of the 72 records. Peak RSS in this table is /usr/bin/time's kB ÷ 1024 (so MB here are MiB)."
fi

# --- scale and English -------------------------------------------------------

# folder_row LABEL DIR REPS JOBS: analyze a folder, one row of MB/s, one of RSS.
folder_row() {
	local label=$1 dir=$2 reps=$3 jobs=$4
	if [[ ! -d $dir ]]; then
		warn "missing $dir: row skipped"
		note "$label skipped: $dir is missing."
		return 0
	fi
	local bytes files
	bytes=$(bytes_of "$dir")
	files=$(find "$dir" -name '.?*' -prune -o -type f -printf . | wc -c)
	say "policylens analyze --jobs $jobs over $dir ($reps run(s))"
	repeat "$reps" 1 "$TMP/folder.jsonl" "$BIN" analyze --format jsonl --jobs "$jobs" -q "$dir"
	if [[ $R_OK -ne 1 ]]; then
		note "$label: analyze failed (exit $R_RC)."
		return 0
	fi
	local docs errs
	docs=$(nonempty_lines "$TMP/folder.jsonl")
	errs=$(grep -c '"error"\|^policylens:' "$TMP/err" || true)
	row "$label ($files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB), \`analyze --jobs $jobs\`" \
		"$(mbs "$bytes" "$R_SEC") MB/s$(wallcpu)" "—" ""
	row "peak RSS, $label" "$(mb "$R_KB")" "—" ""
	if [[ $errs -ne 0 ]]; then
		local sample
		sample=$(grep -m 1 '"error"\|^policylens:' "$TMP/err" | cut -c 1-160)
		note "$label: $docs documents analyzed, $errs refused (exit $R_RC), e.g. \`$sample\`."
	fi
}

folder_row "laws" "$LAWS" "$SCALE_REPS" 2
folder_row "executive orders" "$EOS" "$SCALE_REPS" 2
folder_row "English corpus" "$EN" "$REPS" 2
note "scale and English rows: MB/s = bytes of the files analyze takes ÷ whole-process wall time; no jieba run (jieba cuts Chinese only; the scale rows are ours alone)."

# --- report ------------------------------------------------------------------

J1=$(busy_jiffies)
T1=$(date +%s%N)
read -r OTHERS_CPU RUN_SEC < <(awk -v j0="$J0" -v j1="$J1" -v hz="$HZ" -v ours="$OURS_CPU" -v t0="$T0" -v t1="$T1" \
	'BEGIN { o = (j1 - j0) / hz - ours; if (o < 0) o = 0; printf "%.1f %.1f\n", o, (t1 - t0) / 1e9 }')
if [[ -n $TIMEBIN ]] && awk -v o="$OTHERS_CPU" -v s="$RUN_SEC" -v n="$(nproc)" 'BEGIN { exit !(o > 1 && o > 0.1 * s * n) }'; then
	note "other processes used about $OTHERS_CPU CPU seconds during the ${RUN_SEC} s of measurements (of $(nproc) × ${RUN_SEC} s): the wall times are probably inflated; compare the CPU seconds, or run again on a quiet machine."
fi
LOAD_END=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
# PDF (issue 15), after the load window above: a Go benchmark, not a
# policylens-vs-jieba row. The 200-page PDF is printed by Chromium at
# benchmark time from the repository's own texts (bench/pdf_test.go);
# without Chromium it skips.
say "BenchmarkPDF200 and BenchmarkPDF200Process (3 runs each)"
if pdf_out=$(cd "$ROOT" && go test -run '^$' -bench 'PDF200' -benchtime 3x ./bench 2>&1); then
	while read -r line; do
		note "PDF: \`$line\`"
	done < <(grep '^BenchmarkPDF200' <<<"$pdf_out")
	grep -q '^BenchmarkPDF200' <<<"$pdf_out" || note "PDF benchmarks skipped (no Chromium to print the PDF)."
else
	note "PDF benchmarks failed: $(tail -n 1 <<<"$pdf_out")"
fi
# The memory ceiling of one large document (issue 13), inside the process:
# the Go heap's peaks above the dictionaries (live as the collector marked
# it, and with garbage) while a plain text of 1, 4 and 16 MB is read,
# analyzed and written as JSON as `analyze -f json` does
# (bench/large_test.go), at GOGC=100 with no soft limit. It asserts
# nothing: the rows show whether the peak stays flat as the input grows.
say "BenchmarkLargeCeiling (1 run)"
if ceil_out=$(cd "$ROOT" && go test -run '^$' -bench 'LargeCeiling' -benchtime 1x ./bench 2>&1) &&
	ceil_line=$(grep '^BenchmarkLargeCeiling' <<<"$ceil_out"); then
	metric() { awk -v u="$1" '{ for (i = 2; i <= NF; i++) if ($i == u) print $(i - 1) }' <<<"$ceil_line"; }
	for mb in 1 4 16; do
		row "peak Go heap above the dictionaries, one document of $mb MB read as \`analyze -f json\` reads it (BenchmarkLargeCeiling, GOGC=100, no soft limit): live, and with garbage" \
			"$(metric "peak-live-${mb}MB") MB live, $(metric "peak-heap-${mb}MB") MB with garbage ($(metric "cpu-s/MB-${mb}MB") CPU s/MB)" "—" "flat ceiling wanted"
	done
	row "growth of those peaks per MB of input, 1 → 16 MB" "$(metric live-MB/MB) MB/MB live, $(metric ceiling-MB/MB) with garbage" "—" "about 0 when flat"
	note "memory ceiling: \`$ceil_line\`"
else
	note "BenchmarkLargeCeiling failed: $(tail -n 1 <<<"$ceil_out")"
fi

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
{
	echo "# policylens vs jieba"
	echo
	echo "- command: \`bench/run.sh\` (RUNS=$RUNS REPS=$REPS SCALE_REPS=$SCALE_REPS)"
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- commit: $COMMIT"
	echo "- $(go version)"
	echo "- CPU: ${cpu:-unknown}, $(nproc) cores; $(awk '/^MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
	echo "- machine load: ${BUSY_START}% CPU in use just before the run; during the ${RUN_SEC} s of measurements other processes used ≈${OTHERS_CPU} CPU s${TIMEBIN:+ (measured runs: $(fmt "$OURS_CPU" %.1f) s)}; load average $LOAD_START at the start, $LOAD_END at the end"
	echo "- policylens $("$BIN" version 2>/dev/null | head -n 1 | sed 's/^policylens //'); jieba $JIEBA_VERSION on $("$PY" --version 2>&1)"
	echo
	echo "| measure | policylens | jieba | ratio |"
	echo "|---|---|---|---|"
	printf '%s\n' "${ROWS[@]}"
	echo
	echo "Ratios: times as jieba ÷ ours and MB/s as ours ÷ jieba (above 1: policylens is faster); RSS as ours ÷ jieba (above 1: policylens uses more). policylens runs the full analysis (parse, segment, keywords, entities, directives, targets, JSON output), jieba only segments (or extracts tags), so the ratios compare a whole pipeline with a segmenter."
	echo
	printf '%s\n' "${NOTES[@]}"
} >"$TMP/report.md"
mkdir -p "$OUTDIR"
cp "$TMP/report.md" "$OUTDIR/latest.md"
cat "$TMP/report.md"
say "written to bench/out/latest.md"
