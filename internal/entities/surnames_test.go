package entities

import (
	"testing"
	"unicode/utf8"
)

// TestSurnameRunes: the bitmaps answer as the surnames' map does, for
// every character of the Basic Multilingual Plane alone and followed by
// another, with surnames of one, two and three characters, beyond the
// Plane, U+FFFD and invalid bytes among them.
func TestSurnameRunes(t *testing.T) {
	surnames := map[string]bool{"王": true, "欧阳": true, "司马相": true, "𠀀": true, "\uFFFD": true,
		"\xff": true, "张\xff": true, "李": false, "诸葛": false}
	s := newSurnameRunes(surnames)
	seconds := []rune{'阳', '明', utf8.RuneError, 0x20000}
	for r := rune(0); r <= 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if got, want := s.isSurname(surnames, []rune{r}), surnames[string(r)]; got != want {
			t.Fatalf("%q: %v, want %v", r, got, want)
		}
		for _, r2 := range seconds {
			rs := []rune{r, r2}
			if got, want := s.isSurname(surnames, rs), surnames[string(rs)]; got != want {
				t.Fatalf("%q: %v, want %v", string(rs), got, want)
			}
		}
	}
	if !s.isSurname(surnames, []rune("欧阳")) || s.isSurname(surnames, []rune("诸葛")) || !s.isSurname(surnames, []rune("𠀀")) {
		t.Fatal("欧阳 or 𠀀 not found, or 诸葛 (false in the map) found")
	}
}
