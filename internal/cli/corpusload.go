package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
)

// analyzeAll analyzes every input in order, reporting failures one line
// each. A JSONL file that `analyze -f jsonl` wrote (its records carry the
// analysis schema) is read back instead of analyzed, so that a corpus is
// analyzed once for every corpus command.
func analyzeAll(ctx context.Context, s Streams, o *analyzeOptions, a *analyze.Analyzer, args []string) ([]*analyze.Analysis, int, error) {
	if docs, ok, err := storedCorpus(ctx); ok { // --db: read the store (storeinput.go)
		return docs, 0, err
	}
	inputs, _, errs := analyze.Inputs(args)
	failed := reportInputs(s.Err, o.format, errs)
	var docs []*analyze.Analysis
	var pending []analyze.Input
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		got, bad, err := batchAll(ctx, s, o, a, pending)
		docs, failed, pending = append(docs, got...), failed+bad, nil
		return err
	}
	for _, in := range inputs {
		if !isStoredAnalyses(in.Path) {
			pending = append(pending, in)
			continue
		}
		if err := flush(); err != nil {
			return docs, failed, err
		}
		done := phase(s.Err, o.quiet, "reading analyses")
		got, err := readAnalyses(in.Path)
		done()
		if err != nil {
			failed++
			reportInput(s.Err, o.format, in.Path, err)
		}
		docs = append(docs, got...)
	}
	err := flush()
	fitMemoryLimit()
	return docs, failed, err
}

func batchAll(ctx context.Context, s Streams, o *analyzeOptions, a *analyze.Analyzer, inputs []analyze.Input) ([]*analyze.Analysis, int, error) {
	var docs []*analyze.Analysis
	failed, err := eachAnalysis(ctx, s, o, a, inputs, func(an *analyze.Analysis) error {
		docs = append(docs, an)
		return nil
	})
	return docs, failed, err
}

// isStoredAnalyses reports whether path is a JSONL file whose first record
// is an analysis (schema policylens.analysis/v1).
func isStoredAnalyses(path string) bool {
	if path == "-" || !strings.HasSuffix(strings.ToLower(path), ".jsonl") {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false // reported when it is read as an input
	}
	defer f.Close()
	line, _ := bufio.NewReaderSize(f, 1<<16).ReadSlice('\n')
	i := bytes.Index(line, []byte(`"schema"`))
	return i >= 0 && i < 16 && bytes.Contains(line[:min(len(line), 64)], []byte(analyze.Schema))
}

// readAnalyses reads a JSONL file of analyses, one per line; a bad line
// fails the file, naming the line, and nothing of it is used.
func readAnalyses(path string) ([]*analyze.Analysis, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var out []*analyze.Analysis
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			a := &analyze.Analysis{}
			if jerr := json.Unmarshal(line, a); jerr != nil || a.Schema != analyze.Schema {
				return nil, fmt.Errorf("line %d: not an analysis of schema %s", n, analyze.Schema)
			}
			out = append(out, a)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
}

// periodsOf groups documents by period and says on stderr how many had no
// date and were left out.
func periodsOf(s Streams, docs []*analyze.Analysis, by string, pick []string) ([]compare.Period, error) {
	periods, undated := compare.Group(docs, by)
	if undated > 0 {
		fmt.Fprintf(s.Err, "policylens: %d document(s) without a date left out of the periods\n", undated)
	}
	if len(pick) == 0 {
		return periods, nil
	}
	return compare.Pick(periods, pick)
}

// checkPick reads the documents' dates (parsing only, no extractor) and
// fails naming a picked period that the corpus lacks, before the whole
// corpus is analyzed.
func checkPick(ctx context.Context, s Streams, o analyzeOptions, by string, pick []string, args []string) error {
	done := phase(s.Err, o.quiet, "reading dates")
	defer done()
	o.only, o.quiet = []string{"summary"}, true
	a, err := o.analyzer(io.Discard)
	if err != nil {
		return err
	}
	quiet := Streams{In: s.In, Out: s.Out, Err: io.Discard}
	docs, _, err := analyzeAll(ctx, quiet, &o, a, args)
	if err != nil {
		return err
	}
	periods, _ := compare.Group(docs, by)
	if _, err := compare.Pick(periods, pick); err != nil {
		return usagef("--pick: %v", err)
	}
	return nil
}

// phase shows a spinner on a terminal for a step that runs longer than a
// second; call the returned function when the step ends.
func phase(w io.Writer, quiet bool, name string) func() {
	f, ok := w.(*os.File)
	if quiet || !ok || !isatty.IsTerminal(f.Fd()) {
		return func() {}
	}
	done := make(chan struct{})
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		select {
		case <-done:
			return
		case <-time.After(time.Second):
		}
		bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(name),
			progressbar.OptionSpinnerType(14), progressbar.OptionThrottle(100*time.Millisecond))
		for {
			select {
			case <-done:
				bar.Finish()
				fmt.Fprintln(w)
				return
			case <-time.After(100 * time.Millisecond):
				bar.Add(1)
			}
		}
	}()
	return func() { close(done); <-ended }
}

// corpusHeadroom is the heap a corpus command allocates above what it holds
// while it compares: two periods' prepared directives and the output of
// one comparison (measured on the 72 work reports, 2026-12-06).
const corpusHeadroom = 40 << 20

// mainMemoryLimit is the soft memory limit that main set, and whether a
// command may move it: not when GOMEMLIMIT set it, nor when there is none.
func mainMemoryLimit() (int64, bool) {
	limit := debug.SetMemoryLimit(-1)
	return limit, os.Getenv("GOMEMLIMIT") == "" && limit != math.MaxInt64
}

// fitMemoryLimit raises the soft memory limit that main set for analyze to
// what a corpus command holds (the analyzer and every analysis) plus the
// headroom: under the analyze limit the garbage collector would run back
// to back and triple the CPU time. GOMEMLIMIT, or no limit, is left alone.
func fitMemoryLimit() {
	limit, ok := mainMemoryLimit()
	if !ok {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	if need := int64(sample[0].Value.Uint64()) + corpusHeadroom; need > limit {
		debug.SetMemoryLimit(need)
	}
}
