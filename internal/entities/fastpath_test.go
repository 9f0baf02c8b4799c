package entities

import "testing"

func TestSuffixSetMay(t *testing.T) {
	s := newSuffixSet([]string{"公司", "委员会", "局"})
	for w, want := range map[string]bool{"有限公司": true, "国务院": false, "统计局": true, "": true, "a\xff": true, "委员会x": false} {
		if s.may(w) != want {
			t.Errorf("may(%q) = %v", w, !want)
		}
	}
	if !newSuffixSet([]string{""}).may("x") {
		t.Error("an empty suffix ends every word")
	}
}

func TestDigitBefore(t *testing.T) {
	for text, want := range map[string]bool{"3月": true, "岁月": false, "岁月12月": true, "月": false, "1 月": false, "第5号": true} {
		unit := "月"
		if text == "第5号" {
			unit = "号"
		}
		if digitBefore(text, unit) != want {
			t.Errorf("digitBefore(%q, %q) = %v", text, unit, !want)
		}
	}
}
