package directives

import (
	"strings"

	"github.com/policylens/policylens/internal/lexicon"
)

// fillIssuers gives the directives of a news item that no frame names an
// issuer: the one the story named last, or, before any, the authority its
// headline names (国家发改委：…, 李国英：…). A story reports one authority's
// instructions at a time, and an empty issuer tells an analyst nothing.
func (x *zhExtractor) fillIssuers() {
	if x.kind != kindNews {
		return
	}
	last := x.headlineAuthority()
	if last == "" {
		last = x.leadAuthority()
	}
	for i := range x.out {
		switch iss := x.out[i].Issuer; {
		case iss == "" || pronoun[iss]:
			x.out[i].Issuer = last // 他表示: the one named before
		default:
			last = iss
		}
	}
}

// pronoun are the speakers a frame gives that stand for the one named
// before.
var pronoun = map[string]bool{"他": true, "她": true, "他们": true}

// headlineAuthority is the first official or governing body the headline
// names, "" when it names none.
func (x *zhExtractor) headlineAuthority() string {
	return x.firstAuthority(x.meta.Title)
}

// leadAuthority is the official or governing body the story's first
// paragraphs name first, for a headline that names none.
func (x *zhExtractor) leadAuthority() string {
	for i := range x.doc.Paragraphs[:min(3, len(x.doc.Paragraphs))] {
		if a := x.firstAuthority(x.doc.Paragraphs[i].Text); a != "" {
			return a
		}
	}
	return ""
}

// firstAuthority is the official (a name the entities give a title) or
// the governing body of the lexicons that a text names first.
func (x *zhExtractor) firstAuthority(t string) string {
	first, at := "", len(t)
	for _, name := range x.meta.Officials {
		if i := strings.Index(t, name); i >= 0 && i < at {
			first, at = name, i
		}
	}
	anySurface(x.c.lex, t[:at], func(e lexicon.Entry, start, end int) bool {
		if e.Type == lexicon.Organization && governing[e.Kind] {
			first = t[start:end]
			return true
		}
		return false
	})
	return first
}

// docNoun is the document noun that ends a title (关于…的通知: 通知), the
// longest that fits, "" when none does.
func (c *cues) docNoun(title string) string {
	title = strings.TrimRight(reTitleNote.ReplaceAllString(strings.TrimSpace(title), ""), "（）() ")
	best := ""
	for w := range c.byKind["doc-noun"] {
		if strings.HasSuffix(title, w) && len(w) > len(best) {
			best = w
		}
	}
	return best
}
