package analyze_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// analyzeFile runs the analyzer on one fixture of testdata/formats.
func analyzeFile(t *testing.T, a *analyze.Analyzer, name string) *analyze.Analysis {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "formats", name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Analyze(context.Background(), analyze.Source{Name: name, Data: data})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

// The PDFs and DOCX files of a law and of an executive order give the
// directives their Markdown sources give; the OFD of 拿来主义, those of the
// text ofdrw laid out (none today: an essay, not a policy); the OFD of a
// city bureau's letter (made by a commercial OFD writer), those of the text
// it shows. The policy sources must give directives, or the test would
// pass on nothing.
func TestFormatsKeepDirectives(t *testing.T) {
	a, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	for source, derived := range map[string][]string{
		"law-zh.md":         {"law-zh.pdf", "law-zh.docx", "law-zh-odt.docx"},
		"eo-en.md":          {"eo-en.pdf", "eo-en.docx"},
		"nalai-zhuyi.txt":   {"nalai-zhuyi.ofd"},
		"bengbu-letter.txt": {"bengbu-letter.ofd"},
	} {
		want := map[string]bool{}
		for _, d := range analyzeFile(t, a, source).Directives {
			want[sameText(d.Text)] = true
		}
		if len(want) == 0 && source != "nalai-zhuyi.txt" {
			t.Errorf("%s gives no directive: nothing to keep", source)
		}
		for _, name := range derived {
			seen := map[string]bool{}
			for _, d := range analyzeFile(t, a, name).Directives {
				if k := sameText(d.Text); want[k] {
					seen[k] = true
				}
			}
			for w := range want {
				if !seen[w] {
					t.Logf("%s: missing %q", name, w)
				}
			}
			if len(want) == 0 { // an essay: no directive to keep, none to add
				if n := len(analyzeFile(t, a, name).Directives); n > 0 {
					t.Errorf("%s: %d directives, its source none", name, n)
				}
				continue
			}
			recall := float64(len(seen)) / float64(len(want))
			t.Logf("%s: %d of the source's %d directives (%.3f)", name, len(seen), len(want), recall)
			if recall < 0.95 {
				t.Errorf("%s: directive recall %.3f < 0.95 (%d in the source)", name, recall, len(want))
			}
		}
	}
}

// sameText folds the typographic quotes that a word processor or a
// printed page puts for the source's straight ones (America’s, America's):
// the same clause, the same directive.
func sameText(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
}

// A batch of URLs: each is fetched, a failed one gets its error and the
// batch goes on; folder walks take PDF, DOCX and OFD.
func TestBatchURLsAndFormats(t *testing.T) {
	pdf, _ := os.ReadFile(filepath.Join("testdata", "formats", "law-zh.pdf"))
	mux := http.NewServeMux()
	mux.HandleFunc("/att", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdf)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	paths := []string{srv.URL + "/missing", srv.URL + "/att", filepath.Join("testdata", "formats")}
	inputs, _, errs := analyze.Inputs(paths)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	a, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = a.Batch(context.Background(), inputs, nil, func(r analyze.Result) error {
		switch {
		case r.Err != nil:
			got = append(got, "error "+r.Name+": "+r.Err.Error())
		default:
			got = append(got, r.Analysis.Document.Format+" "+r.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"error " + srv.URL + "/missing: HTTP 404 Not Found",
		"pdf " + srv.URL + "/att",
		"ofd testdata/formats/bengbu-letter.ofd",
		"text testdata/formats/bengbu-letter.txt",
		"docx testdata/formats/eo-en.docx",
		"markdown testdata/formats/eo-en.md",
		"pdf testdata/formats/eo-en.pdf",
		"docx testdata/formats/law-zh-odt.docx",
		"docx testdata/formats/law-zh.docx",
		"markdown testdata/formats/law-zh.md",
		"pdf testdata/formats/law-zh.pdf",
		"ofd testdata/formats/nalai-zhuyi.ofd",
		"text testdata/formats/nalai-zhuyi.txt",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
