package compare

import (
	"math"
	"sort"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// Period returns the year ("2021") or month ("2021-09") of a document, or
// "" when it has no date.
func Period(d analyze.Document, by string) string {
	switch {
	case by == "month" && len(d.Date) >= 7:
		return d.Date[:7]
	case by == "year" && len(d.Date) >= 4:
		return d.Date[:4]
	}
	return ""
}

// count is the number of non-overlapping occurrences of term in the
// document's title and paragraphs (case-insensitive for Latin text).
func count(d analyze.Document, term string) int {
	n := 0
	t := asciiLower(term)
	for _, p := range append([]string{d.Title}, d.Paragraphs...) {
		n += strings.Count(asciiLower(p), t)
	}
	return n
}

// BuildTimeline counts terms per period over documents; documents without
// a date are left out.
func BuildTimeline(docs []*analyze.Analysis, terms []string, by string) *analyze.Timeline {
	idx := map[string]int{}
	tl := &analyze.Timeline{By: by, Terms: terms}
	var periods []string
	for _, d := range docs {
		if p := Period(d.Document, by); p != "" {
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
		p := Period(d.Document, by)
		if p == "" {
			continue
		}
		k := idx[p]
		tl.Docs[k]++
		tl.Chars[k] += d.Document.Chars
		for i, t := range terms {
			tl.Counts[i][k] += count(d.Document, t)
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
// context on each side.
func KWIC(docs []*analyze.Analysis, term string, width int) []analyze.Hit {
	var out []analyze.Hit
	lt := asciiLower(term)
	if lt == "" {
		return nil
	}
	for _, d := range docs {
		for pi, p := range d.Document.Paragraphs {
			lower := asciiLower(p)
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

// BuildMatrix aligns consecutive documents and keeps the rows present in
// the most documents (at most limit rows).
func BuildMatrix(docs []*analyze.Analysis, o Options, limit int) *Matrix {
	if o.MinScore == 0 {
		o.MinScore = 0.5
	}
	m := &Matrix{}
	for _, d := range docs {
		m.Docs = append(m.Docs, analyze.DocRef{ID: d.Document.ID, Title: d.Document.Title, Date: d.Document.Date})
	}
	if len(docs) == 0 {
		return m
	}
	var rows []*MatrixRow
	rowOf := map[*analyze.Directive]*MatrixRow{}
	start := func(d *analyze.Directive, col int) {
		r := &MatrixRow{Text: d.Text, Cells: make([]string, len(docs))}
		r.Cells[col] = d.Force
		rows = append(rows, r)
		rowOf[d] = r
	}
	for i := range docs[0].Directives {
		start(&docs[0].Directives[i], 0)
	}
	for k := 1; k < len(docs); k++ {
		for _, ch := range alignDirectives(docs[k-1], docs[k], o) {
			switch {
			case ch.B == nil:
			case ch.A != nil && rowOf[ch.A] != nil:
				r := rowOf[ch.A]
				r.Cells[k] = ch.B.Force
				r.Text = ch.B.Text
				rowOf[ch.B] = r
			default:
				start(ch.B, k)
			}
		}
	}
	present := func(r *MatrixRow) int {
		n := 0
		for _, c := range r.Cells {
			if c != "" {
				n++
			}
		}
		return n
	}
	sort.SliceStable(rows, func(i, j int) bool { return present(rows[i]) > present(rows[j]) })
	for i, r := range rows {
		if i >= limit {
			break
		}
		m.Rows = append(m.Rows, *r)
	}
	return m
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
