package store

import (
	"strings"
	"unicode/utf8"
)

// snippetRunes is how much context a snippet shows on each side of a match.
const snippetRunes = 30

// snippetOf finds the first paragraph holding one of the terms and returns
// the text around the first match, every match marked « », and the
// paragraph's index. Without terms it is the start of the first paragraph.
func snippetOf(paras []string, terms []string) (string, int) {
	for i, p := range paras {
		at, term := firstMatch(p, terms)
		if at < 0 {
			continue
		}
		start := backRunes(p, at, snippetRunes)
		end := min(len(p), at+len(term)+forwardBytes(p[at+len(term):], snippetRunes))
		s := mark(p[start:end], terms)
		if start > 0 {
			s = "…" + s
		}
		if end < len(p) {
			s += "…"
		}
		return s, i
	}
	if len(terms) == 0 && len(paras) > 0 {
		p := paras[0]
		end := forwardBytes(p, 2*snippetRunes)
		if end < len(p) {
			return p[:end] + "…", 0
		}
		return p, 0
	}
	return "", 0
}

// firstMatch is the byte offset of the earliest term in p (ASCII letters
// matched without case), or -1.
func firstMatch(p string, terms []string) (int, string) {
	lower := strings.ToLower(p)
	best, which := -1, ""
	for _, t := range terms {
		if i := strings.Index(lower, strings.ToLower(t)); i >= 0 && (best < 0 || i < best) && len(lower) == len(p) {
			best, which = i, t
		}
	}
	return best, which
}

// mark puts « » around every occurrence of the terms.
func mark(s string, terms []string) string {
	for _, t := range terms {
		s = strings.ReplaceAll(s, t, "«"+t+"»")
	}
	return s
}

func backRunes(s string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:at])
		at -= size
	}
	return at
}

func forwardBytes(s string, n int) int {
	at := 0
	for ; n > 0 && at < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[at:])
		at += size
	}
	return at
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
