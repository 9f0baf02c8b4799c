package directives

import (
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// Meta is what the extractor needs to know of the document.
type Meta struct {
	Date   string // RFC 3339: the anchor of deadlines
	Issuer string // the issuing body a page states (发文机关)
	Title  string
}

// Extract finds the directives of a document.
func Extract(doc *segment.Doc, lex *lexicon.Set, meta Meta) []Directive { return nil }
