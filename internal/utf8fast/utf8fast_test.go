package utf8fast

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The shortcuts answer as the library functions they stand for.

func TestIsHanIsUnicodeHan(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v", r, IsHan(r))
		}
	}
}

// eachShortString calls f with every string of one to three bytes (the
// third from the edges of the byte classes) and those followed by a
// continuation byte, and their prefixes.
func eachShortString(f func(s string)) {
	edges := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for b0 := range 256 {
		for b1 := range 256 {
			for _, b2 := range edges {
				s := string([]byte{byte(b0), byte(b1), b2, 0x80})
				for n := range len(s) + 1 {
					f(s[:n])
				}
			}
		}
	}
}

func TestRuneSizeIsDecodeRune(t *testing.T) {
	eachShortString(func(s string) {
		if _, want := utf8.DecodeRuneInString(s); RuneSize(s) != want {
			t.Fatalf("RuneSize(% x) = %d, want %d", s, RuneSize(s), want)
		}
	})
}

func TestDecodeRuneIsDecodeRune(t *testing.T) {
	eachShortString(func(s string) {
		wr, wn := utf8.DecodeRuneInString(s)
		if r, n := DecodeRune(s); r != wr || n != wn {
			t.Fatalf("DecodeRune(% x) = %U %d, want %U %d", s, r, n, wr, wn)
		}
	})
}

// TestRuneCount: RuneCount is utf8.RuneCountInString on every string of
// one to three bytes (and three followed by a fourth) and on mixed text.
func TestRuneCount(t *testing.T) {
	check := func(s string) {
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("% x: RuneCount %d, want %d", s, got, want)
		}
	}
	var buf [4]byte
	for c0 := range 256 {
		for c1 := range 256 {
			for c2 := range 256 {
				buf[0], buf[1], buf[2], buf[3] = byte(c0), byte(c1), byte(c2), 0x80
				check(string(buf[:3]))
				if c2 == 0 || c2 == 0x80 || c2 == 0xbf {
					for n := 1; n <= 4; n++ {
						check(string(buf[:n]))
					}
				}
			}
		}
	}
	for _, s := range []string{"", "国务院关于加快建设", "a\xffb中文\xe4\xb8", "互联网+监管：5G、COVID-19。", "😀中\xf0\x9f"} {
		check(s)
	}
}

// TestAllIdeographs checks AllIdeographs against decoding the runes, on
// every rune around and inside the block alone and in pairs with a few
// others, and on invalid and cut bytes.
func TestAllIdeographs(t *testing.T) {
	simple := func(s string) bool {
		if s == "" || !utf8.ValidString(s) {
			return false
		}
		for _, r := range s {
			if r < 0x4e00 || r > 0x9fff {
				return false
			}
		}
		return true
	}
	check := func(s string) {
		if got, want := AllIdeographs(s), simple(s); got != want {
			t.Fatalf("AllIdeographs(%q) = %v, want %v", s, got, want)
		}
	}
	others := []string{"", "中", "a", "，", "\u4dff", "\ua000", "\xe4", "\xe4\xb8", "\xff", "\xe9\xbf\xbf", "\xe4\xb7\xbf"}
	for r := rune(0); r <= 0xffff; r++ {
		s := string(r)
		check(s)
		if r >= 0x4d00 && r <= 0xa100 {
			for _, o := range others {
				check(s + o)
				check(o + s)
			}
		}
	}
	for _, o := range others {
		check(o)
		check(o + o)
	}
}

// TestDecodeLastRune checks DecodeLastRune against
// utf8.DecodeLastRuneInString on every string of up to three bytes led
// by a byte of a three-byte form or a continuation byte (with a prefix of
// none, an ASCII byte and a continuation byte), and on every rune.
func TestDecodeLastRune(t *testing.T) {
	check := func(s string) {
		r, n := DecodeLastRune(s)
		wr, wn := utf8.DecodeLastRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("DecodeLastRune(%q) = %U %d, want %U %d", s, r, n, wr, wn)
		}
	}
	for _, pre := range []string{"", "a", "\x80", "中"} {
		for b0 := 0x80; b0 <= 0xff; b0++ {
			for b1 := 0; b1 <= 0xff; b1++ {
				check(pre + string([]byte{byte(b0), byte(b1)}))
				for b2 := 0x70; b2 <= 0xc0; b2++ {
					check(pre + string([]byte{byte(b0), byte(b1), byte(b2)}))
				}
			}
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		check(string(r))
	}
	check("")
}

// Index finds what strings.Index finds, on random texts and subs of ASCII,
// Chinese characters, their bytes alone and invalid bytes.
func TestIndexAsStrings(t *testing.T) {
	parts := []string{"a", "五", "年", "规划", "\xe4", "\xba", "\x94", "\xff", "号", "〔", "中华人民共和国"}
	rng := rand.New(rand.NewPCG(3, 4))
	gen := func(n int) string {
		var b strings.Builder
		for range rng.IntN(n) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	for range 50000 {
		s, sub := gen(12), gen(3)
		if rng.IntN(2) == 0 && len(s) > 0 { // a sub of s, cut anywhere
			i := rng.IntN(len(s))
			sub = s[i : i+rng.IntN(len(s)-i+1)]
		}
		if got, want := Index(s, sub), strings.Index(s, sub); got != want {
			t.Fatalf("Index(%q, %q) = %d, want %d", s, sub, got, want)
		}
	}
}
