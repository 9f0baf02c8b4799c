package entities

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract: any text gives entities without a panic, and every
// mention's surface is the text at its span.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"周恩来和邓小平在延安见面。", "中美两国元首通电话，中方表示愿意合作。", "四川全兴队在主场迎战大连万达队。",
		"联合国秘书长科菲·安南希望这次会议取得成功。", "经北京市第十五届人民代表大会常务委员会第三十一次会议通过。",
		"·", "张", "“”", "《》第次会议届", "a·b 中·", "中共中央政治局常委、国务院副总理李岚清出席。",
		"公司法", "公司法人", "宁夏苏融达化工有限公司", "，共享装备股份有限公司", "东兴证券", "国家税务总局局长王军：",
		"副董事长兼总经理邵文", "“谁办案、谁录入、谁负责”", "11月26日电", "内蒙古呼和浩特市公安局和市公安局",
		"Endpoint Detection and Response (EDR)", "the term “SBOM” or “X” means", "HSPD-12 and (A)", "Executive Orders 13198 and 13199",
		"C. Privacy Act", "to Act", "(AB)", "“”means",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // parsing decodes every input to UTF-8 before segmenting
		}
		extract(t, "en", news, text) // the English rules must not panic either
		es := extract(t, "zh", news, text)
		doc, err := seg.Segment("zh", "", []string{text})
		if err != nil || len(doc.Paragraphs) == 0 {
			return
		}
		for _, e := range es {
			for _, m := range e.Mentions {
				if m.Paragraph < 0 || m.Paragraph >= len(doc.Paragraphs) {
					continue
				}
				rs := doc.Paragraphs[m.Paragraph].Runes
				if m.Start < 0 || m.End > len(rs) || m.Start >= m.End {
					t.Fatalf("%s %q: span [%d,%d) outside %d runes", e.Type, m.Surface, m.Start, m.End, len(rs))
				}
				if got := string(rs[m.Start:m.End]); got != m.Surface {
					t.Fatalf("%s: surface %q, text at span %q", e.Type, m.Surface, got)
				}
			}
		}
	})
}
