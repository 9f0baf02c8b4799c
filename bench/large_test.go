package bench

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/reports"
)

// gwrPath holds three work reports (2024, 2025, 1954): the text the large
// documents are made of.
const gwrPath = "../testdata/docs/gwr/reports-2024-2025-1954.jsonl"

// largeText is one plain-text document of about size bytes: the work
// reports one after the other, repeated, each copy with its own numbered
// heading so that a heading never repeats.
func largeText(b *testing.B, size int) []byte {
	b.Helper()
	reports := reportTexts(b)
	var out bytes.Buffer
	for i := 0; out.Len() < size; i++ {
		out.WriteString("第" + strconv.Itoa(i) + "部分\n")
		out.WriteString(reports[i%len(reports)])
		out.WriteByte('\n')
	}
	text := out.Bytes()[:size]
	return text[:bytes.LastIndexByte(text, '\n')+1] // whole lines, whole characters
}

// peakHeap is the highest heap (garbage included) while f runs, above the
// heap before f, in bytes.
func peakHeap(f func()) uint64 { return peakHeaps(f).objects }

// cpuTime is the CPU time of the process so far (user and system): on a
// shared machine it says more than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchLarge analyzes one document of size bytes; it reports MB/s (time
// per byte must stay flat from 1 to 16 MB), cpu-s/MB (CPU seconds of the
// process per MB: GC included), peak-MB, the highest heap above the
// dictionaries while analyzing (objects, sampled every 2 ms: garbage
// included, so it depends on GOGC and GOMEMLIMIT), result-MB, what the
// returned Analysis holds (the input's paragraphs, the directives with
// their sentences, the mentions: it grows with the text by design), and
// work-MB, the peak less the result: the working memory, which the windows
// keep from growing with the document. Without a window the peak would
// grow by about 48 MB per MB of text. With spill (analyze.WithSpill, as
// `analyze -f json` runs), the paragraphs and directives go to a temporary
// file window by window: the result holds what spans the document, and
// the peak is the parsed text, let go as the windows go, and one window.
func benchLarge(b *testing.B, size int, spill bool) {
	a := analyzer(b, 1)
	if spill {
		var err error
		if a, err = analyze.New(analyze.WithJobs(1), analyze.WithSpill(b.TempDir())); err != nil {
			b.Fatal(err)
		}
	}
	src := analyze.Source{Name: "large.txt", Data: largeText(b, size)}
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ResetTimer()
	var peak, result uint64
	cpu0 := cpuTime()
	for b.Loop() {
		var res *analyze.Analysis
		p := peakHeap(func() {
			var err error
			if res, err = a.Analyze(ctx, src); err != nil {
				b.Fatal(err)
			}
		})
		if spill != res.Spilled() {
			b.Fatalf("spilled: %v, want %v", res.Spilled(), spill)
		}
		peak = max(peak, p)
		with := liveHeap()
		runtime.KeepAlive(res)
		res.Close()
		res = nil
		if without := liveHeap(); with > without {
			result = max(result, with-without)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N)/(float64(size)/1e6), "cpu-s/MB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(peak)/float64(size), "peak-B/B")
	b.ReportMetric(float64(result)/(1<<20), "result-MB")
	b.ReportMetric(float64(peak-min(peak, result))/(1<<20), "work-MB")
}

// liveHeap is the live heap after a collection.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// BenchmarkLarge1MB, 4MB and 16MB: one document of the work reports
// repeated (run with -benchtime 1x; 16 MB takes about a minute).
func BenchmarkLarge1MB(b *testing.B)  { benchLarge(b, 1<<20, false) }
func BenchmarkLarge4MB(b *testing.B)  { benchLarge(b, 4<<20, false) }
func BenchmarkLarge16MB(b *testing.B) { benchLarge(b, 16<<20, false) }

// BenchmarkLargeSpill1MB, 4MB and 16MB: the same documents with
// analyze.WithSpill, as the analyze command reads them for JSON.
func BenchmarkLargeSpill1MB(b *testing.B)  { benchLarge(b, 1<<20, true) }
func BenchmarkLargeSpill4MB(b *testing.B)  { benchLarge(b, 4<<20, true) }
func BenchmarkLargeSpill16MB(b *testing.B) { benchLarge(b, 16<<20, true) }

// ceilingSizes are the sizes BenchmarkLargeCeiling reads, in MB.
var ceilingSizes = []int{1, 4, 16}

// BenchmarkLargeCeiling reads one document of 1, 4 and 16 MB from a file
// as `analyze -f json -o FILE` does (a batch of one with
// analyze.WithSpill, its JSON written as it is read back) and reports,
// for each size, the CPU per MB and two peaks above the dictionaries while
// it is read, analyzed and written, sampled every 2 ms: peak-heap-NMB,
// the heap's objects, garbage included (at GOGC=100 and no soft limit
// the collector lets it reach about twice what is live, so it moves by
// several MB from run to run with the collector's timing), and
// peak-live-NMB, the heap the last collection found live, which is what
// the pipeline holds. Then the growth of each per MB of input from the
// smallest size to the largest (ceiling-MB/MB, live-MB/MB): about 0 when
// the memory ceiling is flat, as issue 13 wants. It asserts nothing;
// bench/run.sh records its line. Run with -benchtime 1x (about 20 s on 2
// idle cores).
func BenchmarkLargeCeiling(b *testing.B) {
	analyzer(b, 1) // dictionaries and models loaded before the baseline
	a, err := analyze.New(analyze.WithJobs(1), analyze.WithSpill(b.TempDir()))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	paths := make([]string, len(ceilingSizes))
	for i, mb := range ceilingSizes {
		paths[i] = filepath.Join(dir, "large"+strconv.Itoa(mb)+".txt")
		if err := os.WriteFile(paths[i], largeText(b, mb<<20), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	peaks := make([]heapPeaks, len(ceilingSizes))
	cpus := make([]time.Duration, len(ceilingSizes))
	for b.Loop() {
		for i, p := range paths {
			cpu0 := cpuTime()
			peaks[i] = peaks[i].max(peakHeaps(func() { writeJSON(b, a, p) }))
			cpus[i] += cpuTime() - cpu0
		}
	}
	for i, mb := range ceilingSizes {
		n := strconv.Itoa(mb) + "MB"
		b.ReportMetric(float64(peaks[i].objects)/(1<<20), "peak-heap-"+n)
		b.ReportMetric(float64(peaks[i].live)/(1<<20), "peak-live-"+n)
		b.ReportMetric(cpus[i].Seconds()/float64(b.N)/float64(mb), "cpu-s/MB-"+n)
	}
	last := len(ceilingSizes) - 1
	growth := func(v func(heapPeaks) uint64) float64 {
		return (float64(v(peaks[last])) - float64(v(peaks[0]))) / (1 << 20) / float64(ceilingSizes[last]-ceilingSizes[0])
	}
	b.ReportMetric(growth(func(p heapPeaks) uint64 { return p.objects }), "ceiling-MB/MB")
	b.ReportMetric(growth(func(p heapPeaks) uint64 { return p.live }), "live-MB/MB")
}

// heapPeaks are the highest heap (objects, garbage included) and live
// heap (as the last collection marked it) above a baseline, in bytes.
type heapPeaks struct{ objects, live uint64 }

func (p heapPeaks) max(q heapPeaks) heapPeaks {
	return heapPeaks{max(p.objects, q.objects), max(p.live, q.live)}
}

// peakHeaps samples the heap while f runs, every 2 ms, and returns its
// peaks above the heap before f (collected, so all of it live).
func peakHeaps(f func()) heapPeaks {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	var objects, live atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				metrics.Read(s)
				objects.Store(max(objects.Load(), s[0].Value.Uint64()))
				live.Store(max(live.Load(), s[1].Value.Uint64()))
			}
		}
	}()
	f()
	close(done)
	<-stopped
	above := func(v uint64) uint64 { return v - min(v, base) }
	return heapPeaks{above(objects.Load()), above(live.Load())}
}

// writeJSON analyzes the file at path as a batch of one and writes its
// JSON to nowhere, as `analyze -f json -o FILE` does.
func writeJSON(b *testing.B, a *analyze.Analyzer, path string) {
	err := a.Batch(context.Background(), []analyze.Input{{Path: path, ID: filepath.Base(path)}}, nil, func(r analyze.Result) error {
		if r.Err != nil {
			return r.Err
		}
		defer r.Analysis.Close()
		return reports.WriteJSON(io.Discard, r.Analysis)
	})
	if err != nil {
		b.Fatal(err)
	}
}
