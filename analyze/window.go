package analyze

import (
	"context"
	"slices"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/targets"
)

// windowRunes is the size of the windows a long document is analyzed in:
// runs of whole paragraphs of about this many runes are segmented, read
// by the extractors and released before the next, so that the tokens held
// at once do not grow with the document. It is far above every document
// of the test sets (a government work report is about 30,000 runes), which
// are therefore analyzed in one window, exactly as a whole.
const windowRunes = 1 << 17

// windows cuts paragraphs into runs of at least one paragraph and at most
// about size runes (a longer paragraph is a window of its own).
func windows(paras []string, size int) [][2]int {
	var out [][2]int
	start, n := 0, 0
	for i, p := range paras {
		m := utf8.RuneCountInString(p)
		if n > 0 && n+m > size {
			out = append(out, [2]int{start, i})
			start, n = i, 0
		}
		n += m
	}
	return append(out, [2]int{start, len(paras)})
}

// docState is what spans a document read in windows: the keyword
// statistics and the extractors' findings so far.
type docState struct {
	kw         *keywords.Accumulator
	entities   [][]Entity // per window, merged at the end
	officials  []string   // names of persons with a title, for the directives
	directives []Directive
	targets    []Target
}

// extract runs the extractors over one segmented window whose first
// paragraph is paragraph off of the document.
func (a *Analyzer) extract(st *docState, d *parse.Document, seg *segment.Doc, off int) {
	if a.cfg.runs("keywords") && a.cfg.keywords > 0 {
		st.kw.Add(seg)
	}
	if a.cfg.runs("entities") {
		es := entities.Extract(seg, a.lex, entities.Meta{Date: d.Date, Title: d.Title, DocNumber: d.DocNumber, Format: d.Format})
		for i := range es {
			for j := range es[i].Mentions {
				if es[i].Mentions[j].Paragraph >= 0 {
					es[i].Mentions[j].Paragraph += off
				}
			}
		}
		st.entities = append(st.entities, es)
		st.officials = entities.Officials(st.officials, es)
	}
	if a.cfg.runs("directives") {
		meta := directives.Meta{Date: d.Date, Issuer: d.Issuer, Title: d.Title, Format: d.Format, Explain: a.cfg.explain, Officials: st.officials}
		ds := directives.Extract(seg, a.rules, meta)
		for i := range ds {
			ds[i].Paragraph += off
		}
		st.directives = append(st.directives, a.confident(ds)...)
	}
	if a.cfg.runs("targets") {
		ts := targets.Extract(seg)
		for i := range ts {
			if ts[i].Paragraph >= 0 {
				ts[i].Paragraph += off
			}
		}
		st.targets = append(st.targets, ts...)
	}
}

// analyzeWindows segments and extracts window by window; only the title's
// window (the first) carries the title.
func (a *Analyzer) analyzeWindows(ctx context.Context, d *parse.Document, lang string) (*docState, string, error) {
	if lang == "" {
		lang = segment.DetectLanguage(d.Title, d.Paragraphs)
	}
	trad := lang != "en" && segment.IsTraditional(d.Paragraphs)
	st := &docState{kw: keywords.NewAccumulator(a.lex, lang)}
	title := d.Title
	for _, w := range windows(d.Paragraphs, a.cfg.window) {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		seg, err := a.seg.SegmentAs(ctx, lang, trad, title, d.Paragraphs[w[0]:w[1]])
		if err != nil {
			return nil, "", err
		}
		a.extract(st, d, seg, w[0])
		title = ""
	}
	return st, lang, nil
}

// mergeEntities joins the entities the windows found: one entity per type
// and normalized form, in order of first appearance, its counts summed,
// mentions in document order, titles and names of every window. One
// window's list is returned as it is.
func mergeEntities(lists [][]Entity) []Entity {
	if len(lists) == 1 {
		return lists[0]
	}
	index := map[string]int{}
	var out []Entity
	for _, es := range lists {
		for _, e := range es {
			k := e.Type + "\x00" + e.Normalized
			i, ok := index[k]
			if !ok {
				index[k] = len(out)
				out = append(out, e)
				continue
			}
			m := &out[i]
			m.Count += e.Count
			m.Mentions = append(m.Mentions, e.Mentions...)
			m.Titles = union(m.Titles, e.Titles)
			m.Aliases = union(m.Aliases, append([]string{e.Text}, e.Aliases...))
		}
	}
	for i := range out {
		out[i].Aliases = without(out[i].Aliases, out[i].Text)
	}
	return out
}

func union(xs, ys []string) []string {
	for _, y := range ys {
		if !slices.Contains(xs, y) {
			xs = append(xs, y)
		}
	}
	return xs
}

func without(xs []string, x string) []string {
	return slices.DeleteFunc(xs, func(s string) bool { return s == x })
}
