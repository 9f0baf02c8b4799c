package analyze

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/segment"
)

// WithParagraphTerms keeps, with each analysis, the content words of its
// paragraphs as Terms gives them, so that a comparison reads them instead
// of segmenting every paragraph again (a third of what `compare` and
// `report` cost over `analyze`). Compare releases them once it has read
// them (DropParagraphTerms).
func WithParagraphTerms() Option {
	return func(c *config) { c.terms = true }
}

// paragraphTerms holds the content words of each paragraph as byte spans
// of the paragraph's text, start and end (8 bytes a word against a
// string's 16): nil for a paragraph whose words were not kept.
type paragraphTerms [][]uint32

// keepTerms records the content words of a window's paragraphs, the first
// of which is paragraph off of the document. A paragraph that is not the
// document's own text byte for byte, or whose words are written otherwise
// than Terms would give them (the same paragraph segmented alone decides
// its script alone), is left to Terms.
func (a *Analyzer) keepTerms(st *docState, d []string, seg *segment.Doc, off int) {
	for i := range seg.Paragraphs {
		p := &seg.Paragraphs[i]
		k := off + i
		for len(st.terms) <= k {
			st.terms = append(st.terms, nil)
		}
		if k >= len(d) || p.Text != d[k] || !utf8.ValidString(p.Text) ||
			seg.Lang != "en" && seg.Traditional != segment.IsTraditional([]string{p.Text}) {
			continue
		}
		st.spans = a.contentSpans(st.spans[:0], p)
		if st.spans != nil {
			st.terms[k] = slices.Clone(st.spans) // exact size: all documents' are held at once
		}
	}
}

// contentSpans appends to out the byte spans of a paragraph's content
// words, as Terms filters them; nil when a token is not where its runes
// say.
func (a *Analyzer) contentSpans(out []uint32, p *segment.Paragraph) []uint32 {
	r, b := 0, 0 // rune and byte offsets walked so far
	for _, t := range p.Tokens {
		for r < t.Start && b < len(p.Text) {
			_, n := utf8.DecodeRuneInString(p.Text[b:])
			r, b = r+1, b+n
		}
		start := b
		end := start + len(t.Text)
		if r != t.Start || end > len(p.Text) || p.Text[start:end] != t.Text {
			return nil
		}
		if !t.Stop && !a.lex.Stop[t.Text] {
			out = append(out, uint32(start), uint32(end))
		}
	}
	if out == nil {
		return []uint32{} // kept: a paragraph of stop words has no terms
	}
	return out
}

// ParagraphTerms returns the content words of paragraph i as Terms would
// give them, when the analysis kept them (WithParagraphTerms).
func (a *Analysis) ParagraphTerms(i int) ([]string, bool) {
	if i < 0 || i >= len(a.terms) || a.terms[i] == nil || i >= len(a.Document.Paragraphs) {
		return nil, false
	}
	p, spans := a.Document.Paragraphs[i], a.terms[i]
	out := make([]string, 0, len(spans)/2)
	for k := 0; k+1 < len(spans); k += 2 {
		w := p[spans[k]:spans[k+1]]
		if a.Document.Language == "en" {
			w = strings.ToLower(w)
		}
		out = append(out, w)
	}
	return out, true
}

// DropParagraphTerms releases the kept content words.
func (a *Analysis) DropParagraphTerms() { a.terms = nil }
