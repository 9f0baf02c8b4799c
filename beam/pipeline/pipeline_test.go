package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/policylens/policylens/analyze"
)

// The Prism runner, in this process: `go test ./...` needs nothing else.
func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// cliOutput runs `policylens analyze -f jsonl` on the inputs, built in
// the main module (the one this module replaces), and returns its lines
// and the failures it reported on stderr.
func cliOutput(t *testing.T, args ...string) (lines []string, failed []FailedRow) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "policylens")
	build := exec.Command("go", "build", "-o", bin, "./cmd/policylens")
	build.Dir = "../.." // the main module, with its own go.mod
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the CLI: %v\n%s", err, out)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, append([]string{"analyze", "-f", "jsonl", "-q", "-j", "2"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // exit 1 when an input fails, as here on purpose
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		var e struct{ Error, File, Warning string }
		mustDecode(t, l, &e)
		if e.Error != "" {
			failed = append(failed, FailedRow{Input: e.File, Error: e.Error})
		}
	}
	return strings.Split(strings.TrimSpace(stdout.String()), "\n"), failed
}

// runPipeline runs the pipeline on Prism and returns its output folder.
func runPipeline(t *testing.T, o Options) string {
	t.Helper()
	o.Output = t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return o.Output
}

// readLines reads the lines of the named output files, in file order.
func readLines(t *testing.T, dir string, names ...string) []string {
	t.Helper()
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.TrimSpace(string(b)); s != "" {
			out = append(out, strings.Split(s, "\n")...)
		}
	}
	return out
}

func byID(t *testing.T, lines []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, l := range lines {
		var a analyze.Analysis
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("%v: %.80s", err, l)
		}
		if _, dup := out[a.Document.ID]; dup {
			t.Fatalf("id %q twice", a.Document.ID)
		}
		out[a.Document.ID] = l
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestMatchesCLI: the JSONL of the pipeline is the CLI's, document for
// document and byte for byte; the failures are the CLI's failures.
func TestMatchesCLI(t *testing.T) {
	o := Defaults
	o.Inputs, o.Shards, o.Groups, o.Threads = []string{"testdata/in/*"}, 3, 5, 2
	dir := runPipeline(t, o)
	var shards []string
	for i := range o.Shards {
		shards = append(shards, ShardName(i, o.Shards))
	}
	got := byID(t, readLines(t, dir, shards...))
	cliLines, cliFailed := cliOutput(t, "testdata/in")
	want := byID(t, cliLines)
	if !slices.Equal(sortedKeys(got), sortedKeys(want)) {
		t.Fatalf("ids:\n got %q\nwant %q", sortedKeys(got), sortedKeys(want))
	}
	if len(want) != 7 { // 4 files and 3 records; an empty file and 2 records fail
		t.Errorf("%d documents, want 7: %q", len(want), sortedKeys(want))
	}
	for _, id := range sortedKeys(want) {
		if got[id] != want[id] {
			k := 0
			for k < len(got[id]) && k < len(want[id]) && got[id][k] == want[id][k] {
				k++
			}
			t.Errorf("%s differs from the CLI's at byte %d:\n got …%.200s\nwant …%.200s", id, k, got[id][max(0, k-100):], want[id][max(0, k-100):])
		}
	}
	var failed []FailedRow
	for _, l := range readLines(t, dir, FailedFile) {
		var r FailedRow
		mustDecode(t, l, &r)
		failed = append(failed, r)
	}
	slices.SortFunc(cliFailed, func(a, b FailedRow) int { return strings.Compare(a.Input, b.Input) })
	if len(failed) != 3 || !slices.Equal(failed, cliFailed) {
		t.Errorf("failed inputs:\n got %q\nwant %q (the CLI's)", failed, cliFailed)
	}
	checkAggregates(t, dir, slices.Collect(func(yield func(string) bool) {
		for _, id := range sortedKeys(want) {
			yield(want[id])
		}
	}), o.By)
}

// checkAggregates recomputes the aggregates from the CLI's output and
// compares them with the pipeline's files, row for row.
func checkAggregates(t *testing.T, dir string, cli []string, by string) {
	t.Helper()
	want := map[string]int{}
	for _, l := range cli {
		var a analyze.Analysis
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		p := Period(a.Document, by)
		for _, k := range a.Keywords {
			want[strings.Join([]string{"kw", p, k.Term}, "|")] += k.Count
		}
		for _, d := range a.Directives {
			want[strings.Join([]string{"dir", d.Issuer, d.Force, p}, "|")]++
		}
		seen := map[string]bool{}
		for _, e := range a.Entities {
			k := strings.Join([]string{"ent", e.Type, e.Text}, "|")
			if !seen[k] {
				seen[k] = true
				want[k]++
			}
		}
	}
	got := map[string]int{}
	add := func(k string, n int) {
		if _, dup := got[k]; dup {
			t.Errorf("aggregate row %q twice", k)
		}
		got[k] = n
	}
	for _, l := range readLines(t, dir, KindKeyword+".jsonl") {
		var r KeywordRow
		mustDecode(t, l, &r)
		add(strings.Join([]string{"kw", r.Period, r.Term}, "|"), r.Count)
	}
	for _, l := range readLines(t, dir, KindDirective+".jsonl") {
		var r DirectiveRow
		mustDecode(t, l, &r)
		add(strings.Join([]string{"dir", r.Issuer, r.Force, r.Period}, "|"), r.Count)
	}
	for _, l := range readLines(t, dir, KindEntity+".jsonl") {
		var r EntityRow
		mustDecode(t, l, &r)
		add(strings.Join([]string{"ent", r.Type, r.Text}, "|"), r.Documents)
	}
	if len(want) == 0 {
		t.Fatal("no aggregates in the CLI's output")
	}
	for _, k := range sortedKeys(want) {
		if got[k] != want[k] {
			t.Errorf("%s: %d, want %d", k, got[k], want[k])
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %d, not in the CLI's output", k, got[k])
		}
	}
}

func mustDecode(t *testing.T, line string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(line), v); err != nil {
		t.Fatalf("%v: %q", err, line)
	}
}

