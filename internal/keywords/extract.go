package keywords

import (
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// Extract returns the n best keywords of a document.
func Extract(doc *segment.Doc, lex *lexicon.Set, n int) []Keyword { return nil }
