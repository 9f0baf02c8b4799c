package analyze

import (
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/keywords"
)

// The keywords show a document's central actors (keywords.Central): the
// official who speaks and issues its directives, the body its headline
// names. The keyword extractor imports no other, so the analyzer hands it
// the persons and bodies found and the directives counted by issuer.

// countIssuers adds a window's directives to the document's count of
// directives by issuer.
func (st *docState) countIssuers(ds []Directive) {
	for _, d := range ds {
		if d.Issuer == "" {
			continue
		}
		if st.issuers == nil {
			st.issuers = map[string]int{}
		}
		st.issuers[d.Issuer]++
	}
}

// keywordsOf is the keywords the analyzer shows: without the pieces of
// the names found (立峰 of 何立峰), with the central actors.
func (a *Analyzer) keywordsOf(st *docState, es []Entity) []Keyword {
	return st.kw.KeywordsCentral(a.cfg.keywords, entities.NameForms(es), actorsOf(es), st.issuers)
}

// actorsOf is the persons and bodies of es as the keywords take them.
func actorsOf(es []Entity) []keywords.Actor {
	var out []keywords.Actor
	for _, e := range es {
		if e.Type != "person" && e.Type != "organization" {
			continue
		}
		a := keywords.Actor{Name: e.Text, Person: e.Type == "person", Titles: e.Titles, Count: e.Count}
		a.Forms = append(append(a.Forms, e.Normalized), e.Aliases...)
		for _, m := range e.Mentions {
			a.Forms = append(a.Forms, m.Surface)
			a.Mentions = append(a.Mentions, keywords.Span{Paragraph: m.Paragraph, Start: m.Start, End: m.End})
		}
		out = append(out, a)
	}
	return out
}
