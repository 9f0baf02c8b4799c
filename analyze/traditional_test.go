package analyze_test

import (
	"context"
	"slices"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// TestTraditionalDirectives: markers written in traditional characters
// give the force of their simplified forms (issue 11: 嚴禁 read as should),
// and the simplified forms keep theirs.
func TestTraditionalDirectives(t *testing.T) {
	a := analyzer(t)
	for _, c := range []struct{ text, force, marker string }{
		{"各單位嚴禁違規生產。", "prohibit", "嚴禁"},
		{"各单位严禁违规生产。", "prohibit", "严禁"},
		{"各單位應當加強安全生產。", "must", "應當"},
		{"各单位应当加强安全生产。", "must", "应当"},
		{"各單位必須落實責任。", "must", "必須"},
		{"各单位必须落实责任。", "must", "必须"},
		{"鼓勵社會資本參與。", "encourage", "鼓勵"},
		{"鼓励社会资本参与。", "encourage", "鼓励"},
		// long enough for the segmenter to take it as traditional text
		{"國務院辦公廳通知要求，各地區、各部門嚴禁違規審批項目。", "prohibit", "嚴禁"},
	} {
		res, err := a.Analyze(context.Background(), analyze.Source{Name: "t.txt", Data: []byte(c.text)})
		if err != nil {
			t.Fatal(err)
		}
		if !hasDirective(res.Directives, c.force, c.marker) {
			t.Errorf("%s: no %s directive marked %s in %+v", c.text, c.force, c.marker, res.Directives)
		}
	}
}

func hasDirective(ds []analyze.Directive, force, marker string) bool {
	for _, d := range ds {
		if d.Force == force && slices.Contains(d.Markers, marker) {
			return true
		}
	}
	return false
}

// TestTraditionalMarkersSegmentWhole: the extractor looks for markers at
// token starts, so a traditional marker must come out as one token, in
// text taken as traditional and in short text taken as simplified.
func TestTraditionalMarkersSegmentWhole(t *testing.T) {
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.New(lex, segment.Options{})
	for _, text := range []string{
		"國務院辦公廳通知要求，各地區、各部門嚴禁違規審批，禁止擅自開工，不得拖延，應當及時報告，必須從嚴管理，鼓勵社會監督。",
		"嚴禁違規，禁止開工，不得拖延，應當報告，必須管理，鼓勵監督。",
	} {
		doc, err := seg.Segment("zh", "", []string{text})
		if err != nil {
			t.Fatal(err)
		}
		var toks []string
		for _, tk := range doc.Paragraphs[0].Tokens {
			toks = append(toks, tk.Text)
		}
		for _, m := range []string{"嚴禁", "禁止", "不得", "應當", "必須", "鼓勵"} {
			if !slices.Contains(toks, m) {
				t.Errorf("%s is not one token (traditional %v): %v", m, doc.Traditional, toks)
			}
		}
	}
}
