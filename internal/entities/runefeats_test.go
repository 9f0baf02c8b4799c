package entities

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestRuneFeatsAsStrings: a feature of a prefix and one or two characters
// weighs through its runeKey what its string weighs in the model, for the
// characters the model has, others, and values that are no character.
func TestRuneFeatsAsStrings(t *testing.T) {
	m := loadNameModel()
	if m == nil {
		t.Skip("no name model")
	}
	var seen []rune
	for feat := range m.w {
		for _, r := range feat {
			seen = append(seen, r)
		}
	}
	odd := []rune{-1, 0xD800, utf8.MaxRune + 1, utf8.RuneError, '^', '$', '='}
	r := rand.New(rand.NewPCG(9, 10))
	pick := func() rune {
		if r.IntN(5) == 0 {
			return odd[r.IntN(len(odd))]
		}
		return seen[r.IntN(len(seen))]
	}
	for range 200000 {
		k := runeFeat(r.IntN(int(nRuneFeats)))
		rs := []rune{pick()}
		if r.IntN(2) == 0 {
			rs = append(rs, pick())
		}
		got := &Features{model: m}
		got.addRunes(k, rs...)
		buf := []byte(runeFeatNames[k])
		for _, c := range rs {
			buf = utf8.AppendRune(buf, c)
		}
		if want := m.w[string(buf)]; got.sum != want {
			t.Fatalf("%s%q: %v by rune, %v by string", runeFeatNames[k], rs, got.sum, want)
		}
	}
}
