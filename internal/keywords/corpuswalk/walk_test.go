package corpuswalk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/parse"
)

// TestWalk: a generator given a wrong or empty folder gets an error, not
// empty tables; a folder's documents and JSON Lines records are each added.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	add := func(*parse.Document) {}
	if err := Walk(filepath.Join(dir, "missing"), add); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("missing folder: %v, want an error naming it", err)
	}
	if err := Walk(dir, add); err == nil || !strings.Contains(err.Error(), "no documents") {
		t.Fatalf("empty folder: %v, want no documents", err)
	}
	files := map[string]string{
		"a.md":        "# 标题\n\n各地区要加强监管。\n",
		"README.md":   "# about this corpus\n",
		"b.jsonl":     `{"title":"一","content":"要做好工作。"}` + "\n" + `{"title":"二","content":"要加强管理。"}` + "\n",
		"notes.bin":   "\x00\x01",
		"sub/c.txt":   "应当依法办理。\n",
		"sub/d.jsonl": "",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var titles []string
	if err := Walk(dir, func(d *parse.Document) { titles = append(titles, d.Title) }); err != nil {
		t.Fatal(err)
	}
	if len(titles) != 4 {
		t.Fatalf("got %d documents %q, want 4 (a.md, two records, c.txt)", len(titles), titles)
	}
}
