package entities

import "testing"

// TestMemoSenders checks a memorandum's FROM: line: each name before its
// title, one or two senders.
func TestMemoSenders(t *testing.T) {
	meta := Meta{Date: "2016-08-08T00:00:00Z", Format: "markdown"}
	for _, c := range []struct{ in, name, title string }{
		{"FROM: Shaun Donovan, Director", "Shaun Donovan", "Director"},
		{"FROM: Tony Scott United States Chief Information Officer Anne E. Rung United States Chief Acquisition Officer", "Tony Scott", "United States Chief Information Officer"},
		{"FROM: Tony Scott United States Chief Information Officer Anne E. Rung United States Chief Acquisition Officer", "Anne E. Rung", "United States Chief Acquisition Officer"},
	} {
		es := extract(t, "en", meta, c.in)
		e := find(es, "person", c.name)
		if e == nil || len(e.Titles) != 1 || e.Titles[0] != c.title {
			t.Errorf("%s: %s: got %+v in %v", c.in, c.name, e, keys(es))
		}
	}
}

// TestOrdinalTitle checks that a title takes the ordinal of its holders and
// the body before it (中国核潜艇 + 第一任 + 总设计师).
func TestOrdinalTitle(t *testing.T) {
	es := extract(t, "zh", Meta{}, "中国核潜艇第一任总设计师彭士禄逝世。")
	e := find(es, "person", "彭士禄")
	if e == nil || len(e.Titles) != 1 || e.Titles[0] != "中国核潜艇第一任总设计师" {
		t.Errorf("彭士禄: %+v in %v", e, keys(es))
	}
}
