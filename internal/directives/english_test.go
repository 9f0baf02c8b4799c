package directives

import (
	"reflect"
	"testing"
)

// A lead-in's force reaches the items of its list: bullets that an
// unenumerated lead-in opens (each but the last ending on ";"), items
// written a., items that open on a capitalised verb or on a phrase of
// time before their verb, and items beyond a paragraph that continues the
// one before. The list ends at the next item of the lead-in's own level.
func TestEnglishListItems(t *testing.T) {
	meta := Meta{Format: "markdown", Title: "M-17-05: Fiscal Year 2016-2017 Guidance", Issuer: "OMB", Date: "2016-11-04T00:00:00Z"}
	ds := run(t, "en", meta,
		"Specifically, agencies should:",
		"Document the number of incidents reported to DHS within the FY; and",
		"Explain any major trends continuing from previous years.",
		"The letter describes the agency's progress in the year.",
		"(a) The Secretary of Transportation shall:",
		"(i) not later than 30 days after the date of this order, appoint members of the Advisory Committee;",
		"The Committee was formed in 2012 and advises the Department on consumer protection.",
		"(ii) Notify Advocacy of any draft rules that affect small entities; and",
		"(iii) implement the actions identified in this order.",
		"(b) The Advisory Committee advises the Secretary on consumer matters.",
		"(c) The privacy policy must:",
		"a. be written in plain language; and",
		"b. include a link to the agency's Privacy Program Page.")
	got := brief(ds)
	wantDs := []want{
		{"Specifically, agencies should", "should", "OMB"},
		{"Document the number of incidents reported to DHS within the FY", "should", "OMB"},
		{"Explain any major trends continuing from previous years", "should", "OMB"},
		{"The Secretary of Transportation shall", "must", "OMB"},
		{"not later than 30 days after the date of this order, appoint members of the Advisory Committee", "must", "OMB"},
		{"Notify Advocacy of any draft rules that affect small entities", "must", "OMB"},
		{"implement the actions identified in this order", "must", "OMB"},
		{"The privacy policy must", "must", "OMB"},
		{"be written in plain language", "must", "OMB"},
		{"include a link to the agency's Privacy Program Page", "must", "OMB"},
	}
	if !reflect.DeepEqual(got, wantDs) {
		t.Errorf("got  %v\nwant %v", got, wantDs)
	}
}

// What the model weighs of an English clause: the kind of word it opens
// on, what stands before its marker, and the markers the checks turned
// down ("will" after a phrase that names no body).
func TestEnglishFeatureClasses(t *testing.T) {
	setup(t)
	r := Compile(lex).english
	for _, c := range []struct {
		text          string
		verb          bool
		subject, weak string
	}{
		{"Notify Advocacy of any draft rules", true, "", ""},
		{"not later than 45 days after the date of this order, submit a report", true, "", ""},
		{"to improve access to markets, consider initiating a rulemaking", true, "", ""},
		{"clear annual and long-term goals", false, "", ""},
		{"the Secretary, in consultation with the Director, shall review", false, "other", ""},
		{"Agencies shall submit their reports", false, "body", ""},
		{"This may limit the sharing of information", false, "pronoun", ""},
		{"Incremental improvements will not give us the security we need", false, "other", ""},
		{"The DPC-led interagency process will ensure coordination", false, "", "will"},
		{"the agency will submit its plan", false, "body", ""},
	} {
		hits, weak := r.find(c.text)
		subject := ""
		if len(hits) > 0 {
			subject = enSubject(c.text[:hits[0].start])
		}
		w := ""
		if len(weak) > 0 {
			w = weak[0]
		}
		if got := r.opensOnVerb(c.text); got != c.verb || subject != c.subject || w != c.weak {
			t.Errorf("%q: verb %v subject %q weak %q, want %v %q %q", c.text, got, subject, w, c.verb, c.subject, c.weak)
		}
	}
}

// Force by ANNOTATION.md's table where the bare markers miss it: a
// negated subject forbids, a may inside an as-clause is no marker, a
// clause-opening Should is a condition, an adverb may stand inside a
// phrase marker, and an effective date is a directive.
func TestEnglishForceClasses(t *testing.T) {
	setup(t)
	r := Compile(lex).english
	for _, c := range []struct{ text, force string }{
		{"No member shall be pecuniarily interested in any carrier", "prohibit"},
		{"Unless otherwise required by law, no regulation shall be issued by an agency", "prohibit"},
		{"Neither a determination to extend the date, nor a regulation that expires, shall give rise to a claim", "prohibit"},
		{"No regulations exceeding the allowance will be permitted in that fiscal year", "prohibit"},
		{"no later than 90 days after the date of this order, the Secretary shall submit a report", "must"},
		{"if no submission is so required, the agency shall notify Advocacy", "must"},
		{"The Secretary of the Treasury is hereby authorized to submit reports", "encourage"},
		{"The Chair is also encouraged to consider working with the agencies", "encourage"},
		{"they should also consider privacy risk to individuals", "encourage"},
		{"The importation of any jadeite is hereby prohibited", "prohibit"},
		{"and I hereby prohibit such donations as provided by section 1 of this order", "prohibit"},
		{"Schedule 8 is effective January 1, 2022", "should"},
		{"they are effective in lessening the effects", ""},
		{"perform such other functions as the Secretary may assign", ""},
		{"Should any trading partner retaliate against the United States", ""},
	} {
		hits, _ := r.find(c.text)
		hs := make([]hit, len(hits))
		for i, h := range hits {
			hs[i] = hit{text: h.m.Text, force: h.m.Force}
		}
		if got, _ := strongest(hs); got != c.force {
			t.Errorf("%q: force %q, want %q", c.text, got, c.force)
		}
	}
}

// The items of a list of contents take the force of its lead-in when the
// model takes them (The prohibitions in section 1 of this order include:).
func TestEnglishContentsForce(t *testing.T) {
	setup(t)
	r := Compile(lex).english
	if got := r.leadForce("The prohibitions in section 1 of this order include:", nil); got != "prohibit" {
		t.Errorf("lead force %q, want prohibit", got)
	}
	hits, _ := r.find("The Council's duties shall include the following:")
	if got := r.leadForce("The Council's duties shall include the following:", hits); got != "must" {
		t.Errorf("lead force %q, want must", got)
	}
}
