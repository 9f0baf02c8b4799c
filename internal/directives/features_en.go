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
// words that open and close it, and its words.
func enFeatures(f *featureSet, text string, hits []enHit, rule, lent, item, inList bool) {
	f.add("bias")
	f.add("rule", strconv.FormatBool(rule))
	for _, flag := range []struct {
		name string
		on   bool
	}{{"lent", lent}, {"item", item}, {"in-list", inList}, {"colon", strings.HasSuffix(text, ":")}} {
		if flag.on {
			f.add(flag.name)
		}
	}
	for i, h := range hits {
		f.add("marker", strings.ToLower(h.m.Text))
		f.add("force", h.m.Force)
		if i == 0 {
			f.add("at", strconv.Itoa(min(len(strings.Fields(text[:h.start])), 6)))
		}
	}
	words := enWords(text)
	for i, w := range words[:min(2, len(words))] {
		f.add("w"+strconv.Itoa(i), w)
	}
	if n := len(words); n > 0 {
		f.add("wl", words[n-1])
	}
	f.add("len", lengthBucket(len(words)))
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
