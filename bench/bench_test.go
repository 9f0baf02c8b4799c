package bench

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/policylens/policylens/analyze"
)

// The documents benchmarked, relative to this folder.
const (
	seedPath    = "../testdata/docs/seed.md"
	lawPath     = "../testdata/docs/zh-docs/明码标价和禁止价格欺诈规定(2022-04-14).md"
	englishPath = "../testdata/docs/en/eo-2025-01-20-executive-order-14158.md"
)

// docsPaths are the shipped documents a batch reads: not the labelled
// corpus nor the held-out rounds, whose outputs nobody may look at.
var docsPaths = []string{"../testdata/docs/seed.md", "../testdata/docs/zh-docs", "../testdata/docs/zh-news",
	"../testdata/docs/en", "../testdata/docs/gwr"}

// analyzers are built once per jobs count and warmed up (dictionaries and
// models are loaded on first use), so the Analyze and Batch benchmarks
// measure the steady state; BenchmarkNew measures the cold start.
var (
	analyzersMu sync.Mutex
	analyzers   = map[int]*analyze.Analyzer{}
)

func analyzer(b *testing.B, jobs int) *analyze.Analyzer {
	b.Helper()
	analyzersMu.Lock()
	defer analyzersMu.Unlock()
	if a, ok := analyzers[jobs]; ok {
		return a
	}
	a, err := analyze.New(analyze.WithJobs(jobs))
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range []string{seedPath, englishPath} { // load the zh dictionary and the English models
		if _, err := a.Analyze(context.Background(), analyze.Source{Name: p, Data: read(b, p)}); err != nil {
			b.Fatalf("warm-up %s: %v", p, err)
		}
	}
	analyzers[jobs] = a
	return a
}

func read(b *testing.B, path string) []byte {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func benchAnalyze(b *testing.B, path string) {
	a := analyzer(b, 1)
	src := analyze.Source{Name: path, Data: read(b, path)}
	ctx := context.Background()
	b.SetBytes(int64(len(src.Data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := a.Analyze(ctx, src); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
}

// reportCPU reports the process's CPU time per iteration since cpu0: on a
// machine shared with other work, wall time measures the neighbours, and
// CPU time mostly measures the code (garbage collection included).
func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkAnalyzeSeed: a short news article (Sina Hexo post, ~1,200 characters).
func BenchmarkAnalyzeSeed(b *testing.B) { benchAnalyze(b, seedPath) }

// BenchmarkAnalyzeLaw: a ministry rule in Markdown, article by article.
func BenchmarkAnalyzeLaw(b *testing.B) { benchAnalyze(b, lawPath) }

// BenchmarkAnalyzeEnglish: a US executive order (Federal Register Markdown).
func BenchmarkAnalyzeEnglish(b *testing.B) { benchAnalyze(b, englishPath) }

// reportsPath holds work reports of 2024, 2025 and 1954, one JSON record
// per report: the kind of text bench/run.sh compares with jieba.
const reportsPath = "../testdata/docs/gwr/reports-2024-2025-1954.jsonl"

// BenchmarkAnalyzeReports: the work reports of reportsPath, one worker; the
// steady-state CPU cost per byte of the text bench/run.sh measures.
func BenchmarkAnalyzeReports(b *testing.B) { benchPaths(b, 1, []string{reportsPath}) }

func benchBatch(b *testing.B, jobs int) { benchPaths(b, jobs, docsPaths) }

func benchPaths(b *testing.B, jobs int, paths []string) {
	a := analyzer(b, jobs)
	inputs, _, errs := analyze.Inputs(paths)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	var size int64
	for _, in := range inputs {
		st, err := os.Stat(in.Path)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	ctx := context.Background()
	docs, failed := 0, 0
	emit := func(r analyze.Result) error {
		docs++
		if r.Err != nil {
			failed++
		}
		return nil
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		docs, failed = 0, 0
		if err := a.Batch(ctx, inputs, nil, emit); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportCPU(b, cpu0)
	if failed > 0 {
		b.Fatalf("%d of %d documents failed", failed, docs)
	}
	b.ReportMetric(float64(docs), "docs/op")
}

// BenchmarkBatch1 and BenchmarkBatch2: the documents of docsPaths
// (the JSONL work reports count as one document per record), 1 and 2 workers.
func BenchmarkBatch1(b *testing.B) { benchBatch(b, 1) }
func BenchmarkBatch2(b *testing.B) { benchBatch(b, 2) }

func benchNew(b *testing.B, opts func(b *testing.B) []analyze.Option) {
	src := analyze.Source{Name: seedPath, Data: read(b, seedPath)}
	ctx := context.Background()
	o := opts(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a, err := analyze.New(o...)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := a.Analyze(ctx, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew: analyze.New plus the first Analyze of the seed, which loads
// the Chinese dictionary of the new Analyzer. The built-in lexicons are
// compiled once per process (lexicon.Builtin) and gse's HMM tables are
// loaded once per process, so after the first iteration they are not in
// this number; BenchmarkNewFreshLexicons includes the lexicon compile.
func BenchmarkNew(b *testing.B) {
	benchNew(b, func(*testing.B) []analyze.Option { return nil })
}

// BenchmarkNewFreshLexicons: as BenchmarkNew, but with an (empty) user
// lexicon folder, which makes New compile all the lexicons again: the
// closest to a process's cold start inside one process.
func BenchmarkNewFreshLexicons(b *testing.B) {
	benchNew(b, func(b *testing.B) []analyze.Option {
		return []analyze.Option{analyze.WithLexiconDirs(b.TempDir())}
	})
}

// hostileSize is the size of the hostile inputs below, in runes: large
// enough that a quadratic stage shows, small enough for a benchmark.
const hostileSize = 60000

// ordinaryText repeats the seed's body to hostileSize runes, one line per
// paragraph as in the hostile inputs.
func ordinaryText(b *testing.B) []byte {
	b.Helper()
	seed := []rune(string(read(b, seedPath)))
	out := make([]rune, 0, hostileSize)
	for len(out) < hostileSize {
		out = append(out, seed[:min(len(seed), hostileSize-len(out))]...)
	}
	return []byte(string(out))
}

func benchText(b *testing.B, name string, data []byte) {
	a := analyzer(b, 1)
	src := analyze.Source{Name: name, Data: data}
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := a.Analyze(ctx, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostileRepeated is one character repeated: it must run within 2×
// BenchmarkHostileOrdinary (bench/run.sh reports the ratio).
func BenchmarkHostileRepeated(b *testing.B) {
	benchText(b, "repeated.txt", []byte(strings.Repeat("的", hostileSize)))
}

// BenchmarkHostileOneLine is ordinary text with no line break nor sentence
// punctuation: one paragraph, one clause.
func BenchmarkHostileOneLine(b *testing.B) {
	t := strings.NewReplacer("\n", "", "。", "", "，", "", "；", "").Replace(string(ordinaryText(b)))
	benchText(b, "oneline.txt", []byte(t))
}

// BenchmarkHostileOrdinary is the anchor: the seed repeated to the same size.
func BenchmarkHostileOrdinary(b *testing.B) {
	benchText(b, "ordinary.md", ordinaryText(b))
}
