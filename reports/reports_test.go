package reports

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/golden"
)

func seedAnalysis(t *testing.T) *analyze.Analysis {
	t.Helper()
	a, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "testdata", "docs", "seed.md"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Analyze(context.Background(), analyze.Source{Name: "docs/seed.md", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestTables renders the seed at 80 and 160 columns: every line of a table
// has the same display width (Chinese characters count two) and stays
// within the width.
func TestTables(t *testing.T) {
	res := seedAnalysis(t)
	for _, width := range []int{80, 160} {
		var buf bytes.Buffer
		r, err := New("table", &buf, Options{Width: width})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Write(res); err != nil {
			t.Fatal(err)
		}
		r.Close()
		golden.Check(t, filepath.Join("testdata", "seed."+map[int]string{80: "80", 160: "160"}[width]+".golden"), buf.Bytes())
		for _, block := range strings.Split(buf.String(), "\n\n") {
			lines := strings.Split(strings.TrimSpace(block), "\n")
			w := -1
			for _, l := range lines {
				if !strings.HasPrefix(l, "┌") && !strings.HasPrefix(l, "│") && !strings.HasPrefix(l, "├") && !strings.HasPrefix(l, "└") {
					continue
				}
				lw := (&runewidth.Condition{EastAsianWidth: false}).StringWidth(l)
				if w < 0 {
					w = lw
				}
				if lw != w {
					t.Errorf("width %d: misaligned line (%d vs %d): %s", width, lw, w, l)
				}
				if lw > width {
					t.Errorf("width %d: line of %d columns: %s", width, lw, l)
				}
			}
		}
	}
}

func TestJSONOneOrMany(t *testing.T) {
	res := seedAnalysis(t)
	for n, wantArray := range map[int]bool{0: true, 1: false, 2: true} {
		var buf bytes.Buffer
		r, _ := New("json", &buf, Options{})
		for i := 0; i < n; i++ {
			r.Write(res)
		}
		r.Close()
		var v any
		if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Fatalf("%d documents: %v", n, err)
		}
		if _, isArray := v.([]any); isArray != wantArray {
			t.Errorf("%d documents: array %v", n, isArray)
		}
	}
	var buf bytes.Buffer
	r, _ := New("jsonl", &buf, Options{})
	r.Write(res)
	r.Write(res)
	if n := strings.Count(buf.String(), "\n"); n != 2 {
		t.Errorf("jsonl lines %d", n)
	}
	if strings.Contains(buf.String(), `\u003c`) {
		t.Error("HTML-escaped JSON")
	}
}

func TestSectionsAndErrors(t *testing.T) {
	if _, err := New("yaml", &bytes.Buffer{}, Options{}); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := New("table", &bytes.Buffer{}, Options{Sections: []string{"nonsense"}}); err == nil {
		t.Error("unknown section accepted")
	}
	var buf bytes.Buffer
	r, _ := New("table", &buf, Options{Sections: []string{"directives"}, Width: 100})
	r.Write(seedAnalysis(t))
	out := buf.String()
	if !strings.Contains(out, "Directives (") || strings.Contains(out, "Keywords") || strings.Contains(out, "Entities") {
		t.Errorf("--only directives printed other sections:\n%s", out)
	}
}

// TestReportsEscapeDocumentText: a document's markup stays text in both
// report formats, whatever the browser does.
func TestReportsEscapeDocumentText(t *testing.T) {
	res := seedAnalysis(t)
	hostile := `<script>alert(1)</script><a href="javascript:alert(2)">x</a>`
	res.Document.Title = hostile
	res.Document.Paragraphs = append(res.Document.Paragraphs, hostile)
	res.Directives[0].Text = hostile
	var h, m bytes.Buffer
	if err := WriteHTML(&h, &Report{Title: hostile, Docs: []*analyze.Analysis{res}}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&m, &Report{Title: hostile, Docs: []*analyze.Analysis{res}}); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"html": h.String(), "markdown": m.String()} {
		if strings.Contains(out, "<script>alert") || strings.Contains(out, `<a href="javascript:`) {
			t.Errorf("%s report holds live markup from the document", name)
		}
	}
	if strings.Count(h.String(), "<script>") != 1 {
		t.Error("the HTML report should hold exactly its own sorting script")
	}
	if strings.Contains(h.String(), "http://") || strings.Contains(h.String(), "https://") {
		t.Error("the HTML report refers to the network")
	}
}

func TestCSVDirectives(t *testing.T) {
	res := seedAnalysis(t)
	res.Document.Path = "docs/2024/seed.md"
	var buf bytes.Buffer
	r, err := New("csv", &buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r.Write(res)
	r.Close()
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(res.Directives)+1 || rows[0][0] != "document" || rows[1][4] != res.Directives[0].Force {
		t.Errorf("%d rows for %d directives: %v", len(rows), len(res.Directives), rows[:2])
	}
	if rows[1][0] != res.Document.Path {
		t.Errorf("document column %q, want the path %q", rows[1][0], res.Document.Path)
	}
}

// TestCSPHash checks that the page's CSP allows its one script by the
// SHA-256 of the script as written, with no 'unsafe-inline' for scripts.
func TestCSPHash(t *testing.T) {
	var h bytes.Buffer
	if err := WriteHTML(&h, &Report{Title: "t", Docs: []*analyze.Analysis{seedAnalysis(t)}}); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	i := strings.Index(page, "<script>") + len("<script>")
	j := strings.Index(page, "</script>")
	sum := sha256.Sum256([]byte(page[i:j]))
	want := "script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if !strings.Contains(html.UnescapeString(page), want) { // the attribute may write + as &#43;
		t.Errorf("CSP lacks %s", want)
	}
	for _, s := range []string{"base-uri 'none'", "form-action 'none'"} {
		if !strings.Contains(page, s) {
			t.Errorf("CSP lacks %s", s)
		}
	}
	if strings.Contains(page, "script-src 'unsafe-inline'") {
		t.Error("scripts are still allowed inline")
	}
}
