package parse

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// addSeeds adds every file of testdata/seeds to the corpus of f.
func addSeeds(f *testing.F) {
	f.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", "seeds"))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", "seeds", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkDocument reports a document that breaks Parse's promises.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	if len(d.Paragraphs) == 0 {
		t.Fatal("document without paragraphs")
	}
	for i, p := range d.Paragraphs {
		if p == "" || !utf8.ValidString(p) {
			t.Fatalf("paragraph %d is empty or not UTF-8: %q", i, p)
		}
	}
	for _, s := range []string{d.Title, d.OriginalTitle, d.Source, d.Author, d.Editor, d.Date} {
		if !utf8.ValidString(s) {
			t.Fatalf("metadata not UTF-8: %q", s)
		}
	}
}

func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Add([]byte("\n---\ntitle: 'a'\ncategories:\n - b\n---\n<p>原标题：x 来源：y</p><p>责任编辑：z</p>"))
	f.Add([]byte("---\n---\n# t\n<!-- INFO END -->\n第一条 x"))
	f.Add([]byte("## Summary\n**Date:** May 09, 2023\n---\nBIDEN.EPS\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []string{"", FormatSinaHexo, FormatHTML, FormatMarkdown, FormatText} {
			for _, name := range []string{"fuzz", "fuzz.md"} {
				if format != "" && name != "fuzz" {
					continue
				}
				d, err := Parse(name, data, Options{Format: format, MaxBytes: 1 << 20})
				if err != nil {
					if d != nil {
						t.Fatalf("%s: a document and an error %v", format, err)
					}
					continue
				}
				checkDocument(t, d)
			}
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f)
	f.Add([]byte("{\"content\":\"a\\nb\",\"year\":1954}\n\n{\"content\":1}\n[1]\nnull\n{\"content\":\"x\\u0000\\ud800\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, limit := range []int64{0, 64} {
			last := 0
			err := ReadJSONL(bytes.NewReader(data), "fuzz.jsonl", DefaultJSONLFields, limit, func(d *Document, err error) bool {
				var re *RecordError
				switch {
				case err != nil && !errors.As(err, &re):
					t.Fatalf("record error of type %T: %v", err, err)
				case err != nil:
					if re.Line <= last {
						t.Fatalf("line %d after line %d", re.Line, last)
					}
					last = re.Line
				case d == nil:
					t.Fatal("neither a document nor an error")
				default:
					checkDocument(t, d)
				}
				return true
			})
			if err != nil {
				t.Fatalf("ReadJSONL: %v", err)
			}
		}
	})
}
