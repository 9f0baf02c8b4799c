// Package compare aligns the directives of two analyses and reports what is
// new, kept, reworded, strengthened, weakened or dropped, with the changes
// of targets, keywords (keyness), entities and policy formulas.
package compare

import (
	"math"
	"sort"

	"github.com/policylens/policylens/analyze"
)

// Statuses of a directive in a comparison.
const (
	Kept         = "kept"
	Reworded     = "reworded"
	Strengthened = "strengthened"
	Weakened     = "weakened"
	New          = "new"
	Dropped      = "dropped"
)

// Statuses lists them in report order.
var Statuses = []string{Strengthened, Weakened, New, Dropped, Reworded, Kept}

// Options give the comparison the analyzer's view of words.
type Options struct {
	Terms func(lang, text string) []string // content words of a text
	IDF   func(lang, term string) float64
	// MinScore: two directives are one only above this similarity
	// (default DefaultMinScore; a pair at the threshold is no match).
	MinScore float64
	// MinCosine is the least IDF-weighted cosine of content words for a
	// pair to be scored at all (default 0.2).
	MinCosine float64
}

// Default thresholds, tuned on the tuning half of the labelled pairs
// (testdata/pairs.tsv).
const (
	DefaultMinScore  = 0.40
	DefaultMinCosine = 0.2
)

// The result types are part of the public API (package analyze).
type (
	// Result is the comparison of document A (before) with B (after).
	Result = analyze.Comparison
	// DocRef names a compared document.
	DocRef = analyze.DocRef
	// DirectiveChange is one directive of A, of B, or a pair of both.
	DirectiveChange = analyze.DirectiveChange
	// TargetChange is a target matched by indicator.
	TargetChange = analyze.TargetChange
	// Keyness lists the terms most over- and under-used in B against A.
	Keyness = analyze.Keyness
	// KeyTerm is a term with its counts and log-likelihood.
	KeyTerm = analyze.KeyTerm
	// EntityChanges lists the entities found in only one document.
	EntityChanges = analyze.EntityChanges
)

// Comparer compares documents and periods. It caches what it prepares per
// document while the document's period is being compared, so that a
// corpus compared pair after pair segments nothing twice and holds no
// more than two periods. A Comparer is not safe for concurrent use.
type Comparer struct {
	o     Options
	cache map[*analyze.Analysis]*prepared
	lcs   lcsBuf
	w     weights
}

type termCounts struct {
	m map[string]int
	n int
}

// NewComparer returns a Comparer; zero thresholds take their defaults.
func NewComparer(o Options) *Comparer {
	if o.MinScore == 0 {
		o.MinScore = DefaultMinScore
	}
	if o.MinCosine == 0 {
		o.MinCosine = DefaultMinCosine
	}
	return &Comparer{o: o, cache: map[*analyze.Analysis]*prepared{}, w: defaultWeights()}
}

// Compare compares analysis a (before) with b (after).
func Compare(a, b *analyze.Analysis, o Options) *Result {
	return NewComparer(o).Compare(a, b)
}

// Compare compares analysis a (before) with b (after).
func (c *Comparer) Compare(a, b *analyze.Analysis) *Result {
	return c.ComparePeriods(Single(a), Single(b))
}

// ComparePeriods compares two groups of documents: the union of their
// directives, targets, keywords and entities. Each directive stays linked
// to its document (a_document, b_document).
func (c *Comparer) ComparePeriods(a, b Period) *Result {
	r := &Result{Schema: analyze.ComparisonSchema, A: a.Ref(), B: b.Ref(), Summary: map[string]int{}}
	for _, st := range Statuses {
		r.Summary[st] = 0
	}
	c.keepOnly(a, b)
	c.warm(append(append([]*analyze.Analysis(nil), a.Docs...), b.Docs...))
	sa, sb := c.sidesOf(a), c.sidesOf(b)
	pairOf, scores := c.align(sa, sb)
	r.Directives = changes(sa, sb, pairOf, scores)
	if r.Directives == nil {
		r.Directives = []DirectiveChange{}
	}
	for _, d := range r.Directives {
		r.Summary[d.Status]++
	}
	r.Targets = compareTargets(a.targets(), b.targets())
	r.Keywords = c.keyness(a, b, 10)
	r.Entities, r.NewTerms = compareEntities(a.entities(), b.entities())
	return r
}

func (c *Comparer) sidesOf(p Period) []*side {
	var out []*side
	for _, d := range p.Docs {
		out = append(out, c.docOf(d).sides...)
	}
	return out
}

