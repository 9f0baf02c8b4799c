package keywords

import (
	"slices"
	"strings"

	"github.com/policylens/policylens/internal/fold"
)

// A piece of a recognised name is no keyword: 上海 where the text writes
// it only in 上海交通大学, 立峰 of 何立峰. The keyword candidates know the
// lexicon's names as units but not the names the entity extractor finds
// beyond them (the name model's persons, bodies built from their parts),
// so the analyzer hands those over once the document is read.

// KeywordsOutside is Keywords without the terms that the text writes only
// inside longer names, names being the surfaces of the persons, bodies and
// places found. A term that is itself one of the names stays. Without the
// document's text (a document over 1 MB) or in English nothing is left out.
func (a *Accumulator) KeywordsOutside(n int, names []string) []Keyword {
	if a.lang == "en" || a.text == nil || len(names) == 0 {
		return a.Keywords(n)
	}
	folded := make([]string, 0, len(names))
	for _, s := range names {
		if s = fold.String(s); s != "" {
			folded = append(folded, s)
		}
	}
	return a.keywords(n, func(term string) bool { return PieceOfName(a.text, fold.String(term), folded) })
}

// PieceOfName tells whether every occurrence of term in texts lies inside
// a longer name of names written around it (and there is at least one),
// term not being one of the names itself.
func PieceOfName(texts []string, term string, names []string) bool {
	if term == "" || slices.Contains(names, term) {
		return false
	}
	seen := false
	for _, text := range texts {
		for i := 0; ; {
			j := strings.Index(text[i:], term)
			if j < 0 {
				break
			}
			if !InsideName(text, i+j, term, names) {
				return false
			}
			seen = true
			i += j + len(term)
		}
	}
	return seen
}

// InsideName tells whether the occurrence of term at byte at of text lies
// inside a longer name of names written around it.
func InsideName(text string, at int, term string, names []string) bool {
	for _, n := range names {
		if len(n) <= len(term) {
			continue
		}
		for k := strings.Index(n, term); k >= 0; {
			s := at - k
			if s >= 0 && s+len(n) <= len(text) && text[s:s+len(n)] == n {
				return true
			}
			nk := strings.Index(n[k+1:], term)
			if nk < 0 {
				break
			}
			k += 1 + nk
		}
	}
	return false
}
