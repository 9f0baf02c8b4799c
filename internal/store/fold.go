package store

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The full-text tables tokenize with FTS5's ascii tokenizer, which splits
// on ASCII punctuation and spaces only: the text they get is already
// tokens separated by spaces (tokenText). What unicode61, their tokenizer
// until schema 5, did beyond that (case folding, removing diacritics,
// splitting at characters it does not count as letters or digits) is
// done here, rune by rune, from fold61: so the tables hold the same
// tokens as before and a query finds what it found, while FTS5 no longer
// looks each character up in its Unicode tables (a sixth of a fresh
// index's store time on the work reports).

// foldRange maps the runes lo…hi the way unicode61 (remove_diacritics 1)
// does: to foldSep (a separator: the token ends there), foldDrop (left
// out of the token) or, when lo == hi, to another rune.
type foldRange struct{ lo, hi, to rune }

const (
	foldSep  rune = -1
	foldDrop rune = 0
)

// foldFreeLo…foldFreeHi hold no fold61 entry (TestFold61): the common
// Chinese characters skip the search.
const foldFreeLo, foldFreeHi = 0x4E00, 0x9FFF

// foldRune is what unicode61 makes of r: r itself, another rune, foldSep
// or foldDrop. ASCII is lower-cased already and left as it is.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf || (r >= foldFreeLo && r <= foldFreeHi) {
		return r
	}
	i := sort.Search(len(fold61), func(i int) bool { return fold61[i].hi >= r })
	if i < len(fold61) && fold61[i].lo <= r {
		return fold61[i].to
	}
	return r
}

// writeFolded writes r as unicode61 would index it.
func writeFolded(b *strings.Builder, r rune) {
	switch f := foldRune(r); f {
	case foldDrop:
	case foldSep:
		b.WriteByte(' ')
	default:
		b.WriteRune(f)
	}
}

// writeFoldedString writes s rune by rune with writeFolded.
func writeFoldedString(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		writeFolded(b, r)
		i += n
	}
}

// foldString is s as unicode61 would index it (a token may become two).
func foldString(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			var b strings.Builder
			b.Grow(len(s))
			writeFoldedString(&b, s)
			return b.String()
		}
	}
	return s
}