// compareTargets matches targets by indicator.
func compareTargets(a, b []analyze.Target) []TargetChange {
	out := []TargetChange{}
	used := make([]bool, len(b))
	for i := range a {
		x := &a[i]
		found := -1
		for j := range b {
			if !used[j] && normText(b[j].Indicator) == normText(x.Indicator) {
				found = j
				break
			}
		}
		if found < 0 {
			out = append(out, TargetChange{Status: Dropped, Indicator: x.Indicator, A: x})
			continue
		}
		used[found] = true
		y := &b[found]
		status := Kept
		if x.Value != y.Value || x.Unit != y.Unit || x.Qualifier != y.Qualifier {
			status = "changed"
		}
		out = append(out, TargetChange{Status: status, Indicator: x.Indicator, A: x, B: y})
	}
	for j := range b {
		if !used[j] {
			out = append(out, TargetChange{Status: New, Indicator: b[j].Indicator, B: &b[j]})
		}
	}
	return out
}

// MinG2 is the least log-likelihood of a key term: 6.63 is p < 0.01 with
// one degree of freedom. Below it a difference is noise (2 against 2 has
// G² 0; 0 against 3 in equal texts has 4.16).
const MinG2 = 6.63

// keyness computes Dunning's log-likelihood of each term's frequency in B
// against A and keeps the strongest significant over- and under-used
// terms, with their rates per 10,000 content words.
func (c *Comparer) keyness(a, b Period, n int) Keyness {
	ca, na := c.periodCounts(a)
	cb, nb := c.periodCounts(b)
	var over, under []KeyTerm
	seen := map[string]bool{}
	for _, m := range []map[string]int{ca, cb} {
		for t := range m {
			if seen[t] || len([]rune(t)) < 2 {
				continue
			}
			seen[t] = true
			k, ok := keyTerm(t, ca[t], cb[t], na, nb)
			switch {
			case !ok:
			case k.RateB > k.RateA:
				over = append(over, k)
			default:
				under = append(under, k)
			}
		}
	}
	sortKey := func(ks []KeyTerm) []KeyTerm {
		sort.Slice(ks, func(i, j int) bool {
			if ks[i].G2 != ks[j].G2 {
				return ks[i].G2 > ks[j].G2
			}
			return ks[i].Term < ks[j].Term
		})
		if len(ks) > n {
			ks = ks[:n]
		}
		if ks == nil {
			ks = []KeyTerm{}
		}
		return ks
	}
	return Keyness{Over: sortKey(over), Under: sortKey(under)}
}

// periodCounts sums the content-word counts of a period's documents.
func (c *Comparer) periodCounts(p Period) (map[string]int, int) {
	if len(p.Docs) == 1 {
		tc := c.countsOf(p.Docs[0])
		return tc.m, tc.n
	}
	m, n := map[string]int{}, 0
	for _, d := range p.Docs {
		tc := c.countsOf(d)
		for t, k := range tc.m {
			m[t] += k
		}
		n += tc.n
	}
	return m, n
}

// keyTerm scores a term seen x times in A's na words and y times in B's
// nb; ok is false when the difference is not significant.
func keyTerm(t string, x, y, na, nb int) (KeyTerm, bool) {
	g2 := logLikelihood(float64(x), float64(y), float64(na), float64(nb))
	if g2 < MinG2 || na == 0 || nb == 0 {
		return KeyTerm{}, false
	}
	rate := func(k, n int) float64 { return math.Round(float64(k)/float64(n)*10000*100) / 100 }
	return KeyTerm{Term: t, A: x, B: y, G2: math.Round(g2*100) / 100, RateA: rate(x, na), RateB: rate(y, nb)}, true
}

// logLikelihood is Dunning's G² for a term seen x times in a corpus of na
// words and y times in one of nb.
func logLikelihood(x, y, na, nb float64) float64 {
	e1 := na * (x + y) / (na + nb)
	e2 := nb * (x + y) / (na + nb)
	g := 0.0
	if x > 0 {
		g += x * math.Log(x/e1)
	}
	if y > 0 {
		g += y * math.Log(y/e2)
	}
	return 2 * g
}

// compareEntities lists the entities found in only one document, and the
// policy formulas (term entities) B uses for the first time.
func compareEntities(a, b []analyze.Entity) (EntityChanges, []string) {
	key := func(e analyze.Entity) string { return e.Type + ":" + e.Text }
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, e := range a {
		inA[key(e)] = true
	}
	ch := EntityChanges{Added: []string{}, Removed: []string{}}
	terms := []string{}
	for _, e := range b {
		inB[key(e)] = true
		if !inA[key(e)] {
			ch.Added = append(ch.Added, key(e))
			if e.Type == "term" {
				terms = append(terms, e.Text)
			}
		}
	}
	for _, e := range a {
		if !inB[key(e)] {
			ch.Removed = append(ch.Removed, key(e))
		}
	}
	return ch, terms
}
