package lexicon

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode/utf8"
)

// runePrefixesWant is AppendPrefixes of the string rs spells, its lengths
// counted in runes: what AppendRunePrefixes must give.
func runePrefixesWant(x *Index, rs []rune, maxRunes int) []Match {
	s := string(rs)
	ms := x.AppendPrefixes(nil, s, maxRunes)
	for i := range ms {
		ms[i].N = utf8.RuneCountInString(s[:ms[i].N])
	}
	return ms
}

// TestAppendRunePrefixes: the rune search finds what the byte search finds
// in the text the runes spell, with a trie and without, runes that are no
// characters (a surrogate, a negative value, one past the last) included.
func TestAppendRunePrefixes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	_, plain, withTrie := testIndexes(randomKeys(r, 3000))
	odd := []rune{0xD800, -1, utf8.MaxRune + 1, utf8.RuneError}
	for i, s := range randomKeys(r, 2000) {
		rs := []rune(s + "国家")
		if i%4 == 0 {
			rs[len(rs)/2] = odd[i/4%len(odd)]
		}
		for _, maxRunes := range []int{0, 1, 2, 3} {
			for _, x := range []*Index{plain, withTrie} {
				want := runePrefixesWant(x, rs, maxRunes)
				if got := x.AppendRunePrefixes(nil, rs, maxRunes); !reflect.DeepEqual(got, want) {
					t.Fatalf("%q max %d (trie %v): %v, want %v", rs, maxRunes, x.trie != nil, got, want)
				}
			}
		}
	}
	if got := withTrie.AppendRunePrefixes(nil, nil, 0); got != nil {
		t.Fatalf("no runes: %v", got)
	}
}

// FuzzRunePrefixes: AppendRunePrefixes agrees with AppendPrefixes on any
// text's runes.
func FuzzRunePrefixes(f *testing.F) {
	_, _, plain, withTrie := fuzzIndexes(f)
	f.Fuzz(func(t *testing.T, s string, maxRunes int) {
		maxRunes = max(0, maxRunes%5)
		rs := []rune(s)
		for _, x := range []*Index{plain, withTrie} {
			if got, want := x.AppendRunePrefixes(nil, rs, maxRunes), runePrefixesWant(x, rs, maxRunes); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: %v, want %v", s, maxRunes, got, want)
			}
		}
	})
}

// TestThreeByteRune: every rune threeByteRune decodes is what
// utf8.DecodeRuneInString decodes, over all three-byte strings led by E0
// to EF, and it decodes the CJK ideographs.
func TestThreeByteRune(t *testing.T) {
	var b [3]byte
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := range 256 {
			for c2 := range 256 {
				b = [3]byte{byte(c0), byte(c1), byte(c2)}
				s := string(b[:])
				r, size := threeByteRune(s)
				if size == 0 {
					continue
				}
				if wr, wsize := utf8.DecodeRuneInString(s); r != wr || size != wsize {
					t.Fatalf("% x: %U %d, want %U %d", b, r, size, wr, wsize)
				}
			}
		}
	}
	for _, s := range []string{"国", "\u4e00", "\u9fff", "\u3400"} {
		if r, size := threeByteRune(s); size != 3 || string(r) != s {
			t.Fatalf("%q: %U %d", s, r, size)
		}
	}
}

// TestDecodeRune: decodeRune decodes as utf8.DecodeRuneInString does,
// over every string of up to two bytes, every three-byte string led by E0
// to EF and a few longer ones.
func TestDecodeRune(t *testing.T) {
	check := func(s string) {
		r, size := decodeRune(s)
		if wr, wsize := utf8.DecodeRuneInString(s); r != wr || size != wsize {
			t.Fatalf("% x: %U %d, want %U %d", s, r, size, wr, wsize)
		}
	}
	check("")
	for c0 := range 256 {
		check(string([]byte{byte(c0)}))
		for c1 := range 256 {
			check(string([]byte{byte(c0), byte(c1)}))
		}
	}
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := range 256 {
			for c2 := range 256 {
				check(string([]byte{byte(c0), byte(c1), byte(c2)}))
			}
		}
	}
	for _, s := range []string{"国家", "𠀀", "a国", "\xed\xa0\x80", "\xef\xbf\xbf"} {
		check(s)
	}
}
