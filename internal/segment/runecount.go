package segment

import (
	"unicode/utf8"

	"github.com/policylens/policylens/internal/utf8fast"
)

// RuneCount is utf8.RuneCountInString with a character of three bytes
// counted from its bytes: the runtime decodes every rune past ASCII through
// a call, and the pipeline counts the runes of every paragraph several
// times (windows, the document's size, the segmenter's runes).
// TestRuneCount checks it against utf8.RuneCountInString.
func RuneCount(s string) int {
	n := 0
	for b := 0; b < len(s); n++ {
		if s[b] < utf8.RuneSelf {
			b++
		} else if utf8fast.ThreeByte(s[b:]) {
			b += 3
		} else {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
		}
	}
	return n
}
