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
		// fiscal arrangements are targets; the change against last year is not
		{"今年赤字率拟按4%左右安排、比上年提高1个百分点。", []Target{{Indicator: "赤字率", Value: "4", Unit: "%", Qualifier: "左右", Text: "今年赤字率拟按4%左右安排"}}},
		{"拟安排地方政府专项债券4.4万亿元、比上年增加5000亿元。", []Target{{Indicator: "地方政府专项债券", Value: "4.4", Unit: "万亿元", Qualifier: "拟", Text: "拟安排地方政府专项债券4.4万亿元"}}},
		{"今年中央预算内投资拟安排7350亿元。", []Target{{Indicator: "中央预算内投资", Value: "7350", Unit: "亿元", Qualifier: "拟", Text: "今年中央预算内投资拟安排7350亿元"}}},
		{"一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。", []Target{{Indicator: "一般公共预算支出规模", Value: "29.7", Unit: "万亿元", Text: "一般公共预算支出规模29.7万亿元"}}},
		{"截至3月底，累计引进项目120个。", nil},
		{"经济增长预期目标为5%左右。", []Target{{Indicator: "经济增长", Value: "5", Unit: "%", Qualifier: "左右", Text: "经济增长预期目标为5%左右"}}},
		// a number grouped in thousands (older reports) is one value
		{"投产井新增生产能力达到1，000万吨。", []Target{{Indicator: "投产井新增生产能力", Value: "1000", Unit: "万吨", Qualifier: "达到", Text: "投产井新增生产能力达到1，000万吨"}}},
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

// A work report's review of the past year states results, not targets; a
// repeated indicator counts once.
func TestReviewAndRepeats(t *testing.T) {
	got := extract(t, "zh",
		"一、2024年工作回顾",
		"过去一年，国内生产总值达到134.9万亿元，增长5%。",
		"二、2025年经济社会发展总体要求和政策取向",
		"今年发展的主要预期目标是：国内生产总值增长5%左右。",
		"国内生产总值增长5%左右，是综合考虑的结果。")
	if len(got) != 1 || got[0].Indicator != "国内生产总值增长" || got[0].Value != "5" {
		t.Fatalf("got %+v", got)
	}
}
