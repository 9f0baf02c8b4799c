package directives

import "github.com/policylens/policylens/internal/utf8fast"

// wordKind is a set of the cue kinds the clauses test a token against, one
// bit each: isFact, opensOnCopula, question and exception ask of every
// token (or ending) whether it is a cue of a kind, and one look-up in
// wordKinds answers for all of them where each asked its own map (the map
// look-ups by string were the directives' largest cost).
type wordKind uint8

const (
	wkFact wordKind = 1 << iota
	wkCopula
	wkFocus
	wkQuestion
	wkException
	wkTail
	wkDirectiveFrame // a frame of kind "directive" (lex.Frames)
)

// wordKindNames are the lexicon's cue kinds wordKinds holds, by bit.
var wordKindNames = [...]struct {
	kind string
	bit  wordKind
}{
	{"fact", wkFact}, {"copula", wkCopula}, {"focus", wkFocus},
	{"question", wkQuestion}, {"exception", wkException}, {"tail", wkTail},
}

// compileWordKinds builds the kinds of each cue word of wordKindNames and
// of each directive frame, the length in bytes of the longest and the set
// of their first characters.
func compileWordKinds(byKind map[string]map[string]bool, frames map[string]string) (map[string]wordKind, int, runeSet) {
	m := map[string]wordKind{}
	for _, k := range wordKindNames {
		for w, ok := range byKind[k.kind] {
			if ok {
				m[w] |= k.bit
			}
		}
	}
	for w, kind := range frames {
		if kind == "directive" {
			m[w] |= wkDirectiveFrame
		}
	}
	longest := 0
	var starts []rune
	for w := range m {
		longest = max(longest, len(w))
		r, _ := utf8fast.DecodeRune(w)
		starts = append(starts, r)
	}
	return m, longest, newRuneSet(starts)
}

// kindsOf is the kinds of wordKind that w is a cue of: what
// c.byKind[kind][w] answers for each kind of wordKindNames, and
// c.lex.Frames[w] == "directive", in one look-up, and none without one for
// a word longer than every cue or opening on a character none opens on
// (most words).
func (c *cues) kindsOf(w string) wordKind {
	if len(w) > c.wordMax {
		return 0
	}
	if len(w) > 0 {
		if r, _ := utf8fast.DecodeRune(w); !c.wordStart.has(r) {
			return 0
		}
	}
	return c.wordKinds[w]
}
