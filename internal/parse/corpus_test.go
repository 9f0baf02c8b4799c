package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is the shared real-world corpus (see its README.md). It lives
// outside the module, so CI may not have it.
const corpusDir = "/work/shared/corpus"

func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("shared corpus not available at %s (%v); it is not part of the module", corpusDir, err)
	}
	n := 0
	err := filepath.WalkDir(corpusDir, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, path)
		switch {
		case rel == "README.md" || rel == "MANIFEST.tsv":
			return nil
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
		if strings.HasPrefix(rel, "zh-news/") {
			if d.Format != FormatSinaHexo || d.Title == "" || d.Editor == "" || !strings.HasPrefix(d.Date, rel[8:12]) {
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
	path := filepath.Join(corpusDir, "gwr", "government_work_reports.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared corpus not available at %s (%v); it is not part of the module", path, err)
	}
	defer f.Close()
	docs := 0
	err = ReadJSONL(f, "government_work_reports.jsonl", DefaultJSONLFields, 50<<20, func(d *Document, err error) bool {
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
	if docs != 72 {
		t.Errorf("%d documents, want 72", docs)
	}
}
