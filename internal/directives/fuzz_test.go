package directives

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract runs the extractor, model included, over arbitrary
// paragraphs as news, a policy document and a law: no panic, and every
// directive's span lies inside its paragraph.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"会议要求各地加强监督检查。", "李国英说，推进病险水库除险加固。", "山东省将加快建设世界一流港口。",
		"第二条 市级河长履行下列主要职责：", "（一）巡查责任河流；", "此外，通知还要求，各地不得违规举债。",
		"It is the policy of the United States to act. The Secretary shall report within 90 days.",
		"，，：：。", "要", "第一条",
	} {
		f.Add(s, s)
	}
	setup(f)
	rules := Compile(lex)
	metas := []Meta{news, plan, {Format: "markdown", Title: "某某条例"}}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || len(a)+len(b) > 4000 {
			return // the parser hands on valid UTF-8; long inputs only slow the search
		}
		for _, meta := range metas {
			meta.Officials = []string{"李国英"}
			doc, err := seg.Segment("", meta.Title, []string{a, b})
			if err != nil {
				return
			}
			for _, d := range Extract(doc, rules, meta) {
				if d.Paragraph < 0 || d.Paragraph >= len(doc.Paragraphs) {
					t.Fatalf("directive %q in paragraph %d of %d", d.Text, d.Paragraph, len(doc.Paragraphs))
				}
				if n := len(doc.Paragraphs[d.Paragraph].Runes); d.Start < 0 || d.End > n || d.Start > d.End {
					t.Fatalf("directive %q at %d–%d of %d runes", d.Text, d.Start, d.End, n)
				}
			}
		}
	})
}
