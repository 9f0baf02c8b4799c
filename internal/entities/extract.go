package entities

import (
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// Meta is what the extractor needs to know of the document.
type Meta struct {
	Date string // RFC 3339: the anchor of partial dates
}

// Extract finds the entities of a document.
func Extract(doc *segment.Doc, lex *lexicon.Set, meta Meta) []Entity { return nil }
