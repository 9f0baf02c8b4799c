package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/samples"
)

func TestSamplesCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	code, out, errs := run(t, "", "samples", dir)
	if code != 0 || strings.Count(out, "\n") != len(samples.Names()) || !strings.Contains(errs, "try: policylens analyze") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = run(t, "", "samples", dir)
	if code != ExitFailure || !strings.Contains(errs, "exists; will not overwrite it (use --force)") {
		t.Errorf("second run: exit %d, %q", code, errs)
	}
	if code, _, _ := run(t, "", "samples", "--force", dir); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
}

// TestHelpExamplesRun runs the examples of the commands whose help uses the
// samples, in a folder where `policylens samples samples` wrote them: after
// `go install` they are all a user has.
func TestHelpExamplesRun(t *testing.T) {
	dir := t.TempDir()
	if _, err := samples.Write(filepath.Join(dir, "samples"), false); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	// what the lexicons example makes with mkdir and show | head -8
	_, markers, _ := run(t, "", "lexicons", "show", "markers.zh.tsv")
	os.Mkdir("mylex", 0o755)
	os.WriteFile(filepath.Join("mylex", "markers.zh.tsv"), []byte(strings.Join(strings.SplitAfter(markers, "\n")[:8], "")), 0o644)
	root := newRoot(Streams{})
	for _, name := range []string{"analyze", "keywords", "samples", "lexicons"} {
		cmd, _, err := root.Find([]string{name})
		if err != nil || cmd.Example == "" {
			t.Fatalf("%s: %v, no examples", name, err)
		}
		for _, line := range strings.Split(cmd.Example, "\n") {
			args := strings.Fields(strings.TrimSpace(strings.Split(line, "#")[0]))
			if len(args) < 2 || args[0] != "policylens" || strings.ContainsAny(line, "|>&") || args[1] == "samples" {
				continue // shell pipelines and the samples command itself are left to the shell
			}
			args = args[1:]
			if sub, _, _ := root.Find(args); sub.Flags().Lookup("quiet") != nil {
				args = append(args, "--quiet")
			}
			if code, _, errs := run(t, "", args...); code != 0 {
				t.Errorf("example %q: exit %d: %s", line, code, errs)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "samples.jsonl")); err != nil {
		t.Errorf("the -o example wrote nothing: %v", err)
	}
}

// TestSummary: --summary prints one row per document in every format.
func TestSummary(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if _, err := samples.Write(dir, false); err != nil {
		t.Fatal(err)
	}
	news := filepath.Join(dir, "zh-news")
	code, out, errs := run(t, "", "analyze", "--summary", "--width", "120", news)
	if code != 0 || !strings.Contains(out, "Summary (3 documents)") || !strings.Contains(out, "│ 20211217-13091315907.md │ 2021-12-17 │") {
		t.Fatalf("table: exit %d, %s\n%s", code, errs, out)
	}
	code, out, _ = run(t, "", "analyze", "--summary", "--format", "jsonl", news)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var s docSummary
	if code != 0 || len(lines) != 3 || json.Unmarshal([]byte(lines[2]), &s) != nil {
		t.Fatalf("jsonl: exit %d, %q", code, out)
	}
	if s.Document != filepath.Join(news, "20211217-13091315907.md") || !strings.HasPrefix(s.Date, "2021-12-17") || s.Directives == 0 || s.MustProhibit > s.Directives || len(s.Keywords) != 3 {
		t.Errorf("jsonl row: %+v", s)
	}
	code, out, _ = run(t, "", "analyze", "--summary", "--format", "csv", news)
	if code != 0 || strings.Count(out, "\n") != 4 || !strings.HasPrefix(out, "document,title,date,directives,must_prohibit,keywords\n") {
		t.Errorf("csv: exit %d, %q", code, out)
	}
	if code, _, _ := run(t, "", "analyze", "--summary", "--only", "keywords", news); code != ExitUsage {
		t.Errorf("--summary --only: exit %d, want 2", code)
	}
}
