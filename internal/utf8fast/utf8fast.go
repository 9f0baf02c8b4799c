// Package utf8fast reads the runes of Chinese text without the UTF-8
// decoder's slow path, which it takes for every rune past ASCII: a
// character of three bytes (most of a Chinese text) is recognised from
// its bytes. The segmenter, the directive features and the entity
// extractor walk every rune of a text, several times.
package utf8fast

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ThreeByte reports a character of three bytes at the start of s that is
// valid whatever its continuation bytes hold: a lead byte E1–EC or EE–EF
// (not E0 or ED, whose second byte is restricted: overlong forms,
// surrogates) and two continuation bytes.
func ThreeByte(s string) bool {
	return len(s) >= 3 && s[0]-0xe1 < 0x0f && s[0] != 0xed && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80
}

// RuneSize is the length of the rune s starts with, as
// utf8.DecodeRuneInString reads it (1 for a byte that is no UTF-8, 0 for
// nothing).
func RuneSize(s string) int {
	if ThreeByte(s) {
		return 3
	}
	return runeSizeSlow(s)
}

// runeSizeSlow is RuneSize past ThreeByte, kept apart so that RuneSize
// inlines.
func runeSizeSlow(s string) int {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s)
	return n
}

// RuneCount is utf8.RuneCountInString with RuneSize's shortcut: the
// runtime decodes every rune past ASCII through a call, and the pipeline
// counts the runes of every paragraph several times (windows, the
// document's size, the segmenter's runes).
func RuneCount(s string) int {
	n := 0
	for b := 0; b < len(s); n++ {
		switch {
		case s[b] < utf8.RuneSelf:
			b++
		case ThreeByte(s[b:]): // inlined, where RuneSize is a call
			b += 3
		default:
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
		}
	}
	return n
}

// DecodeRune is utf8.DecodeRuneInString with RuneSize's shortcut.
func DecodeRune(s string) (rune, int) {
	if ThreeByte(s) {
		return rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	return utf8.DecodeRuneInString(s)
}

// IsHan is unicode.Is(unicode.Han, r), with the CJK Unified Ideographs
// block and everything below the first Han character answered without
// searching the table.
func IsHan(r rune) bool {
	switch {
	case r >= 0x4e00 && r <= 0x9fff:
		return true
	case r < 0x2e80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// AllIdeographs reports a non-empty string written in characters of the
// CJK Unified Ideographs block alone (U+4E00–U+9FFF: E4 B8 80 to E9 BF
// BF), read from its bytes: such a string has no case, no punctuation and
// no decomposition, which lets callers skip normalizing it.
func AllIdeographs(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 3 {
		c, c1, c2 := s[i], s[i+1], s[i+2]
		if c < 0xe4 || c > 0xe9 || c == 0xe4 && c1 < 0xb8 || c1&0xc0 != 0x80 || c2&0xc0 != 0x80 {
			return false
		}
	}
	return true
}

// DecodeLastRune is utf8.DecodeLastRuneInString with RuneSize's shortcut:
// three last bytes that ThreeByte accepts are the last rune (a lead byte
// is no continuation byte, so no longer sequence can hold them).
func DecodeLastRune(s string) (rune, int) {
	if n := len(s); n >= 3 && ThreeByte(s[n-3:]) {
		return rune(s[n-3]&0x0f)<<12 | rune(s[n-2]&0x3f)<<6 | rune(s[n-1]&0x3f), 3
	}
	return utf8.DecodeLastRuneInString(s)
}

// Index is strings.Index for Chinese text: a sub that ends in a byte past
// ASCII (a continuation byte, for valid UTF-8) is searched by that last
// byte, which spreads over 64 values in a Chinese text, where the lead
// byte strings.Index searches by is one of a few (E4–E9) and stops it at
// every other character. The first end that matches is that of the
// leftmost match.
func Index(s, sub string) int {
	n := len(sub)
	if n < 2 || sub[n-1] < utf8.RuneSelf {
		return strings.Index(s, sub)
	}
	last := sub[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		i += j
		if s[i+1-n:i+1] == sub {
			return i + 1 - n
		}
	}
	return -1
}
