package analyze

import (
	"context"
	"slices"
	"strings"

	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/targets"
	"github.com/policylens/policylens/internal/utf8fast"
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
	c := windowCutter{size: size}
	for _, p := range paras {
		c.add(utf8fast.RuneCount(p))
	}
	return c.done()
}

// windowCutter cuts windows as the paragraphs come, from their lengths in
// runes alone: a document read as a stream is cut exactly as windows cuts
// it whole.
type windowCutter struct {
	size, i, start, n int
	out               [][2]int
}

// add takes the next paragraph, of m runes.
func (c *windowCutter) add(m int) {
	if c.n > 0 && c.n+m > c.size {
		c.out = append(c.out, [2]int{c.start, c.i})
		c.start, c.n = c.i, 0
	}
	c.n += m
	c.i++
}

// done returns the windows of the paragraphs added.
func (c *windowCutter) done() [][2]int { return append(c.out, [2]int{c.start, c.i}) }

// docState is what spans a document read in windows: the keyword
// statistics and the extractors' findings so far.
type docState struct {
	kw         *keywords.Accumulator
	entities   entityMerge
	officials  []string // names of persons with a title, for the directives
	directives []Directive
	targets    []Target
	intern     map[string]string // spilling: strings copied out of the paragraphs
	issuers    map[string]int    // directives by issuer, for the keywords' central actors
	terms      paragraphTerms    // WithParagraphTerms
	spans      []uint32          // keepTerms' buffer
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
		st.entities.add(es, st.intern)
		st.officials = entities.Officials(st.officials, es)
	}
	if a.cfg.runs("directives") {
		meta := directives.Meta{Date: d.Date, Issuer: d.Issuer, Title: d.Title, Format: d.Format, Explain: a.cfg.explain, Officials: st.officials}
		ds := directives.Extract(seg, a.rules, meta)
		for i := range ds {
			ds[i].Paragraph += off
		}
		ds = a.confident(ds)
		st.countIssuers(ds)
		st.directives = append(st.directives, ds...)
	}
	if a.cfg.runs("targets") {
		ts := targets.Extract(seg)
		for i := range ts {
			if ts[i].Paragraph >= 0 {
				ts[i].Paragraph += off
			}
		}
		// only the first target of an indicator is kept: drop the others
		// as the windows go rather than hold them all
		n := len(st.targets)
		st.targets = targets.FirstPerIndicator(append(st.targets, ts...))
		for i := n; i < len(st.targets); i++ {
			st.targets[i] = internTarget(st.targets[i], st.intern)
		}
	}
}

// analyzeWindows segments and extracts window by window; only the title's
// window (the first) carries the title. after, when not nil, is called
// once a window's extraction is done, with its paragraph range.
func (a *Analyzer) analyzeWindows(ctx context.Context, d *parse.Document, lang string, st *docState, after func([2]int) error) error {
	trad := lang != "en" && segment.IsTraditional(d.Paragraphs)
	ws := windows(d.Paragraphs, a.cfg.window)
	get := func(w [2]int) ([]string, error) { return d.Paragraphs[w[0]:w[1]], nil }
	return a.eachWindow(ctx, d, lang, trad, st, ws, get, after)
}

// eachWindow runs the extractors over the windows ws, whose paragraphs get
// returns.
func (a *Analyzer) eachWindow(ctx context.Context, d *parse.Document, lang string, trad bool, st *docState,
	ws [][2]int, get func([2]int) ([]string, error), after func([2]int) error) error {
	title := d.Title
	for _, w := range ws {
		if err := ctx.Err(); err != nil {
			return err
		}
		paras, err := get(w)
		if err != nil {
			return err
		}
		seg, err := a.seg.SegmentAs(ctx, lang, trad, title, paras)
		if err != nil {
			return err
		}
		a.extract(st, d, seg, w[0])
		if a.cfg.terms && st.intern == nil {
			a.keepTerms(st, d.Paragraphs, seg, w[0])
		}
		title = ""
		if after != nil {
			if err := after(w); err != nil {
				return err
			}
		}
	}
	return nil
}

// entityMerge joins the entities the windows find: one entity per type
// and normalized form, in order of first appearance, its counts summed,
// mentions in document order, titles and names of every window. One
// window's list is kept as it is.
type entityMerge struct {
	first []Entity
	n     int
	index map[string]int
	out   []Entity
}

// add takes one window's entities; intern, when not nil, copies their
// strings so that they do not keep the window's paragraphs alive.
func (m *entityMerge) add(es []Entity, intern map[string]string) {
	m.n++
	if m.n == 1 {
		m.first = es
		if intern != nil {
			m.fold(es, intern)
			m.first = nil
		}
		return
	}
	if m.first != nil {
		m.fold(m.first, intern)
		m.first = nil
	}
	m.fold(es, intern)
}

func (m *entityMerge) fold(es []Entity, intern map[string]string) {
	if m.index == nil {
		m.index = map[string]int{}
	}
	for _, e := range es {
		if intern != nil {
			e = internEntity(e, intern)
		}
		k := e.Type + "\x00" + e.Normalized
		i, ok := m.index[k]
		if !ok {
			m.index[k] = len(m.out)
			m.out = append(m.out, e)
			continue
		}
		o := &m.out[i]
		o.Count += e.Count
		o.Mentions = append(o.Mentions, e.Mentions...)
		o.Titles = union(o.Titles, e.Titles)
		o.Aliases = union(o.Aliases, append([]string{e.Text}, e.Aliases...))
	}
}

// result is the merged list.
func (m *entityMerge) result() []Entity {
	if m.n == 1 && m.first != nil {
		return m.first
	}
	for i := range m.out {
		m.out[i].Aliases = without(m.out[i].Aliases, m.out[i].Text)
	}
	return m.out
}

// mergeEntities joins the entity lists of windows (see entityMerge).
func mergeEntities(lists [][]Entity) []Entity {
	var m entityMerge
	for _, es := range lists {
		m.add(es, nil)
	}
	return m.result()
}

// internString returns one copy of s per document: a substring of a
// paragraph would keep the whole paragraph in memory after it is spilled.
func internString(s string, intern map[string]string) string {
	if intern == nil || s == "" {
		return s
	}
	if c, ok := intern[s]; ok {
		return c
	}
	c := strings.Clone(s)
	intern[c] = c
	return c
}

func internStrings(xs []string, intern map[string]string) []string {
	if intern == nil || xs == nil {
		return xs
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = internString(x, intern)
	}
	return out
}

func internEntity(e Entity, intern map[string]string) Entity {
	e.Type, e.Text = internString(e.Type, intern), internString(e.Text, intern)
	e.Normalized, e.Evidence = internString(e.Normalized, intern), internString(e.Evidence, intern)
	e.Titles, e.Aliases = internStrings(e.Titles, intern), internStrings(e.Aliases, intern)
	if e.Mentions != nil {
		ms := make([]Mention, len(e.Mentions))
		for i, x := range e.Mentions {
			x.Surface = internString(x.Surface, intern)
			ms[i] = x
		}
		e.Mentions = ms
	}
	return e
}

func internTarget(t Target, intern map[string]string) Target {
	if intern == nil {
		return t
	}
	t.Indicator, t.Value, t.Unit = internString(t.Indicator, intern), internString(t.Value, intern), internString(t.Unit, intern)
	t.Qualifier, t.Year, t.Text = internString(t.Qualifier, intern), internString(t.Year, intern), internString(t.Text, intern)
	return t
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
