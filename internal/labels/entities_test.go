package labels

import (
	"slices"
	"testing"
)

func TestMatchEntities(t *testing.T) {
	org := func(forms ...string) Predicted {
		m := map[string]bool{}
		for _, f := range forms {
			m[Norm(f)] = true
		}
		return Predicted{Type: "organization", Forms: m}
	}
	for _, tc := range []struct {
		name  string
		gold  []Entity
		pred  []Predicted
		match []int
		used  []bool
	}{
		{"an alias matches", []Entity{{Type: "organization", Text: "国务院安委会", Alt: []string{"国务院安全生产委员会"}}},
			[]Predicted{org("国务院安全生产委员会")}, []int{0}, []bool{true}},
		{"the type must agree", []Entity{{Type: "location", Text: "北京"}},
			[]Predicted{org("北京")}, []int{-1}, []bool{false}},
		{"one to one", []Entity{{Type: "organization", Text: "商务部"}, {Type: "organization", Text: "商务部"}},
			[]Predicted{org("商务部")}, []int{0, -1}, []bool{true}},
		{"required before optional", []Entity{{Type: "organization", Text: "会议", Optional: true}, {Type: "organization", Text: "会议"}},
			[]Predicted{org("会议")}, []int{-1, 0}, []bool{true}},
		{"an optional one uses up its match", []Entity{{Type: "organization", Text: "新华社", Optional: true}},
			[]Predicted{org("新华社")}, []int{0}, []bool{true}},
	} {
		match, used := MatchEntities(tc.gold, tc.pred)
		if !slices.Equal(match, tc.match) || !slices.Equal(used, tc.used) {
			t.Errorf("%s: match %v used %v, want %v %v", tc.name, match, used, tc.match, tc.used)
		}
	}
}

func TestEntityForms(t *testing.T) {
	if f := EntityForms("date", "9月1日", "2021-09-01", nil, []string{"9月1日"}); len(f) != 1 || !f[Norm("2021-09-01")] {
		t.Errorf("a date matches by its normalized form only: %v", f)
	}
	f := EntityForms("organization", "工信部", "工业和信息化部", []string{"工业和信息化部"}, []string{"工信部"})
	if len(f) != 2 || !f[Norm("工信部")] || !f[Norm("工业和信息化部")] {
		t.Errorf("text, normalized form, aliases and surfaces: %v", f)
	}
	if !TitleHeld("部长", []string{"应急管理部部长"}) || TitleHeld("副部长", []string{"部长"}) {
		t.Error("a predicted title holds a gold one when it contains it")
	}
}
