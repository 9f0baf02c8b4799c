package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCleanSpacePlain: cleanSpace, which only trims a plain line, returns
// what the rune-by-rune pass returns, on strings made of pieces that the
// pass changes (spaces, breaks, controls, the no-break space, zero-width
// characters, invalid bytes, parts of them) and pieces it keeps.
func TestCleanSpacePlain(t *testing.T) {
	pieces := []string{"国", "务院", "，", "a", "Z9", " ", "\t", "\n", "\r", "\f", "\v", "\x00", "\x01", "\u3000",
		"\u00a0", "\xc2", "\xa0", "\u200b", "\u200c", "\u200d", "\u200e", "\u2060", "\u2061", "\ufeff", "\ufffd",
		"\xe2\x80", "\xe2", "\xef\xbb", "\xef", "\xbf", "\xff", "“", "—", "😀", "\xf0\x9f"}
	check := func(s string) {
		if got, want := cleanSpace(s), cleanSpaceRunes(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	}
	for _, a := range pieces {
		check(a)
		for _, b := range pieces {
			check(a + b)
			for _, c := range pieces {
				check(a + b + c)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}
