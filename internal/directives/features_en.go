package directives

import (
	"strconv"
	"strings"
)

// enPrefix marks the English features: the two languages share one
// weights file but no feature.
const enPrefix = "en:"

// enFeatures names what the model weighs in an English clause: the rules'
// verdict, its markers and force, whether a list lent it its force, the
// words that open and close it, what kind of word opens it, who stands
// before its marker and the verb after it.
func enFeatures(f *featureSet, r *englishRules, c enClause) {
	text, hits := c.text, c.hits
	f.add("bias")
	f.add("rule", strconv.FormatBool(c.rule))
	for _, flag := range []struct {
		name string
		on   bool
	}{{"lent", c.lent}, {"item", c.item}, {"in-list", c.inList}, {"colon", c.colon}} {
		if flag.on {
			f.add(flag.name)
		}
	}
	for i, h := range hits {
		f.add("marker", strings.ToLower(h.m.Text))
		f.add("force", h.m.Force)
		if i == 0 {
			f.add("at", strconv.Itoa(min(len(strings.Fields(text[:h.start])), 6)))
			if h.end > 0 {
				f.add("subj", enSubject(text[:h.start]))
				if v, _ := englishActionObject(text[h.end:]); v != "" {
					f.add("mv", strings.ToLower(v))
				}
			}
		}
	}
	for _, m := range c.weak {
		f.add("weak", m) // "will" after a phrase, not an agency: the DPC-led process will ensure…
	}
	words := enWords(text)
	for i, w := range words[:min(2, len(words))] {
		f.add("w"+strconv.Itoa(i), w)
	}
	if n := len(words); n > 0 {
		f.add("wl", words[n-1])
		f.add("open", enOpening(r, words[0]))
	}
	f.add("len", lengthBucket(len(words)))
}

// enClause is what the walk knows of a clause: its text (without its
// enumerator and closing punctuation), its markers and those turned down,
// the rules' verdict, whether a list lent it its force, whether it is an
// enumerated item or within a list, and whether it ends on a colon.
type enClause struct {
	text                            string
	hits                            []enHit
	weak                            []string
	rule, lent, item, inList, colon bool
}

// enOpening classes the word a clause opens on: a verb of instruction
// (Document the number…, submit a report…), a verb's -ing form (developing
// an annual report…, an item of a list of duties), or another word.
func enOpening(r *englishRules, w string) string {
	switch {
	case r.verbs[w]:
		return "verb"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return "ing"
	}
	return "other"
}

// enSubject classes what stands before a clause's marker: nothing (an
// item that opens on its marker), a body or official (agencies shall…),
// a pronoun (this will…, it may…), or another noun phrase (current
// contract terms may…, a statement of fact more often than an order).
func enSubject(before string) string {
	switch {
	case strings.TrimSpace(before) == "":
		return "none"
	case reWillPronoun.MatchString(before):
		return "pronoun"
	case reWillSubject.MatchString(before):
		return "body"
	}
	return "other"
}

// enWords are a clause's words, lowercased, without the punctuation
// around them.
func enWords(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		w = strings.ToLower(strings.Trim(w, `.,;:()[]"'“”‘’*`))
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}
