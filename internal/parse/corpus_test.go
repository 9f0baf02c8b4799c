package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir holds the real documents copied into the repository (public
// news, gov.cn pages, laws, orders; see testdata/labels/SPLITS.md).
const corpusDir = "../../testdata/docs"

func TestCorpus(t *testing.T) {
	n := 0
	err := filepath.WalkDir(corpusDir, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, path)
		switch {
		case strings.HasSuffix(rel, ".jsonl"):
			return nil // TestCorpusWorkReports
		}
		n++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		d, err := Parse(rel, data, Options{})
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		checkClean(t, rel, d)
		if dir, name := filepath.Split(filepath.ToSlash(rel)); strings.HasSuffix(dir, "zh-news/") {
			if d.Format != FormatSinaHexo || d.Title == "" || !strings.HasPrefix(d.Date, name[:4]) {
				t.Errorf("%s: format %q title %q editor %q date %q", rel, d.Format, d.Title, d.Editor, d.Date)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("only %d documents under %s", n, corpusDir)
	}
}

func TestCorpusWorkReports(t *testing.T) {
	path := filepath.Join(corpusDir, "gwr", "reports-2024-2025-1954.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs := 0
	err = ReadJSONL(f, "reports-2024-2025-1954.jsonl", DefaultJSONLFields, 50<<20, func(d *Document, err error) bool {
		if err != nil {
			t.Error(err)
			return true
		}
		docs++
		checkClean(t, d.ID, d)
		checkNoNotice(t, d)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if docs != 3 {
		t.Errorf("%d documents, want 3", docs)
	}
}
