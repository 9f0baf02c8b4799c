package keywords

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds any text to the extractor: it never panics, gives at
// most n distinct, non-empty keywords with scores between 0 and 1.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"国务院安委办部署加强安全生产执法工作。各地区要严格落实安全生产责任。",
		"國務院要求加強安全生產執法，嚴厲打擊非法違法生產經營行為。",
		"Sec. 1. Agencies are required to review their regulations. A regulation that agencies find outdated is repealed.",
		"20日晚，记者从证券时报获悉，3月份保障性租赁住房量涨风险较高。",
		"",
		"\x00\xff\u200b《》“”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		setup(t)
		doc, err := seg.Segment("", "", strings.Split(text, "\n"))
		if err != nil {
			return // the segmenter refuses some inputs; that is its contract, not ours
		}
		kws := Extract(doc, lex, 10)
		if len(kws) > 10 {
			t.Fatalf("%d keywords for n = 10", len(kws))
		}
		seen := map[string]bool{}
		for _, k := range kws {
			if k.Term == "" || seen[k.Term] || k.Score < 0 || k.Score > 1 || k.Count < 1 {
				t.Fatalf("bad keyword %+v in %v", k, kws)
			}
			seen[k.Term] = true
		}
	})
}
