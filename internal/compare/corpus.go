package compare

import (
	"math"
	"sort"
	"strings"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/fold"
)

// count is the number of non-overlapping occurrences of term in a
// document's title and paragraphs, given in matchForm (case-insensitive for Latin text,
// traditional and simplified characters alike).
func count(forms []string, term string) int {
	n := 0
	t := matchForm(term)
	for _, p := range forms {
		n += strings.Count(p, t)
	}
	return n
}

// matchForms are a document's title and paragraphs in matchForm, made
// once for all the terms counted in them.
func matchForms(d analyze.Document) []string {
	out := make([]string, 0, len(d.Paragraphs)+1)
	for _, p := range append([]string{d.Title}, d.Paragraphs...) {
		out = append(out, matchForm(p))
	}
	return out
}

// matchForm is the form in which terms are matched: Latin letters lowered
// and traditional characters folded to simplified. Both keep every byte
// offset, so a match in it is a match at the same offset in the text.
func matchForm(s string) string {
	return fold.String(asciiLower(s))
}

// BuildTimeline counts terms per period over documents; documents without
// a date are left out.
func BuildTimeline(docs []*analyze.Analysis, terms []string, by string) *analyze.Timeline {
	idx := map[string]int{}
	tl := &analyze.Timeline{By: by, Terms: terms}
	var periods []string
	for _, d := range docs {
		if p := Label(d.Document, by); p != "" {
			if _, ok := idx[p]; !ok {
				idx[p] = 0
				periods = append(periods, p)
			}
		}
	}
	sort.Strings(periods)
	for i, p := range periods {
		idx[p] = i
	}
	tl.Periods = periods
	tl.Docs = make([]int, len(periods))
	tl.Chars = make([]int, len(periods))
	tl.Counts = make([][]int, len(terms))
	tl.Rates = make([][]float64, len(terms))
	for i := range terms {
		tl.Counts[i] = make([]int, len(periods))
		tl.Rates[i] = make([]float64, len(periods))
	}
	for _, d := range docs {
		p := Label(d.Document, by)
		if p == "" {
			continue
		}
		k := idx[p]
		tl.Docs[k]++
		tl.Chars[k] += d.Document.Chars
		forms := matchForms(d.Document)
		for i, t := range terms {
			tl.Counts[i][k] += count(forms, t)
		}
	}
	for i := range terms {
		for k := range periods {
			if tl.Chars[k] > 0 {
				tl.Rates[i][k] = math.Round(float64(tl.Counts[i][k])/float64(tl.Chars[k])*10000*100) / 100
			}
		}
	}
	return tl
}

// KWIC lists every occurrence of term in the documents with width runes of
// context on each side. 发展 finds 發展 too; a hit shows the text as
// written.
func KWIC(docs []*analyze.Analysis, term string, width int) []analyze.Hit {
	var out []analyze.Hit
	lt := matchForm(term)
	if lt == "" {
		return nil
	}
	for _, d := range docs {
		for pi, p := range d.Document.Paragraphs {
			lower := matchForm(p)
			for from := 0; ; {
				i := strings.Index(lower[from:], lt)
				if i < 0 {
					break
				}
				at := from + i
				left := []rune(p[:at])
				right := []rune(p[at+len(lt):])
				out = append(out, analyze.Hit{
					Document: d.Document.ID, Date: dateOnly(d.Document.Date), Paragraph: pi,
					Left:  string(left[max(0, len(left)-width):]),
					Term:  p[at : at+len(lt)],
					Right: string(right[:min(len(right), width)]),
				})
				from = at + len(lt)
			}
		}
	}
	return out
}

func dateOnly(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// Matrix and MatrixRow are defined in package analyze.
type (
	// Matrix shows which directives appear in which documents.
	Matrix = analyze.Matrix
	// MatrixRow is one directive followed through the documents.
	MatrixRow = analyze.MatrixRow
)

// Matrix follows directives through periods (or documents, as periods of
// one): each period's directives are aligned with the period before, and
// a row chains one directive through its rewordings. Only rows present in
// at least two periods are kept, the limit widest-spread first (ties: the
// earliest first appearance).
func (c *Comparer) Matrix(periods []Period, limit int) *Matrix {
	m := &Matrix{}
	for _, p := range periods {
		m.Docs = append(m.Docs, p.Ref())
	}
	var rows []*chain
	rowOf := map[*analyze.Directive]*chain{}
	var prev []*side
	for k, p := range periods {
		if k > 0 {
			c.keepOnly(periods[k-1], p)
		}
		c.warm(p.Docs)
		cur := c.sidesOf(p)
		pairOf := make([]int, len(prev))
		if k > 0 {
			pairOf, _ = c.align(prev, cur)
		}
		for i, j := range pairOf {
			if r := rowOf[prev[i].d]; j >= 0 && r != nil {
				r.add(k, cur[j].d)
				rowOf[cur[j].d] = r
			}
		}
		for _, y := range cur {
			if rowOf[y.d] == nil {
				r := &chain{}
				r.add(k, y.d)
				rows = append(rows, r)
				rowOf[y.d] = r
			}
		}
		prev = cur
	}
	m.Rows, m.Recurring = widest(rows, limit, len(periods))
	return m
}

// chain is one directive followed through periods: the periods where it
// appears, with its force there, and its latest wording. Only the rows
// kept are spread out into a cell per period.
type chain struct {
	text   string
	at     []int
	forces []string
}

func (r *chain) add(k int, d *analyze.Directive) {
	r.text = d.Text
	r.at = append(r.at, k)
	r.forces = append(r.forces, d.Force)
}

// widest keeps the rows present in two periods or more, the limit widest.
func widest(rows []*chain, limit, periods int) ([]MatrixRow, int) {
	var rec []*chain
	for _, r := range rows {
		if len(r.at) >= 2 {
			rec = append(rec, r)
		}
	}
	sort.SliceStable(rec, func(i, j int) bool { return len(rec[i].at) > len(rec[j].at) })
	out := []MatrixRow{}
	for _, r := range rec[:min(limit, len(rec))] {
		row := MatrixRow{Text: r.text, Cells: make([]string, periods)}
		for i, k := range r.at {
			row.Cells[k] = r.forces[i]
		}
		out = append(out, row)
	}
	return out, len(rec)
}

// asciiLower lowercases Latin letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
