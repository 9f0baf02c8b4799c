package reports

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// TestUILang: <html lang> and the labels follow --ui-lang, else the
// language of most documents.
func TestUILang(t *testing.T) {
	doc := func(lang string) *analyze.Analysis {
		return &analyze.Analysis{Document: analyze.Document{Title: "t", Language: lang},
			Directives: []analyze.Directive{{Text: "依照本法第二十五条办理", Force: "must", Article: "第二十五条"}}}
	}
	for _, tc := range []struct {
		docs       []*analyze.Analysis
		ui, lang   string
		has, hasnt string
	}{
		{[]*analyze.Analysis{doc("zh")}, "", "zh", "关键词", "Keywords"},
		{[]*analyze.Analysis{doc("en")}, "", "en", "Keywords", "关键词"},
		{[]*analyze.Analysis{doc("zh")}, "en", "en", "Keywords", "关键词"},
		{[]*analyze.Analysis{doc("en"), doc("en"), doc("zh")}, "zh", "zh", "指令矩阵", "Directive matrix"},
	} {
		r := &Report{Title: "t", Docs: tc.docs, UILang: tc.ui}
		if len(tc.docs) > 1 {
			r.Matrix = &analyze.Matrix{Docs: []analyze.DocRef{{Date: "2024"}, {Date: "2025"}}, Rows: []analyze.MatrixRow{{Text: "x", Cells: []string{"must", "should"}}}}
		}
		var buf bytes.Buffer
		if err := WriteHTML(&buf, r); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		if !strings.Contains(page, `<html lang="`+tc.lang+`">`) || !strings.Contains(page, tc.has) || strings.Contains(page, tc.hasnt) {
			t.Errorf("ui %q, documents %d: want lang %s with %q and without %q", tc.ui, len(tc.docs), tc.lang, tc.has, tc.hasnt)
		}
		if len(tc.docs) == 1 && !strings.Contains(page, "<td>第二十五条</td>") {
			t.Errorf("the article is not shown")
		}
	}
}

func TestColumnHeads(t *testing.T) {
	got := columnHeads([]analyze.DocRef{{Period: "2021"}, {Date: "2024-03-05", Title: "a"}, {Date: "2025-03-05", Title: "二〇二五年国务院政府工作报告"},
		{Date: "2025-03-11", Title: "关于政府工作报告的决议"}})
	want := []string{"2021", "2024", "二〇二五年国务…", "关于政府工作报…"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("columnHeads = %q, want %q", got, want)
	}
}
