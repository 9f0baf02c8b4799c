package directives

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
// the length in bytes of the longest.
func compileWordKinds(byKind map[string]map[string]bool) (map[string]wordKind, int) {
	m := map[string]wordKind{}
	longest := 0
	for _, k := range wordKindNames {
		for w, ok := range byKind[k.kind] {
			if ok {
				m[w] |= k.bit
				longest = max(longest, len(w))
			}
		}
	}
	return m, longest
}

// kindsOf is the cue kinds of wordKindNames that w is a cue of: what
// c.byKind[kind][w] answers for each kind, in one look-up (none for a word
// longer than every cue).
func (c *cues) kindsOf(w string) wordKind {
	if len(w) > c.wordMax {
		return 0
	}
	return c.wordKinds[w]
}
