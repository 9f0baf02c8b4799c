package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/reports"
)

// `analyze -f json` reads a document of several windows with its
// paragraphs and directives spilled to the temporary folder: the file it
// writes is the library's analysis, filtered by --force, byte for byte,
// and the temporary folder is left empty.
func TestAnalyzeLongDocumentSpilled(t *testing.T) {
	seed, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(string(seed), "\n---\n"), "\n---\n")
	dir := t.TempDir()
	long := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(long, []byte(strings.Repeat(body+"\n", 60)), 0o644); err != nil {
		t.Fatal(err)
	}
	spillDir := t.TempDir()
	t.Setenv("TMPDIR", spillDir)
	out := filepath.Join(dir, "out.json")
	if code, _, errs := run(t, "", "analyze", "-f", "json", "--force", "must,prohibit", "-o", out, long); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(long)
	res, err := a.Analyze(context.Background(), analyze.Source{Name: long, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if res.Document.Chars <= 1<<17 {
		t.Fatalf("%d characters: one window, nothing to spill", res.Document.Chars)
	}
	res.Document.ID, res.Document.Path = "long.txt", long // as a batch names a file
	res.KeepForces("must", "prohibit")
	var want bytes.Buffer
	if err := reports.WriteJSON(&want, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || len(res.Directives) == 0 {
		t.Errorf("analyze -f json wrote %d bytes, the library's analysis is %d bytes (%d directives)", len(got), want.Len(), len(res.Directives))
	}
	if es, _ := os.ReadDir(spillDir); len(es) > 0 {
		t.Errorf("%d files left in the temporary folder", len(es))
	}
}
