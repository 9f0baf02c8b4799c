package directives

import (
	"reflect"
	"testing"

	"github.com/policylens/policylens/internal/segment"
)

// TestGeneralClasses holds the rules of the accuracy issue's general
// classes: an official's statement, a law's list of duties, a place's
// commitment and a frame inside the clause.
func TestGeneralClasses(t *testing.T) {
	official := news
	official.Officials = []string{"李国英"}
	law := Meta{Format: "markdown", Title: "某某市河长制条例"}
	for _, c := range []struct {
		name  string
		meta  Meta
		paras []string
		want  []want
	}{
		{"an official states a course", official, []string{"李国英说，推进病险水库除险加固。"},
			[]want{{"推进病险水库除险加固", "should", "李国英"}}},
		{"a name without a title reports", news, []string{"李国英说，推进病险水库除险加固。"},
			[]want{}},
		{"a law's list of duties", law, []string{
			"第一条 为了规范河长制工作，制定本条例。",
			"第二条 市级河长履行下列主要职责：",
			"（一）巡查责任河流；",
			"（二）协调解决重大问题。",
			"第三条 本条例自2021年1月1日起施行。"},
			[]want{{"巡查责任河流", "should", "条例"}, {"协调解决重大问题", "should", "条例"}, {"本条例自2021年1月1日起施行", "should", "条例"}}}, // a law that names no body issues itself
		{"a place commits", news, []string{"山东省将加快建设世界一流港口。"},
			[]want{{"山东省将加快建设世界一流港口", "should", "山东省"}}}, // it speaks for itself
		{"a body told what to do is no issuer", news, []string{"会议要求，商业银行要加强风险管理。"},
			[]want{{"商业银行要加强风险管理", "should", "会议"}}},
		{"a frame inside the clause", news, []string{"会议要求各地必须加强监督检查。"},
			[]want{{"会议要求各地必须加强监督检查", "must", "会议"}}},
		{"a body in its fullest written form", news, []string{"工业和信息化部发布征求意见稿。", "工信部将加快推进5G网络建设。"},
			[]want{{"工信部将加快推进5G网络建设", "should", "工业和信息化部"}}}, // the story wrote it in full before
	} {
		if got := brief(run(t, "zh", c.meta, c.paras...)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %v\nwant %v", c.name, got, c.want)
		}
	}
}

// A news item's directives that no frame assigns take the authority the
// story named last, or its headline's: never an empty issuer or a pronoun.
func TestNewsIssuersCarry(t *testing.T) {
	meta := news
	meta.Title = "国家发展改革委：加快推进新型基础设施建设"
	meta.Officials = []string{"李小鹏"}
	got := brief(run(t, "zh", meta, "国家发展改革委将加快推进5G网络建设。", "李小鹏表示，要抓紧完善配套政策。", "他表示，要加强统筹协调。"))
	want := []want{
		{"国家发展改革委将加快推进5G网络建设", "should", "国家发展改革委"},
		{"要抓紧完善配套政策", "should", "李小鹏"},
		{"要加强统筹协调", "should", "李小鹏"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// A deadline set in a clause of its own before the action is the action's.
func TestDeadlineBeforeAction(t *testing.T) {
	meta := Meta{Format: "markdown", Title: "关于开展清理工作的通知", Date: "2021-09-01T00:00:00Z"}
	ds := run(t, "zh", meta, "明年6月底前，各部门要完成清理工作。", "各地区要在三个月内完成整改。")
	var got [][2]string
	for _, d := range ds {
		got = append(got, [2]string{d.Deadline, d.DeadlineNormalized})
	}
	want := [][2]string{{"明年6月底前", "2022-06-30"}, {"三个月内", ""}} // a span counts from an event the text names, not the date
	if !reflect.DeepEqual(got, want) {
		t.Errorf("deadlines %v, want %v", got, want)
	}
}

// A speaker written with a time and a venue is the official it names; a
// reporter's byline names no issuer.
func TestNewsSpeakers(t *testing.T) {
	meta := news
	meta.Officials = []string{"易纲", "吴为"}
	got := brief(run(t, "zh", meta,
		"央行行长易纲3月20日在会上要求，保持流动性合理充裕。", "记者吴为指出，要加强监管。"))
	want := []want{{"保持流动性合理充裕", "should", "易纲"}} // a reporter's point orders nothing
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	rules := Compile(lex)
	for before, want := range map[string]bool{"记者：": true, "（首席记者 ": true, "特约通讯员 ": true, "央行行长": false} {
		if rules.byline(before) != want {
			t.Errorf("byline(%q) = %v", before, !want)
		}
	}
}

// The first line of a text without a title is its headline when it reads
// as one, and a headline is no clause (the same line of a post is its
// title).
func TestUntitledHeadline(t *testing.T) {
	for _, c := range []struct {
		title, first string
		want         bool
	}{
		{"", "冲刺四季度 看八部委负责人为经济打call", true},
		{"", "国家发展改革委将坚持问题导向和目标导向。", false},
		{"", "会议要求，各地要加强监管", false},
		{"冲刺四季度", "冲刺四季度 看八部委负责人为经济打call", false},
	} {
		x := &zhExtractor{meta: Meta{Title: c.title}}
		if got := x.untitledHeadline(&segment.Paragraph{Text: c.first}); got != c.want {
			t.Errorf("title %q, first line %q: %v, want %v", c.title, c.first, got, c.want)
		}
	}
}
