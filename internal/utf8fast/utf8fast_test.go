package utf8fast

import (
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
