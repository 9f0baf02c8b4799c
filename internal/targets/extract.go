package targets

import "github.com/policylens/policylens/internal/segment"

// Extract finds the quantified targets of a document.
func Extract(doc *segment.Doc) []Target { return nil }
