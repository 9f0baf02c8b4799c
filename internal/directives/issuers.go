package directives

import (
	"strings"
	"unicode/utf8"

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

// leadAuthority is the official or governing body the story's first
// paragraphs name first, for a headline that names none.
func (x *zhExtractor) leadAuthority() string {
	for i := range x.doc.Paragraphs[:min(3, len(x.doc.Paragraphs))] {
		t := x.doc.Paragraphs[i].Text
		first, at := "", len(t)
		for _, name := range x.meta.Officials {
			if j := strings.Index(t, name); j >= 0 && j < at {
				first, at = name, j
			}
		}
		if s, j := firstAuthority(x.c.lex, t); s != "" && j < at {
			first = s
		}
		if first != "" {
			return first
		}
	}
	return ""
}

// headlineAuthority is the first official or governing body the headline
// names, "" when it names none.
func (x *zhExtractor) headlineAuthority() string {
	title := x.meta.Title
	first, at := "", len(title)
	for _, name := range x.meta.Officials {
		if i := strings.Index(title, name); i >= 0 && i < at {
			first, at = name, i
		}
	}
	if s, i := firstAuthority(x.c.lex, title); s != "" && i < at {
		first = s
	}
	return first
}

// firstAuthority finds the first lexicon surface of a text that names a
// governing body or an addressee, and its byte offset.
func firstAuthority(lex *lexicon.Set, s string) (string, int) {
	for b := 0; b < len(s); {
		n, v := lex.Surface.Longest(s[b:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
			continue
		}
		for _, ei := range lex.Groups[v] {
			if e := lex.Entries[ei]; e.Type == lexicon.Organization && governing[e.Kind] {
				return s[b : b+n], b
			}
		}
		b += n
	}
	return "", -1
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
