package directives

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// kindsOf answers for every kind of wordKindNames what byKind does: for
// every cue word of any kind, its prefixes and suffixes, longer words and
// the empty word.
func TestKindsOfAsByKind(t *testing.T) {
	setup(t)
	r := Compile(lex)
	words := map[string]bool{"": true, "是": true, "尤其": true, "如何": true}
	for w := range lex.Frames {
		words[w], words[w+"要求"], words[w[:len(w)-1]] = true, true, true
	}
	for _, list := range lex.Cues {
		for _, w := range list {
			words[w], words[w+"的"], words["已"+w] = true, true, true
			for i := range w {
				words[w[:i]], words[w[i:]] = true, true
			}
		}
	}
	words[strings.Repeat("是", r.wordMax)] = true
	for w := range words {
		got := r.kindsOf(w)
		for _, k := range wordKindNames {
			if want := r.byKind[k.kind][w]; (got&k.bit != 0) != want {
				t.Errorf("kindsOf(%q) %s: %v, byKind %v", w, k.kind, got&k.bit != 0, want)
			}
		}
		if want := r.lex.Frames[w] == "directive"; (got&wkDirectiveFrame != 0) != want {
			t.Errorf("kindsOf(%q) directive frame: %v, Frames %v", w, got&wkDirectiveFrame != 0, want)
		}
	}
}

// nameRune's shortcut agrees with the tables for every rune.
func TestNameRuneAsUnicode(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		want := r
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			want = '_'
		}
		if got := nameRune(r); got != want {
			t.Fatalf("nameRune(%U) = %U, want %U", r, got, want)
		}
	}
}

// A runeSet holds what a map of the same runes holds, for every rune and
// a few out of range.
func TestRuneSetAsMap(t *testing.T) {
	in := []rune{0, 'a', '要', '应', 0x10ffff, -5}
	set, m := newRuneSet(in), map[rune]bool{}
	for _, r := range in {
		m[r] = r >= 0
	}
	for r := rune(-70); r <= unicode.MaxRune+70; r++ {
		if set.has(r) != m[r] {
			t.Fatalf("has(%U) = %v, want %v", r, set.has(r), m[r])
		}
	}
	if newRuneSet(nil).has('a') || newRuneSet([]rune{'b'}).has('a'+64) {
		t.Error("an empty or small set holds a rune it was not given")
	}
}

// enumItem and timeOnly answer as their regexps alone, on random strings
// of the characters the patterns name and others.
func TestOpensOnAsRegexp(t *testing.T) {
	parts := []string{"一", "是", "其", "第", "，", "、", "（", "(", ")", "）", "3", "12", "年", "月", "日", "从", "自", "截至", "到", "至", "在", "〇", "十", "前", "要", "加强", " ", "\xe4", "\xff", "a", "—"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := enumItem(s), reEnumItem.MatchString(s); got != want {
			t.Fatalf("enumItem(%q) = %v, the regexp %v", s, got, want)
		}
		if got, want := timeOnly(s), hasAny(s, "年月日") && reTimeOnly.MatchString(s); got != want {
			t.Fatalf("timeOnly(%q) = %v, the regexp %v", s, got, want)
		}
	}
}
