package segment

import (
	"testing"
	"unicode/utf8"
)

// TestRuneSize: runeSize reads every string of one to three bytes (and
// three bytes followed by a fourth) as utf8.DecodeRuneInString does.
func TestRuneSize(t *testing.T) {
	check := func(s string, b int) {
		r, n := utf8.DecodeRuneInString(s[b:])
		gotN, gotOK := runeSize(s, b)
		if gotN != n || gotOK != (r != utf8.RuneError || n > 1) {
			t.Fatalf("% x at %d: %d %v, the decoder %d %U", s, b, gotN, gotOK, n, r)
		}
	}
	var buf [4]byte
	for c0 := range 256 {
		buf[0] = byte(c0)
		check(string(buf[:1]), 0)
		for c1 := range 256 {
			buf[1] = byte(c1)
			check(string(buf[:2]), 0)
			check("x"+string(buf[:2]), 1)
			for c2 := range 256 {
				buf[2] = byte(c2)
				check(string(buf[:3]), 0)
			}
			buf[2], buf[3] = 0x80, 0x80
			check(string(buf[:4]), 0)
		}
	}
}
