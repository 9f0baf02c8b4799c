package keywords

import (
	"context"
	"slices"
	"testing"
)

// One window is Extract exactly. Two windows count the named units as the
// whole reading does and keep its candidate order; phrases are merged from
// pairs a window uses twice, so a phrase used once in each window stays
// two words there (安全风险): the documented cost of windows.
func TestAccumulatorWindows(t *testing.T) {
	setup(t)
	paras := []string{
		"国务院安委办部署加强安全生产执法工作，严格安全生产执法检查。",
		"各地区要落实安全生产责任，开展安全生产执法检查，防范化解重大安全风险。",
		"应急管理部门要加强安全生产执法，严厉打击非法违法生产经营行为。",
		"各地要把安全生产执法检查作为重点，防范化解重大安全风险。",
	}
	ctx := context.Background()
	whole, err := seg.SegmentAs(ctx, "zh", false, "安全生产执法", paras)
	if err != nil {
		t.Fatal(err)
	}
	one := NewAccumulator(lex, "zh")
	one.Add(whole)
	two := NewAccumulator(lex, "zh")
	for i, w := range [][]string{paras[:2], paras[2:]} {
		title := ""
		if i == 0 {
			title = "安全生产执法"
		}
		d, err := seg.SegmentAs(ctx, "zh", false, title, w)
		if err != nil {
			t.Fatal(err)
		}
		two.Add(d)
	}
	first := -1
	for _, term := range one.all {
		s := one.st[term]
		o := two.st[term]
		if !isUnit(s.pos) {
			continue
		}
		if o == nil || o.count != s.count || o.first < first {
			t.Errorf("%s: %+v in two windows, %+v whole", term, o, s)
			continue
		}
		first = o.first
	}
	terms := func(ks []Keyword) []string {
		var out []string
		for _, k := range ks {
			out = append(out, k.Term)
		}
		return out
	}
	shared := 0
	for _, k := range terms(two.Keywords(5)) {
		if slices.Contains(terms(one.Keywords(5)), k) {
			shared++
		}
	}
	if shared < 4 {
		t.Errorf("keywords in two windows %v, whole %v", terms(two.Keywords(5)), terms(one.Keywords(5)))
	}
	if got := terms(Extract(whole, lex, 5)); !slices.Equal(got, terms(one.Keywords(5))) {
		t.Errorf("Extract %v differs from one window's %v", got, terms(one.Keywords(5)))
	}
}
