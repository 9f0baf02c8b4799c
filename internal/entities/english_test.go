package entities

import (
	"strings"
	"testing"
)

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

// TestActForms checks the forms of an Act's name: a part of it cited (Title
// VII of …), two joined by "and the", a fiscal year, and a short name
// defined in parentheses and used again later.
func TestActForms(t *testing.T) {
	meta := Meta{Date: "2021-07-09T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta,
		"Covered by section 717 of Title VII of the Civil Rights Act of 1964, and under title II of the Communications Act of 1934.",
		"Review under the Bank Merger Act and the Bank Holding Company Act of 1956, and the National Defense Authorization Act for Fiscal Year 2018.",
		"A violation of the Sherman Antitrust Act (26 Stat. 209, 15 U.S.C. 1 et seq.) (Sherman Act).",
		"The Sherman Act applies.")
	got := keys(es)
	for _, w := range []string{"law:Civil Rights Act of 1964", "law:Communications Act of 1934", "law:Bank Merger Act",
		"law:Bank Holding Company Act of 1956", "law:National Defense Authorization Act for Fiscal Year 2018", "law:Sherman Antitrust Act"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, "law:Title") || strings.HasPrefix(g, "law:II ") || strings.Contains(g, "and the") || g == "law:Sherman Act" {
			t.Errorf("spurious %s", g)
		}
	}
	if e := find(es, "law", "Sherman Antitrust Act"); e == nil || e.Count != 3 {
		t.Errorf("Sherman Antitrust Act: %+v, want three mentions", e)
	}
}

// TestTitleTargetYear checks that the days news reports are of its own
// year when its title names a later year as a target, while a notice that
// plans the next year's days keeps the title's year.
func TestTitleTargetYear(t *testing.T) {
	es := extract(t, "zh", Meta{Date: "2021-11-26T00:21:19Z", Title: "16省份出手根治欠薪！2022年春节前全部清零"}, "11月5日，青海召开根治欠薪冬季专项行动部署会。")
	if !contains(keys(es), "date:2021-11-05") {
		t.Errorf("news: %v, want 2021-11-05", keys(es))
	}
	es = extract(t, "zh", Meta{Date: "2018-12-06T00:00:00Z", Title: "国务院办公厅关于2019年部分节假日安排的通知"}, "七、国庆节：10月1日至7日放假调休，共7天。")
	if !contains(keys(es), "date:2019-10-01") {
		t.Errorf("notice: %v, want 2019-10-01", keys(es))
	}
}

// TestSigningPresident checks an order's opening formula: the President it
// names, in ordinary case, with the title, also when the formula is broken
// over two paragraphs; capitals with no "I," before them name nobody.
func TestSigningPresident(t *testing.T) {
	meta := Meta{Date: "2021-02-10T00:00:00Z", Format: "markdown"}
	for _, c := range []struct {
		paras []string
		name  string
	}{
		{[]string{"By the authority vested in me, I, BARACK OBAMA, President of the United States of America, hereby order:"}, "Barack Obama"},
		{[]string{"section 301 of title 3, United States Code, I, JOSEPH R.", "BIDEN JR., President of the United States of America, find that the situation constitutes a threat."}, "Joseph R. Biden Jr."},
	} {
		es := extract(t, "en", meta, c.paras...)
		e := find(es, "person", c.name)
		if e == nil || len(e.Titles) != 1 || e.Titles[0] != "President of the United States of America" {
			t.Errorf("%s: got %+v in %v", c.name, e, keys(es))
		}
	}
	es := extract(t, "en", meta, "Pursuant to 3 U.S.C., President of the United States may delegate.")
	for _, e := range es {
		if e.Type == "person" {
			t.Errorf("a person in a citation: %+v", e)
		}
	}
}

// TestAcronymByInitials checks that a lexicon acronym the document never
// writes out is the cited name whose initials it spells (NEA: the National
// Emergencies Act here), and that SEC. 204 is a section's heading.
func TestAcronymByInitials(t *testing.T) {
	meta := Meta{Date: "2021-02-10T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta, "By the authority of the National Emergencies Act (50 U.S.C. 1601 et seq.) (NEA), I find a threat.",
		"I shall report under section 401(c) of the NEA.", "“SEC. 204 (a) The Secretary of Labor may exempt a contracting agency.")
	if e := find(es, "law", "National Emergencies Act"); e == nil {
		t.Errorf("no National Emergencies Act in %v", keys(es))
	}
	for _, e := range es {
		if e.Type == "organization" && (e.Text == "National Endowment for the Arts" || e.Text == "Securities and Exchange Commission") {
			t.Errorf("a body the document does not name: %+v", e)
		}
	}
}

// TestHeadingBeforeBody checks that a section heading run into the next
// sentence is no part of a body's name (Termination The Council).
func TestHeadingBeforeBody(t *testing.T) {
	es := extract(t, "en", Meta{Format: "markdown"}, "Sec. 5. Termination The Council shall terminate 2 years from the date of this order.")
	for _, e := range es {
		if e.Type == "organization" && strings.Contains(e.Text, "Termination") {
			t.Errorf("a heading in a body's name: %+v", e)
		}
	}
}

// TestNameBrokenAfterInitial checks a title's name that the paragraph
// breaks off after an initial: the next paragraph's first word ends it.
func TestNameBrokenAfterInitial(t *testing.T) {
	es := extract(t, "en", Meta{Format: "markdown"}, "the assassinations of President John F.", "Kennedy, Senator Robert F.", "Kennedy, and others.")
	for _, c := range [][2]string{{"John F. Kennedy", "President"}, {"Robert F. Kennedy", "Senator"}} {
		e := find(es, "person", c[0])
		if e == nil || len(e.Titles) != 1 || e.Titles[0] != c[1] {
			t.Errorf("%s: got %+v in %v", c[0], e, keys(es))
		}
	}
	if find(es, "person", "John F.") != nil {
		t.Errorf("a name cut at its initial: %v", keys(es))
	}
}

// TestKnownActTail checks that an Act named before ends a longer run of
// capitalised words that a function word joins to it.
func TestKnownActTail(t *testing.T) {
	es := extract(t, "en", Meta{Format: "markdown"},
		"By the authority vested in me by the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq.), I hereby order:",
		"Executive Order 13726 (Suspension of Entry Subject to United Nations Security Council Travel Bans and International Emergency Economic Powers Act Sanctions) is amended.")
	for _, e := range es {
		if e.Type == "law" && strings.Contains(e.Text, "Travel Bans") {
			t.Errorf("words before a known Act taken into it: %v", keys(es))
		}
	}
	if find(es, "law", "International Emergency Economic Powers Act") == nil {
		t.Errorf("no IEEPA in %v", keys(es))
	}
}
