package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerboseNamesSkipped: a folder walk counts what it skips; -v names
// each file with the reason, as a warning line (JSON with --format json).
func TestVerboseNamesSkipped(t *testing.T) {
	dir := t.TempDir()
	doc, _ := os.ReadFile(seed)
	os.WriteFile(filepath.Join(dir, "notice.md"), doc, 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# about\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "data.csv"), []byte("a,b\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "Makefile"), []byte("all:\n"), 0o644)
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "config"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link"))

	code, _, errs := run(t, "", "analyze", "--only", "summary", dir)
	if code != 0 || !strings.Contains(errs, "skipped 4 file(s) of other types (-v names them)") {
		t.Errorf("count: exit %d, %q", code, errs)
	}
	code, _, errs = run(t, "", "analyze", "-v", "--only", "summary", dir)
	want := []string{
		"policylens: " + filepath.Join(dir, "README.md") + ": warning: skipped: the folder's own documentation",
		"policylens: " + filepath.Join(dir, "data.csv") + ": warning: skipped: not a document type (.csv; a folder walk reads ",
		"policylens: " + filepath.Join(dir, "link") + ": warning: skipped: a link to a folder",
		"policylens: " + filepath.Join(dir, "sub", "Makefile") + ": warning: skipped: not a document type (no extension;",
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != 0 || len(lines) != len(want) {
		t.Fatalf("-v: exit %d, stderr:\n%s", code, errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want it to start %q", i, lines[i], w)
		}
	}
	_, _, errs = run(t, "", "keywords", "-v", "--format", "json", "--by", "file", dir)
	var e map[string]string
	first, _, _ := strings.Cut(errs, "\n")
	if err := json.Unmarshal([]byte(first), &e); err != nil || !strings.HasPrefix(e["warning"], "skipped: ") {
		t.Errorf("keywords -v --format json: %q", errs)
	}
}
