package workbench

import (
	"html"
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// span is a stretch of a paragraph in runes: a directive (dir ≥ 0) or an
// entity mention (ent ≥ 0).
type span struct {
	start, end int
	dir, ent   int
}

// renderParagraphs writes each paragraph as HTML: directives marked by
// force, entity mentions linked to their page. Every piece of text goes
// through html.EscapeString; spans outside a paragraph are ignored.
func renderParagraphs(a *analyze.Analysis) []template.HTML {
	spans := make([][]span, len(a.Document.Paragraphs))
	add := func(p int, sp span) {
		if p >= 0 && p < len(spans) {
			spans[p] = append(spans[p], sp)
		}
	}
	for i, d := range a.Directives {
		add(d.Paragraph, span{d.Start, d.End, i, -1})
	}
	for i, e := range a.Entities {
		for _, m := range e.Mentions {
			add(m.Paragraph, span{m.Start, m.End, -1, i})
		}
	}
	out := make([]template.HTML, len(a.Document.Paragraphs))
	for i, p := range a.Document.Paragraphs {
		out[i] = template.HTML(renderParagraph(a, []rune(p), spans[i]))
	}
	return out
}

// renderParagraph cuts the paragraph at every span boundary and writes
// each piece inside the directive and the entity that cover it.
func renderParagraph(a *analyze.Analysis, rs []rune, spans []span) string {
	cuts := []int{0, len(rs)}
	for _, s := range spans {
		if s.start >= 0 && s.end <= len(rs) && s.start < s.end {
			cuts = append(cuts, s.start, s.end)
		}
	}
	sort.Ints(cuts)
	var b strings.Builder
	for k := 0; k+1 < len(cuts); k++ {
		from, to := cuts[k], cuts[k+1]
		if from == to {
			continue
		}
		dir, ent := cover(spans, from, to, len(rs))
		text := html.EscapeString(string(rs[from:to]))
		if ent >= 0 {
			e := a.Entities[ent]
			text = `<a class="ent ent-` + html.EscapeString(e.Type) + `" href="` + html.EscapeString(entityURL(nameOf(e))) + `">` + text + `</a>`
		}
		if dir >= 0 {
			d := a.Directives[dir]
			text = `<mark class="f-` + html.EscapeString(d.Force) + `" title="` + html.EscapeString(d.Force+" · "+d.Issuer) + `">` + text + `</mark>`
		}
		b.WriteString(text)
	}
	return b.String()
}

// cover is the first directive and the first entity whose span holds
// [from, to), or -1.
func cover(spans []span, from, to, n int) (dir, ent int) {
	dir, ent = -1, -1
	for _, s := range spans {
		if s.start > from || s.end < to || s.end > n {
			continue
		}
		if s.dir >= 0 && dir < 0 {
			dir = s.dir
		}
		if s.ent >= 0 && ent < 0 {
			ent = s.ent
		}
	}
	return dir, ent
}

func nameOf(e analyze.Entity) string {
	if e.Normalized != "" {
		return e.Normalized
	}
	return e.Text
}

func entityURL(name string) string { return "/entity?name=" + url.QueryEscape(name) }

func docURL(id string) string { return "/doc?id=" + url.QueryEscape(id) }

var funcs = template.FuncMap{
	"date": func(s string) string {
		if len(s) >= 10 {
			return s[:10]
		}
		return s
	},
	"docURL":     func(id string) template.URL { return template.URL(docURL(id)) },
	"entityURL":  func(name string) template.URL { return template.URL(entityURL(name)) },
	"entityName": nameOf,
	"join":       strings.Join,
	"pct":        func(p float64) string { return strconv.Itoa(int(p*100+0.5)) + "%" },
	"bar": func(n, most int) int {
		if most <= 0 {
			return 0
		}
		return n * 400 / most
	},
	"inc":   func(i int) int { return i + 1 },
	"snip":  snippetHTML,
	"ent":   func(a *analyze.Analysis, i int) analyze.Entity { return a.Entities[i] },
	"force": func(m map[string]int, f string) int { return m[f] },
}

// snippetHTML turns a snippet's « » marks into <mark>, escaping the rest.
func snippetHTML(s string) template.HTML {
	var b strings.Builder
	for {
		i := strings.Index(s, "«")
		j := strings.Index(s, "»")
		if i < 0 || j < i {
			b.WriteString(html.EscapeString(s))
			return template.HTML(b.String())
		}
		b.WriteString(html.EscapeString(s[:i]))
		b.WriteString("<mark>" + html.EscapeString(s[i+len("«"):j]) + "</mark>")
		s = s[j+len("»"):]
	}
}
