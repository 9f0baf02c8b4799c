package keywords

import (
	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/segment"
)

// ActorsOf is what the analyzer hands the keywords of the entities found
// (analyze/actors.go, which a test here cannot import): the persons and
// bodies.
func ActorsOf(es []entities.Entity) []Actor {
	var out []Actor
	for _, e := range es {
		if e.Type != "person" && e.Type != "organization" {
			continue
		}
		a := Actor{Name: e.Text, Person: e.Type == "person", Titles: e.Titles, Count: e.Count}
		a.Forms = append(append(a.Forms, e.Normalized), e.Aliases...)
		for _, m := range e.Mentions {
			a.Forms = append(a.Forms, m.Surface)
			a.Mentions = append(a.Mentions, Span{m.Paragraph, m.Start, m.End})
		}
		out = append(out, a)
	}
	return out
}

// IssuersOf counts the directives the analyzer finds in doc by their
// issuer, as it counts them window by window (before document.policy
// drops any); meta is the analyzer's, Officials included.
func IssuersOf(doc *segment.Doc, rules *directives.Rules, meta directives.Meta) map[string]int {
	out := map[string]int{}
	for _, d := range directives.Extract(doc, rules, meta) {
		if d.Issuer != "" {
			out[d.Issuer]++
		}
	}
	return out
}
