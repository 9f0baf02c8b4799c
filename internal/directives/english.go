package directives

import (
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

func extractEnglish(doc *segment.Doc, lex *lexicon.Set, meta Meta) []Directive { return nil }
