package keywords

import (
	"strings"

	"github.com/policylens/policylens/internal/utf8fast"
)

// Neighbours counts a term's occurrences in texts, and how many of them
// have the most frequent Han character written right before it and right
// after it (function characters such as 的 and 和 do not count). A term
// always written against the same character is half of a longer term the
// segmenter split (保障性|租赁住房); the junk test of the corpus judges the
// shown keywords by the same counts (gencorpus).
func Neighbours(texts []string, term string) (count, sameLeft, sameRight int) {
	left, right := map[rune]int{}, map[rune]int{}
	for _, text := range texts {
		count += neighbours(text, term, left, right)
	}
	for _, n := range left {
		sameLeft = max(sameLeft, n)
	}
	for _, n := range right {
		sameRight = max(sameRight, n)
	}
	return count, sameLeft, sameRight
}

// neighbours counts a term's occurrences in one text and adds their
// neighbouring characters to left and right.
func neighbours(text, term string, left, right map[rune]int) (count int) {
	for i := 0; term != ""; {
		j := strings.Index(text[i:], term)
		if j < 0 {
			break
		}
		at := i + j
		count++
		if r, _ := utf8fast.DecodeLastRune(text[:at]); glue(r) {
			left[r]++
		}
		if r, _ := utf8fast.DecodeRune(text[at+len(term):]); glue(r) {
			right[r]++
		}
		i = at + len(term)
	}
	return count
}

// IsHalf tells a term written five times or more, each time against the
// same character on one side.
func IsHalf(count, sameLeft, sameRight int) bool {
	return count >= 5 && (sameLeft == count || sameRight == count)
}

// function holds the characters that sit between words (particles,
// conjunctions, prepositions, demonstratives): a term next to one of them
// each time is not glued to it.
const function = "的地得和与及或并且而在对为是了着过将把被从向由以按其各该本等之所也都又这那每此前后内外上下中间里时"

// glue tells a Han character that is not a function word.
func glue(r rune) bool { return utf8fast.IsHan(r) && !strings.ContainsRune(function, r) }

// sides is what halves tracks of one term: its occurrences, and the
// character on each side while every occurrence so far had the same one
// (-1 once they differ or one had none).
type sides struct {
	count, next int // occurrences; the byte where the next may start (no overlaps, as Neighbours counts)
	left, right rune
}

// halves tells, for each term, IsHalf(Neighbours(texts, term)), reading
// the texts once for all terms: a map lookup per character instead of a
// scan per term, which on a long work report cost a fifth of the analysis.
func halves(texts []string, terms []string) []bool {
	out := make([]bool, len(terms))
	for i, s := range occurrences(texts, terms) {
		out[i] = s.count >= 5 && (s.left > 0 || s.right > 0)
	}
	return out
}

// occurrences counts each term's occurrences in texts with the characters
// around them (see sides).
func occurrences(texts []string, terms []string) []sides {
	byFirst := map[rune][]int{}
	var seen [1024]bool // a first character's low bits: most characters start no term
	for i, t := range terms {
		r := firstRune(t)
		if t != "" {
			byFirst[r] = append(byFirst[r], i)
			seen[r&1023] = true
		}
	}
	st := make([]sides, len(terms))
	for _, text := range texts {
		for i := range st {
			st[i].next = 0
		}
		prev := rune(0)
		for at := 0; at < len(text); {
			// DecodeRune written out for a character of three bytes: a
			// range loop decodes past ASCII through a call, and so does
			// DecodeRune, too large to inline
			var r rune
			size := 3
			if utf8fast.ThreeByte(text[at:]) {
				r = rune(text[at]&0x0f)<<12 | rune(text[at+1]&0x3f)<<6 | rune(text[at+2]&0x3f)
			} else {
				r, size = utf8fast.DecodeRune(text[at:])
			}
			if seen[r&1023] {
				for _, k := range byFirst[r] {
					if at >= st[k].next && strings.HasPrefix(text[at:], terms[k]) {
						end := at + len(terms[k])
						next, _ := utf8fast.DecodeRune(text[end:])
						st[k].add(prev, next)
						st[k].next = end
					}
				}
			}
			prev = r
			at += size
		}
	}
	return st
}

// add counts one occurrence with the characters around it.
func (s *sides) add(l, r rune) {
	if !glue(l) {
		l = -1
	}
	if !glue(r) {
		r = -1
	}
	if s.count == 0 {
		s.left, s.right = l, r
	}
	if s.left != l {
		s.left = -1
	}
	if s.right != r {
		s.right = -1
	}
	s.count++
}
