package analyze_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// TestParagraphTermsAsTerms: the content words an analysis keeps
// (WithParagraphTerms) are those Terms gives for each paragraph alone, in
// simplified, traditional and English text; a paragraph whose script the
// document decided otherwise is left to Terms.
func TestParagraphTermsAsTerms(t *testing.T) {
	a, err := analyze.New(analyze.WithParagraphTerms())
	if err != nil {
		t.Fatal(err)
	}
	docs := []analyze.Source{
		{Name: "traditional.txt", Data: []byte("國務院辦公廳通知要求，各地區、各部門嚴禁違規審批項目。\n各地要加强监管。\n" +
			"國務院辦公廳關於加強安全生產工作的通知，各單位應當落實責任。")},
		// a simplified document quoting a traditional paragraph: alone,
		// that paragraph is segmented as traditional text
		{Name: "quoted.txt", Data: []byte(strings.Repeat("国务院办公厅通知要求，各地区、各部门严禁违规审批项目，加强安全生产监督管理。\n", 6) +
			"國務院辦公廳關於加強安全生產工作的通知，各單位應當落實責任，嚴禁違規審批項目。")},
	}
	for _, f := range []string{"seed.md", "en/eo-2023-05-09-executive-order-14099.md"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "docs", f))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, analyze.Source{Name: filepath.Base(f), Data: data})
	}
	for _, src := range docs {
		res, err := a.Analyze(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for i, p := range res.Document.Paragraphs {
			got, ok := res.ParagraphTerms(i)
			if !ok {
				continue
			}
			kept++
			if want := a.Terms(res.Document.Language, p); !slices.Equal(got, want) {
				t.Errorf("%s ¶%d: kept %q, Terms gives %q", src.Name, i, got, want)
			}
		}
		if kept == 0 {
			t.Errorf("%s: no paragraph's words kept", src.Name)
		}
		res.DropParagraphTerms()
		if _, ok := res.ParagraphTerms(0); ok {
			t.Errorf("%s: words still there after DropParagraphTerms", src.Name)
		}
	}
}

// TestParagraphTermsOff: without the option nothing is kept.
func TestParagraphTermsOff(t *testing.T) {
	res, err := analyzer(t).Analyze(context.Background(), analyze.Source{Name: "t.txt", Data: []byte("各地要加强监管。")})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.ParagraphTerms(0); ok {
		t.Error("words kept without WithParagraphTerms")
	}
}
