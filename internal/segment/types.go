package segment

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
}

// Slice returns the text of a span.
func (p *Paragraph) Slice(s Span) string {
	if s.Start < 0 || s.End > len(p.Runes) || s.Start >= s.End {
		return ""
	}
	return string(p.Runes[s.Start:s.End])
}

// Doc is a segmented document.
type Doc struct {
	Lang        string
	Traditional bool
	Title       Paragraph
	Paragraphs  []Paragraph
}
