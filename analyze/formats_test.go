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

// The PDF and DOCX of a law give the directives its Markdown source gives.
func TestFormatsKeepDirectives(t *testing.T) {
	a, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, d := range analyzeFile(t, a, "law-zh.md").Directives {
		want[d.Text] = true
	}
	for _, name := range []string{"law-zh.pdf", "law-zh.docx"} {
		seen := map[string]bool{}
		for _, d := range analyzeFile(t, a, name).Directives {
			if want[d.Text] {
				seen[d.Text] = true
			}
		}
		found := len(seen)
		recall := float64(found) / float64(len(want))
		t.Logf("%s: %d of the source's %d directives (%.3f)", name, found, len(want), recall)
		if recall < 0.95 {
			t.Errorf("%s: directive recall %.3f < 0.95", name, recall)
		}
	}
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
		"docx testdata/formats/law-zh.docx",
		"markdown testdata/formats/law-zh.md",
		"pdf testdata/formats/law-zh.pdf",
		"ofd testdata/formats/nalai-zhuyi.ofd",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
