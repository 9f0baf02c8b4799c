package samples

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	names := Names()
	want := []string{"README.md", "en/eo-2021-09-09-executive-order-14042.md", "zh-docs/中国人民银行法(2003-12-27).md",
		"zh-news/20210322-34144368554.md", "zh-news/20210723-34888414455.md", "zh-news/20211217-13091315907.md"}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("Names() = %q, want %q", names, want)
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "samples")
	written, err := Write(dir, false)
	if err != nil || len(written) != len(Names()) {
		t.Fatalf("Write: %d files, %v", len(written), err)
	}
	for _, n := range Names() {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
		want, _ := Read(n)
		if err != nil || !bytes.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s: %v, %d bytes, want %d", n, err, len(got), len(want))
		}
	}
	// a second time: refused before anything is written
	os.Remove(written[0])
	if _, err := Write(dir, false); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("second Write: %v, want an error naming an existing file", err)
	}
	if _, err := os.Stat(written[0]); err == nil {
		t.Error("a refused Write wrote a file")
	}
	if _, err := Write(dir, true); err != nil {
		t.Errorf("Write with overwrite: %v", err)
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "zh-news"))
	if len(ents) != 3 {
		t.Errorf("zh-news holds %d entries, want 3 (no temporary files)", len(ents))
	}
}
