package bench

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/beam/pipeline"
	"github.com/policylens/policylens/reports"
)

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// lawsDir is the laws corpus named by $LAWS (the shared scale corpus, 28 MB,
// is never copied into the repository, and a benchmark reads no path
// outside it unless told to).
func lawsDir(b *testing.B) string {
	dir := os.Getenv("LAWS")
	if dir == "" {
		b.Skip("set LAWS to a laws corpus, e.g. ../shared/scale/laws")
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no laws corpus at %s (set LAWS)", dir)
	}
	return dir
}

// corpusBytes is the size of the Markdown files the pipeline's glob takes.
func corpusBytes(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			st, _ := d.Info()
			n += st.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// warm builds the shared dictionaries and models once, as a long-running
// worker has them, so that both benchmarks measure the steady state.
func warm(b *testing.B) {
	a, err := analyze.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, text := range []string{"会议要求，各地区要严格落实安全生产责任。", "Agencies shall report within 30 days."} {
		if _, err := a.Analyze(context.Background(), analyze.Source{Name: "warm.txt", Data: []byte(text)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrism runs the whole pipeline (match, analyze, aggregate,
// write) on Prism with two documents analyzed at once.
func BenchmarkPrism(b *testing.B) {
	dir := lawsDir(b)
	b.SetBytes(corpusBytes(b, dir))
	warm(b)
	o := pipeline.Defaults
	o.Inputs, o.Threads, o.Groups = []string{dir + "/*/*.md", dir + "/*/*/*.md"}, 2, 16
	for b.Loop() {
		o.Output = b.TempDir()
		p, s := beam.NewPipelineWithRoot()
		if err := pipeline.Build(s, o); err != nil {
			b.Fatal(err)
		}
		if err := ptest.Run(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatch is `policylens analyze --jobs 2 -f jsonl` on the same
// files, written to nowhere.
func BenchmarkBatch(b *testing.B) {
	dir := lawsDir(b)
	b.SetBytes(corpusBytes(b, dir))
	warm(b)
	a, err := analyze.New(analyze.WithJobs(2))
	if err != nil {
		b.Fatal(err)
	}
	inputs, _, _ := analyze.Inputs([]string{dir})
	for b.Loop() {
		out, err := reports.New("jsonl", io.Discard, reports.Options{})
		if err != nil {
			b.Fatal(err)
		}
		err = a.Batch(context.Background(), inputs, nil, func(r analyze.Result) error {
			if r.Analysis != nil {
				return out.Write(r.Analysis)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
