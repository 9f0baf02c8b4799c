package parse

import (
	"slices"
	"testing"
)

// joinLines on hand-placed lines: boxes as tall as a font's ascent and
// descent (PDFium's loose boxes) nearly touch inside a paragraph, so a
// blank line is a gap wider than the usual one, not than a line height.
func TestJoinLines(t *testing.T) {
	at := func(text string, left, right, top float64) line {
		return line{run: run{Text: text, Left: left, Right: right, Top: top, Bottom: top + 15}}
	}
	cases := []struct {
		name  string
		lines []line
		want  []string
	}{
		{"touching lines, one paragraph, then a blank line", []line{
			at("one two three four five six", 36, 578, 100),
			at("seven eight nine ten eleven", 36, 578, 116),
			at("twelve.", 36, 578, 132),
			at("thirteen fourteen fifteen", 36, 578, 160),
			at("sixteen seventeen eighteen", 36, 578, 176),
		}, []string{"one two three four five six seven eight nine ten eleven twelve.", "thirteen fourteen fifteen sixteen seventeen eighteen"}},
		{"a Chinese sentence end with room for half a character", []line{
			at("第十四条交易场所提供者应当符合本规定的要求。", 57, 565, 100),
			at("第十五条经营者提供服务，实行先消费后结算的，除按照", 57, 578, 120),
			at("本规定进行明码标价外。", 36, 300, 140),
		}, []string{"第十四条交易场所提供者应当符合本规定的要求。", "第十五条经营者提供服务，实行先消费后结算的，除按照本规定进行明码标价外。"}},
		{"a Chinese line cut at the edge goes on", []line{
			at("第十四条交易场所提供者为场所内经营者提供标价模板", 36, 578, 100),
			at("的，应当符合本规定的要求。", 36, 300, 120),
		}, []string{"第十四条交易场所提供者为场所内经营者提供标价模板的，应当符合本规定的要求。"}},
		{"a hanging indent continues its list item", []line{
			at("Body text that runs the whole width of the page here.", 36, 578, 80),
			at("ii. the functions of the Director relating to budgetary,", 82, 578, 100),
			at("or legislative proposals.", 93.8, 200, 116),
		}, []string{"Body text that runs the whole width of the page here.", "ii. the functions of the Director relating to budgetary, or legislative proposals."}},
	}
	for _, c := range cases {
		if got := joinLines(c.lines); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// Page numbers go where they are printed: in the page's outer tenth, or
// as its last line in the bottom fifth (an official document's "— 1 —"
// 26–31 mm above the foot of an A4 page, 297 mm tall); a number inside the
// body, or above another line, stays.
func TestDropPageNumbers(t *testing.T) {
	at := func(text string, top float64) line {
		return line{run: run{Text: text, Left: 28, Right: 180, Top: top, Bottom: top + 6}}
	}
	cases := []struct {
		name string
		page []line
		want []string
	}{
		{"under the text area, the last line", []line{at("同意张阿三同志辞职。", 221), at("— 1 —", 266)}, []string{"同意张阿三同志辞职。"}},
		{"in the outer tenth", []line{at("3", 10), at("正文。", 100)}, []string{"正文。"}},
		{"above the last line, outside the tenth", []line{at("— 1 —", 240), at("正文。", 250)}, []string{"— 1 —", "正文。"}},
		{"the last line but in the body", []line{at("正文。", 100), at("2023", 200)}, []string{"正文。", "2023"}},
		{"the first line in the top fifth", []line{at("- 2 -", 45), at("正文。", 100)}, []string{"正文。"}},
	}
	for _, c := range cases {
		var got []string
		for _, l := range dropRunningLines([][]line{c.page}, []layoutPage{{Height: 297}}) {
			got = append(got, l.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// Runs of one line: Chinese pieces join without a space unless set more
// than two characters apart; Latin words get one at a third of a line.
func TestMergeRuns(t *testing.T) {
	at := func(text string, left, right float64) run {
		return run{Text: text, Left: left, Right: right, Top: 100, Bottom: 110}
	}
	cases := []struct {
		runs []run
		want string
	}{
		{[]run{at("根据我", 39, 56), at("市", 56, 62), at("202", 62, 71)}, "根据我市202"},
		{[]run{at("测试符路桥区卫生局办公室", 33, 92), at("2011年3月10日印发", 136, 178)}, "测试符路桥区卫生局办公室 2011年3月10日印发"},
		{[]run{at("Federal", 36, 70), at("Register", 74, 110)}, "Federal Register"},
		{[]run{at("Federal ", 36, 72), at("Register", 100, 140)}, "Federal Register"},
		{[]run{at("安全", 36, 56), at("生产", 62, 82)}, "安全生产"},
	}
	for _, c := range cases {
		if got := mergeRuns(c.runs).Text; got != c.want {
			t.Errorf("mergeRuns = %q, want %q", got, c.want)
		}
	}
}