// TestSameWhateverParallelism: other groups, threads and one bundle at a
// time give the same files, byte for byte.
func TestSameWhateverParallelism(t *testing.T) {
	o := Defaults
	o.Inputs, o.Shards = []string{"testdata/in/*.jsonl", "testdata/in/*.md", "testdata/in/*.txt"}, 2
	o.Groups, o.Threads = 1, 1
	a := runPipeline(t, o)
	o.Groups, o.Threads = 7, 3
	b := runPipeline(t, o)
	for _, name := range Files(o.Shards) {
		x, y := readLines(t, a, name), readLines(t, b, name)
		if !slices.Equal(x, y) {
			t.Errorf("%s differs: %d lines against %d", name, len(x), len(y))
		}
		if name == ShardName(0, o.Shards) && len(x) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := Defaults
	ok.Inputs, ok.Output = []string{"testdata/in/*"}, t.TempDir()
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*Options){
		"no input":       func(o *Options) { o.Inputs = nil },
		"no output":      func(o *Options) { o.Output = "" },
		"by week":        func(o *Options) { o.By = "week" },
		"lang fr":        func(o *Options) { o.Lang = "fr" },
		"no shards":      func(o *Options) { o.Shards = 0 },
		"hdfs input":     func(o *Options) { o.Inputs = []string{"hdfs://nn/corpus/*.md"} },
		"unknown output": func(o *Options) { o.Output = "ftp://host/out" },
	} {
		o := ok
		change(&o)
		if err := o.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error of several lines: %q", name, err)
		}
	}
}

// TestMainModuleHasNoBeam: the library and the CLI do not pull in Beam.
func TestMainModuleHasNoBeam(t *testing.T) {
	b, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("apache/beam")) {
		t.Error("the main module's go.mod requires Beam")
	}
}
