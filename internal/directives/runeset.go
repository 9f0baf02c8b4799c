package directives

// runeSet is a set of runes as a bitmap up to its largest rune: a test is
// a shift and a mask where a map[rune]bool hashed every character of every
// clause (findMarkersIn asks it of each rune; the map was 7% of the
// directives' time).
type runeSet []uint64

// newRuneSet is the set of the given runes (negative ones are left out).
func newRuneSet(runes []rune) runeSet {
	top := rune(-1)
	for _, r := range runes {
		top = max(top, r)
	}
	if top < 0 {
		return nil
	}
	s := make(runeSet, top/64+1)
	for _, r := range runes {
		if r >= 0 {
			s[r/64] |= 1 << (r % 64)
		}
	}
	return s
}

// has reports r in the set.
func (s runeSet) has(r rune) bool {
	i := int(uint32(r) / 64) // a negative rune wraps past the set
	return i < len(s) && s[i]&(1<<(uint32(r)%64)) != 0
}
