package segment

import (
	"unicode/utf8"

	"github.com/policylens/policylens/internal/utf8fast"
)

// Span is a half-open range of rune offsets in a paragraph.
type Span struct{ Start, End int }

// Token is one word of a paragraph.
type Token struct {
	Text  string
	Start int // rune offsets in the paragraph
	End   int
	POS   string
	Stop  bool // a stop word, punctuation or number
}

// Clause is a stretch of a sentence between clause punctuation (，；：、 in
// Chinese; , ; : in English where they separate clauses).
type Clause struct {
	Span
	Delim rune // the punctuation that ends it, 0 at the end of the sentence
}

// Sentence is one sentence of a paragraph with its clauses.
type Sentence struct {
	Span
	Clauses []Clause
}

// Paragraph is one segmented paragraph.
type Paragraph struct {
	Text      string
	Runes     []rune
	Tokens    []Token
	Sentences []Sentence
	// offs[i] is the byte offset of rune i in Text, offs[len(Runes)]
	// len(Text): set by the Chinese segmenter when Text is valid UTF-8
	// (then Runes spell Text exactly), so that Slice is a substring in
	// one step; nil otherwise
	offs []int32
}

// Slice returns the text of a span: a substring of Text where it can, so
// that what keeps it (a directive's sentence) shares the paragraph's
// memory instead of holding a copy.
func (p *Paragraph) Slice(s Span) string {
	if s.Start < 0 || s.End > len(p.Runes) || s.Start >= s.End {
		return ""
	}
	if p.offs != nil {
		return p.Text[p.offs[s.Start]:p.offs[s.End]]
	}
	if s.End <= sliceWalk {
		if sub, ok := p.substring(s); ok {
			return sub
		}
	}
	return string(p.Runes[s.Start:s.End])
}

// sliceWalk bounds the walk that finds a span's bytes: it starts at the
// paragraph's beginning, so in a hostile paragraph (one line of a million
// runes) the spans past this many runes are copied instead, and a
// paragraph's spans never cost more than this each.
const sliceWalk = 4096

// substring finds the bytes of a span in Text, walking from the start;
// false where Text is not valid UTF-8 up to the span's end (Runes then
// holds U+FFFD where Text holds other bytes).
func (p *Paragraph) substring(s Span) (string, bool) {
	start, b := 0, 0
	for i := 0; i < s.End; i++ {
		if b >= len(p.Text) {
			return "", false
		}
		if i == s.Start {
			start = b
		}
		n, ok := runeSize(p.Text, b)
		if !ok {
			return "", false
		}
		b += n
	}
	return p.Text[start:b], true
}

// runeSize is the length in bytes of the rune that starts at s[b] as
// utf8.DecodeRuneInString reads it (1 for a byte that is no UTF-8), and
// whether it is valid. A character of three bytes, most of a Chinese
// text, is recognised from its bytes without the decoder's slow path,
// which it takes for every rune past ASCII: the walks of Slice and of the
// segmenter's offsets spent most of their time there.
func runeSize(s string, b int) (int, bool) {
	c := s[b]
	if c < utf8.RuneSelf {
		return 1, true
	}
	if utf8fast.ThreeByte(s[b:]) {
		return 3, true
	}
	r, n := utf8.DecodeRuneInString(s[b:])
	return n, r != utf8.RuneError || n > 1
}

// Doc is a segmented document.
type Doc struct {
	Lang        string
	Traditional bool
	Title       Paragraph
	Paragraphs  []Paragraph
}
