package keywords

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestHasQuoteAsContainsRune checks hasQuote against strings.ContainsRune
// for both quote sets and every rune below U+10000 (and a few beyond).
func TestHasQuoteAsContainsRune(t *testing.T) {
	for _, q := range []string{openQuotes, closeQuotes} {
		for _, r := range q {
			if r >= 0x4e00 && r <= 0x9fff {
				t.Fatalf("quote set %q holds a Han character", q)
			}
		}
		for r := rune(-2); r <= 0x10010; r++ {
			if got, want := hasQuote(q, r), strings.ContainsRune(q, r); got != want {
				t.Fatalf("hasQuote(%q, %U) = %v, want %v", q, r, got, want)
			}
		}
	}
}

// simpleNormTerm is NormTerm without its shortcut for ideographs.
func simpleNormTerm(s string) string {
	if norm.NFKC.IsNormalString(s) && !strings.ContainsAny(s, punctuation) && strings.ToLower(s) == s {
		return s
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if !strings.ContainsRune(punctuation, r) {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(b.String())
}

// TestNormTermAsSimple checks NormTerm against the form without the
// shortcut: every ideograph of the block alone, and random strings of
// ideographs, of their neighbours and of punctuation.
func TestNormTermAsSimple(t *testing.T) {
	for r := rune(0x4d00); r <= 0xa100; r++ {
		s := string(r)
		if got, want := NormTerm(s), simpleNormTerm(s); got != want {
			t.Fatalf("NormTerm(%q) = %q, want %q", s, got, want)
		}
	}
	pool := []rune("中国发展经济改革兼ＡＢａＢ１，。“”（） ·-\u4dff\ua000\uf900\u3000")
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		rs := make([]rune, 1+rnd.IntN(6))
		for i := range rs {
			if rnd.IntN(2) == 0 {
				rs[i] = rune(0x4e00 + rnd.IntN(0x5200))
			} else {
				rs[i] = pool[rnd.IntN(len(pool))]
			}
		}
		s := string(rs)
		if !utf8.ValidString(s) {
			continue
		}
		if got, want := NormTerm(s), simpleNormTerm(s); got != want {
			t.Fatalf("NormTerm(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestOccurrencesAsNeighbours checks occurrences (one pass for all terms,
// three-byte characters decoded in its loop) against Neighbours (a scan
// per term) on random texts of Han characters, function words, ASCII,
// characters of two and four bytes and bytes that are no UTF-8.
func TestOccurrencesAsNeighbours(t *testing.T) {
	pieces := []string{"县", "市", "区", "网", "约", "车", "的", "和", "a", "。", "é", "😀", "\xff", "\xe4\xb8", "县市", "网约车"}
	rnd := rand.New(rand.NewPCG(8, 12))
	for trial := range 3000 {
		texts := make([]string, 1+rnd.IntN(3))
		for i := range texts {
			var b strings.Builder
			for range rnd.IntN(40) {
				b.WriteString(pieces[rnd.IntN(len(pieces))])
			}
			texts[i] = b.String()
		}
		terms := []string{"县市", "网约", "车", "市区", "约车的", "a"}
		for k, s := range occurrences(texts, terms) {
			n, l, r := Neighbours(texts, terms[k])
			if s.count != n || (s.count >= 5 && (s.left > 0 || s.right > 0)) != IsHalf(n, l, r) {
				t.Fatalf("trial %d %q in %q: count %d sides %d %d, Neighbours %d %d %d", trial, terms[k], texts, s.count, s.left, s.right, n, l, r)
			}
		}
	}
}
