package targets

import (
	"reflect"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

func extract(t *testing.T, lang string, paras ...string) []Target {
	t.Helper()
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := segment.New(lex, segment.Options{}).Segment(lang, "", paras)
	if err != nil {
		t.Fatal(err)
	}
	return Extract(doc)
}

// TestWorkReport2025Targets reads the main targets paragraph of the 2025
// government work report whole.
func TestWorkReport2025Targets(t *testing.T) {
	para := "今年发展的主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，城镇新增就业1200万人以上；居民消费价格涨幅2%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.4万亿斤左右；单位国内生产总值能耗降低3%左右，生态环境质量持续改善。"
	type row struct{ indicator, value, unit, qualifier string }
	var got []row
	for _, tg := range extract(t, "zh", para) {
		got = append(got, row{tg.Indicator, tg.Value, tg.Unit, tg.Qualifier})
	}
	want := []row{
		{"国内生产总值增长", "5", "%", "左右"},
		{"城镇调查失业率", "5.5", "%", "左右"},
		{"城镇新增就业", "1200", "万人", "以上"},
		{"居民消费价格涨幅", "2", "%", "左右"},
		{"粮食产量", "1.4", "万亿斤", "左右"},
		{"单位国内生产总值能耗降低", "3", "%", "左右"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestTargetRules(t *testing.T) {
	cases := []struct {
		text string
		want []Target
	}{
		{"到2025年，可再生能源消费比重达到30%。", []Target{{Indicator: "可再生能源消费比重", Value: "30", Unit: "%", Qualifier: "达到", Year: "2025", Text: "可再生能源消费比重达到30%"}}},
		{"全年国内生产总值增长了5.2%，比上年加快。", nil},
		{"力争城镇新增就业不少于1100万人。", []Target{{Indicator: "城镇新增就业", Value: "1100", Unit: "万人", Qualifier: "不少于", Text: "力争城镇新增就业不少于1100万人"}}},
	}
	for _, c := range cases {
		got := extract(t, "zh", c.text)
		for i := range got {
			got[i].Paragraph = 0
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.text, got, c.want)
		}
	}
	en := extract(t, "en", "Agencies shall reduce energy use by at least 50 percent by 2030.")
	if len(en) != 1 || en[0].Value != "50" || en[0].Qualifier != "at least" || en[0].Unit != "percent" {
		t.Errorf("english: %+v", en)
	}
}
