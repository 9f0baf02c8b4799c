package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// Period is a group of documents compared as one: a year or month of a
// corpus (Label "2021"), or a single document (Label "").
type Period struct {
	Label string
	Docs  []*analyze.Analysis
}

// Single is the period of one document.
func Single(a *analyze.Analysis) Period { return Period{Docs: []*analyze.Analysis{a}} }

func docRef(d analyze.Document) DocRef {
	return DocRef{ID: d.ID, Title: d.Title, Date: d.Date}
}

// Ref names the period: a single document by itself; a labelled period by
// its label, with every document that makes it up.
func (p Period) Ref() DocRef {
	if p.Label == "" && len(p.Docs) == 1 {
		return docRef(p.Docs[0].Document)
	}
	r := DocRef{ID: p.Label, Period: p.Label, Date: p.Label, Documents: []DocRef{}}
	for _, d := range p.Docs {
		r.Documents = append(r.Documents, docRef(d.Document))
	}
	if len(p.Docs) == 1 {
		r.Title = p.Docs[0].Document.Title
	} else {
		r.Title = fmt.Sprintf("%s (%d documents)", p.Label, len(p.Docs))
	}
	return r
}

func (p Period) targets() []analyze.Target {
	if len(p.Docs) == 1 {
		return p.Docs[0].Targets
	}
	var out []analyze.Target
	for _, d := range p.Docs {
		out = append(out, d.Targets...)
	}
	return out
}

// entities is the union of the documents' entities, one per type and text.
func (p Period) entities() []analyze.Entity {
	var out []analyze.Entity
	seen := map[string]bool{}
	for _, d := range p.Docs {
		for _, e := range d.Entities {
			if k := e.Type + ":" + e.Text; !seen[k] {
				seen[k] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// Label returns the year ("2021") or month ("2021-09") of a document, or
// "" when it has no date.
func Label(d analyze.Document, by string) string {
	switch {
	case by == "month" && len(d.Date) >= 7:
		return d.Date[:7]
	case by == "year" && len(d.Date) >= 4:
		return d.Date[:4]
	}
	return ""
}

// Group puts documents into periods in time order, keeping input order
// inside each; it returns how many documents had no date (left out).
func Group(docs []*analyze.Analysis, by string) (periods []Period, undated int) {
	at := map[string]int{}
	for _, d := range docs {
		l := Label(d.Document, by)
		if l == "" {
			undated++
			continue
		}
		k, ok := at[l]
		if !ok {
			k = len(periods)
			at[l] = k
			periods = append(periods, Period{Label: l})
		}
		periods[k].Docs = append(periods[k].Docs, d)
	}
	sort.SliceStable(periods, func(i, j int) bool { return periods[i].Label < periods[j].Label })
	return periods, undated
}

// Pick keeps the named periods, in time order, and fails naming a missing
// one and the periods that exist.
func Pick(periods []Period, names []string) ([]Period, error) {
	var labels []string
	for _, p := range periods {
		labels = append(labels, p.Label)
	}
	return pickLabels(periods, labels, names)
}

func pickLabels(periods []Period, labels, names []string) ([]Period, error) {
	var missing []string
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
		if !containsString(labels, n) {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return nil, &MissingPeriodError{Missing: missing, Have: labels}
	}
	var out []Period
	for _, p := range periods {
		if keep[p.Label] {
			out = append(out, p)
		}
	}
	return out, nil
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// MissingPeriodError names the periods asked for that the corpus lacks.
type MissingPeriodError struct {
	Missing, Have []string
}

func (e *MissingPeriodError) Error() string {
	have := strings.Join(e.Have, ", ")
	if len(e.Have) > 12 {
		have = strings.Join(e.Have[:6], ", ") + ", …, " + strings.Join(e.Have[len(e.Have)-6:], ", ")
	}
	if have == "" {
		have = "none (no dated documents)"
	}
	return fmt.Sprintf("no documents for period %s; periods in the corpus: %s", strings.Join(e.Missing, ", "), have)
}
