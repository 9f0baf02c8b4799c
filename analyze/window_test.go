package analyze

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestWindows(t *testing.T) {
	for _, tc := range []struct {
		paras []string
		size  int
		want  [][2]int
	}{
		{nil, 10, [][2]int{{0, 0}}},
		{[]string{"一二三"}, 10, [][2]int{{0, 1}}},
		{[]string{"一二三", "四五六", "七八九"}, 6, [][2]int{{0, 2}, {2, 3}}},
		{[]string{"一二三四五六七", "八", "九"}, 3, [][2]int{{0, 1}, {1, 3}}}, // a long paragraph stands alone
		{[]string{"", "", "一"}, 1, [][2]int{{0, 3}}},
	} {
		if got := windows(tc.paras, tc.size); !slices.Equal(got, tc.want) {
			t.Errorf("windows(%q, %d) = %v, want %v", tc.paras, tc.size, got, tc.want)
		}
	}
}

// A document read in small windows keeps every span inside its paragraph
// and finds what the whole reading finds in each repeated part. The
// directive model's one feature of the whole document (nb:doc, the share
// of its action clauses the first stage takes) is, in a long document
// read window by window, the window's: the comparison leaves it out.
func TestAnalyzeInWindows(t *testing.T) {
	data, err := os.ReadFile("../testdata/docs/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(WithDirectiveModel(withoutDocShare(t)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	src := Source{Name: "seed.md", Data: data}
	whole, err := a.Analyze(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	a.cfg.window = 300 // a few paragraphs a window
	parts, err := a.Analyze(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	paras := parts.Document.Paragraphs
	for _, e := range parts.Entities {
		for _, m := range e.Mentions {
			text := parts.Document.Title
			if m.Paragraph >= 0 {
				text = paras[m.Paragraph]
			}
			if r := []rune(text); m.End > len(r) || string(r[m.Start:m.End]) != m.Surface {
				t.Errorf("%s: mention %+v is not at its span", e.Text, m)
			}
		}
	}
	for _, d := range parts.Directives {
		if !strings.Contains(paras[d.Paragraph], d.Text) {
			t.Errorf("directive %q is not in paragraph %d", d.Text, d.Paragraph)
		}
	}
	if len(parts.Directives) != len(whole.Directives) {
		t.Errorf("%d directives in windows, %d whole", len(parts.Directives), len(whole.Directives))
	}
	if len(parts.Keywords) != len(whole.Keywords) || parts.Keywords[0].Term != whole.Keywords[0].Term {
		t.Errorf("keywords in windows %v, whole %v", parts.Keywords, whole.Keywords)
	}
	count := func(res *Analysis, text string) int {
		for _, e := range res.Entities {
			if e.Text == text {
				return e.Count
			}
		}
		return 0
	}
	for _, e := range whole.Entities {
		if n := count(parts, e.Text); n != e.Count {
			t.Errorf("%s %s: %d mentions in windows, %d whole", e.Type, e.Text, n, e.Count)
		}
	}
}

// withoutDocShare writes the built-in directive model without its nb:doc
// rows and returns the file's path.
func withoutDocShare(t *testing.T) string {
	t.Helper()
	text, err := os.ReadFile("../internal/directives/directive_model.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(text), "\n") {
		if !strings.Contains(line, "nb:doc=") {
			kept = append(kept, line)
		}
	}
	if len(kept) == strings.Count(string(text), "\n")+1 {
		t.Fatal("the built-in model has no nb:doc rows: drop withoutDocShare")
	}
	path := filepath.Join(t.TempDir(), "model.tsv")
	if err := os.WriteFile(path, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
