package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/golden"
)

// docsDir holds the shipped sample documents.
const docsDir = "../../testdata/docs"

// goldenPath names the golden file of a document: its path under docsDir
// with / replaced by __.
func goldenPath(rel string) string {
	return filepath.Join("testdata", "golden", strings.ReplaceAll(filepath.ToSlash(rel), "/", "__")+".json")
}

// sampleDocs lists the documents under docsDir (relative, slash-separated),
// JSONL corpora apart.
func sampleDocs(t *testing.T) (docs, corpora []string) {
	t.Helper()
	err := filepath.WalkDir(docsDir, func(path string, de fs.DirEntry, err error) error {
		if err == nil && de.IsDir() && de.Name() == "corpus" {
			return filepath.SkipDir // the labelled corpus: scored, not golden
		}
		if err != nil || de.IsDir() {
			return err
		}
		rel, err := filepath.Rel(docsDir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".jsonl") {
			corpora = append(corpora, rel)
		} else {
			docs = append(docs, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 || len(corpora) == 0 {
		t.Fatalf("no sample documents under %s", docsDir)
	}
	return docs, corpora
}

// checkClean reports paragraphs that hold page boilerplate or markup.
func checkClean(t *testing.T, name string, d *Document) {
	t.Helper()
	for i, p := range d.Paragraphs {
		for _, b := range boilerplate {
			if strings.Contains(p, b) {
				t.Errorf("%s: paragraph %d holds %q: %.80q", name, i, b, p)
			}
		}
	}
}

func TestGolden(t *testing.T) {
	docs, corpora := sampleDocs(t)
	for _, rel := range docs {
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(docsDir, rel))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(rel, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, rel, d)
			got, err := renderDocument(d)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, goldenPath(rel), got)
		})
	}
	for _, rel := range corpora {
		t.Run(rel, func(t *testing.T) {
			f, err := os.Open(filepath.Join(docsDir, rel))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var out []byte
			err = ReadJSONL(f, rel, DefaultJSONLFields, 0, func(d *Document, err error) bool {
				if err != nil {
					t.Error(err)
					return true
				}
				checkClean(t, d.ID, d)
				checkNoNotice(t, d)
				b, err := renderDocument(d)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, b...)
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, goldenPath(rel), out)
		})
	}
}

// checkNoNotice reports a work report that still ends with the source
// site's public-domain notice.
func checkNoNotice(t *testing.T, d *Document) {
	t.Helper()
	for _, p := range d.Paragraphs {
		if strings.Contains(p, "本作品是") || strings.Contains(p, "Public domain") || strings.Contains(p, "维基文库") {
			t.Errorf("%s: notice left in paragraph %.60q", d.ID, p)
		}
	}
}

func TestSeed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(docsDir, "seed.md"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("testdata/docs/seed.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const title = "国务院安委办部署加强安全生产执法工作，注重抓重点抓关键"
	checks := []struct{ field, got, want string }{
		{"format", d.Format, FormatSinaHexo},
		{"title", d.Title, title},
		{"original_title", d.OriginalTitle, title},
		{"source", d.Source, "“中华人民共和国应急管理部”微信公号"},
		{"editor", d.Editor, "王翔"},
		{"author", d.Author, ""},
		{"date", d.Date, "2021-09-01T03:03:09Z"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if len(d.Paragraphs) != 4 {
		t.Fatalf("%d paragraphs, want 4: %q", len(d.Paragraphs), d.Paragraphs)
	}
	if !strings.HasPrefix(d.Paragraphs[0], "新修改的安全生产法于9月1日起正式施行") ||
		!strings.HasPrefix(d.Paragraphs[3], "会议强调，要突出精准执法改进方式方法") {
		t.Errorf("paragraphs start %.30q … %.30q", d.Paragraphs[0], d.Paragraphs[3])
	}
	checkClean(t, "seed", d)
}
