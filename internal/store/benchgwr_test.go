//go:build unix

package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"syscall"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// BenchmarkWriteGWR writes the analyses of a JSONL corpus (PL_GWR, e.g.
// ../shared/corpus/gwr/government_work_reports.jsonl) into a new store as
// index does (batches of 8 documents or 16,000 characters, the indexes
// put off and made at the end), and reports the process's CPU per run,
// its minimum and median: the store's share of a first index, without the
// analysis. PL_BS and PL_BC change the batch; PL_BULK=0 keeps the indexes.
//
//	PL_GWR=FILE go test -run '^$' -bench WriteGWR -benchtime 6x ./internal/store
func BenchmarkWriteGWR(b *testing.B) {
	path := os.Getenv("PL_GWR")
	if path == "" {
		b.Skip("set PL_GWR to a JSONL corpus")
	}
	ctx := context.Background()
	a, err := analyze.New(analyze.WithExplain(true), analyze.WithKeywords(10))
	if err != nil {
		b.Fatal(err)
	}
	var docs []Doc
	inputs, _, _ := analyze.Inputs([]string{path})
	err = a.Batch(ctx, inputs, nil, func(r analyze.Result) error {
		if r.Err == nil {
			r.Analysis.Document.ID = r.Name
			docs = append(docs, Doc{Input: path, Version: "v1", Analysis: r.Analysis})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	bs, _ := strconv.Atoi(os.Getenv("PL_BS"))
	if bs == 0 {
		bs = 8
	}
	bc, _ := strconv.Atoi(os.Getenv("PL_BC"))
	if bc == 0 {
		bc = 16000
	}
	b.ResetTimer()
	c0 := cpuNow()
	var per []float64
	for b.Loop() {
		runtime.GC()
		ci := cpuNow()
		dir := b.TempDir()
		st, err := OpenForIndex(ctx, filepath.Join(dir, "s.db"))
		if err != nil {
			b.Fatal(err)
		}
		if os.Getenv("PL_BULK") != "0" {
			if err := st.DeferIndexes(ctx); err != nil {
				b.Fatal(err)
			}
		}
		var ids []string
		start, chars := 0, 0
		for j, d := range docs {
			ids = append(ids, d.Analysis.Document.ID)
			chars += d.Analysis.Document.Chars
			if j+1-start >= bs || chars >= bc || j == len(docs)-1 {
				if err := st.Write(ctx, docs[start:j+1]); err != nil {
					b.Fatal(err)
				}
				start, chars = j+1, 0
			}
		}
		if err := st.FinishInput(ctx, Input{Path: path, Hash: "h", Version: "v1"}, ids); err != nil {
			b.Fatal(err)
		}
		if err := st.RestoreIndexes(ctx); err != nil {
			b.Fatal(err)
		}
		st.Close()
		per = append(per, cpuNow()-ci)
	}
	sort.Float64s(per)
	b.ReportMetric((cpuNow()-c0)/float64(len(per))*1000, "cpu-ms/op")
	b.ReportMetric(per[0]*1000, "min-ms")
	b.ReportMetric(per[len(per)/2]*1000, "med-ms")
}

// cpuNow is the process's user and system CPU in seconds: on a shared
// machine, wall time says more about the others than about the store.
func cpuNow() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
