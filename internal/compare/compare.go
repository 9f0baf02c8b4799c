// Package compare aligns the directives of two analyses and reports what is
// new, kept, reworded, strengthened, weakened or dropped, with the changes
// of targets, keywords (keyness), entities and policy formulas.
package compare

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/directives"
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
	// MinScore is the least similarity for two directives to be one (default 0.5).
	MinScore float64
}

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

// Compare compares analysis a (before) with b (after).
func Compare(a, b *analyze.Analysis, o Options) *Result {
	if o.MinScore == 0 {
		o.MinScore = 0.5
	}
	r := &Result{
		Schema:  analyze.ComparisonSchema,
		A:       DocRef{ID: a.Document.ID, Title: a.Document.Title, Date: a.Document.Date},
		B:       DocRef{ID: b.Document.ID, Title: b.Document.Title, Date: b.Document.Date},
		Summary: map[string]int{},
	}
	r.Directives = alignDirectives(a, b, o)
	for _, d := range r.Directives {
		r.Summary[d.Status]++
	}
	r.Targets = compareTargets(a.Targets, b.Targets)
	r.Keywords = keyness(a, b, o, 10)
	r.Entities, r.NewTerms = compareEntities(a.Entities, b.Entities)
	return r
}

// side is one directive prepared for alignment.
type side struct {
	d     *analyze.Directive
	core  string             // text without markers and punctuation
	terms map[string]float64 // IDF-weighted content words of the core
	order []string           // the terms sorted: sums run in one order, so scores do not vary between runs
	norm  float64
}

func prepare(ds []analyze.Directive, lang string, o Options) []side {
	out := make([]side, len(ds))
	for i := range ds {
		d := &ds[i]
		core := stripMarkers(d.Text, d.Markers)
		s := side{d: d, core: core, terms: map[string]float64{}}
		for _, t := range o.Terms(lang, core) {
			w := 1.0
			if o.IDF != nil {
				w = o.IDF(lang, t)
			}
			s.terms[t] = w
		}
		for t := range s.terms {
			s.order = append(s.order, t)
		}
		sort.Strings(s.order)
		for _, t := range s.order {
			s.norm += s.terms[t] * s.terms[t]
		}
		s.norm = math.Sqrt(s.norm)
		out[i] = s
	}
	return out
}

// stripMarkers removes the force markers and punctuation so that 要加强
// and 必须加强 have the same core.
func stripMarkers(text string, markers []string) string {
	for _, m := range markers {
		text = strings.Replace(text, m, "", 1)
	}
	var b strings.Builder
	for _, r := range text {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// similarity mixes the IDF-weighted cosine of the content words with the
// longest common subsequence of the cores (text reuse).
func similarity(x, y side) float64 {
	if x.core == y.core {
		return 1
	}
	cos := 0.0
	if x.norm > 0 && y.norm > 0 {
		for _, t := range x.order {
			if v, ok := y.terms[t]; ok {
				cos += x.terms[t] * v
			}
		}
		cos /= x.norm * y.norm
	}
	return 0.5*cos + 0.5*lcsRatio(x.core, y.core)
}

// lcsRatio is the longest common subsequence of two strings' runes over
// the longer length.
func lcsRatio(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	if len(ra) > 400 || len(rb) > 400 {
		ra, rb = ra[:min(len(ra), 400)], rb[:min(len(rb), 400)]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			if ra[i-1] == rb[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(cur[j-1], prev[j])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(rb)]) / float64(max(len(ra), len(rb)))
}

// alignDirectives pairs directives one to one, best score first (ties by
// position), and gives every directive a status.
func alignDirectives(a, b *analyze.Analysis, o Options) []DirectiveChange {
	sa := prepare(a.Directives, a.Document.Language, o)
	sb := prepare(b.Directives, b.Document.Language, o)
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	// exact cores first, in order, so repeated wording pairs in sequence
	exact := map[string][]int{}
	for j, y := range sb {
		exact[y.core] = append(exact[y.core], j)
	}
	pairedA := make([]int, len(sa))
	pairedB := make([]bool, len(sb))
	for i := range pairedA {
		pairedA[i] = -1
	}
	scores := make([]float64, len(sa))
	for i, x := range sa {
		if js := exact[x.core]; len(js) > 0 {
			pairedA[i], pairedB[js[0]], scores[i] = js[0], true, 1
			exact[x.core] = js[1:]
		}
	}
	for i, x := range sa {
		if pairedA[i] >= 0 {
			continue
		}
		for j, y := range sb {
			if pairedB[j] {
				continue
			}
			if s := similarity(x, y); s >= o.MinScore {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(p, q int) bool {
		if cands[p].score != cands[q].score {
			return cands[p].score > cands[q].score
		}
		if cands[p].i != cands[q].i {
			return cands[p].i < cands[q].i
		}
		return cands[p].j < cands[q].j
	})
	for _, c := range cands {
		if pairedA[c.i] < 0 && !pairedB[c.j] {
			pairedA[c.i], pairedB[c.j], scores[c.i] = c.j, true, c.score
		}
	}
	var out []DirectiveChange
	for i, j := range pairedA {
		if j < 0 {
			out = append(out, DirectiveChange{Status: Dropped, A: sa[i].d})
			continue
		}
		x, y := sa[i].d, sb[j].d
		ch := DirectiveChange{A: x, B: y, Score: math.Round(scores[i]*1000) / 1000,
			DeadlineChanged: x.Deadline != y.Deadline, AddresseesChanged: strings.Join(x.Addressees, "、") != strings.Join(y.Addressees, "、")}
		ra, rb := directives.Rank(x.Force), directives.Rank(y.Force)
		switch {
		case rb > ra:
			ch.Status = Strengthened
		case rb < ra:
			ch.Status = Weakened
		case normText(x.Text) == normText(y.Text):
			ch.Status = Kept
		default:
			ch.Status = Reworded
		}
		if ra != rb {
			ch.ForceChange = x.Force + " → " + y.Force
		}
		out = append(out, ch)
	}
	for j := range sb {
		if !pairedB[j] {
			out = append(out, DirectiveChange{Status: New, B: sb[j].d})
		}
	}
	return out
}

func normText(s string) string { return stripMarkers(s, nil) }

// compareTargets matches targets by indicator.
func compareTargets(a, b []analyze.Target) []TargetChange {
	var out []TargetChange
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

// keyness computes Dunning's log-likelihood of each term's frequency in B
// against A and keeps the strongest over- and under-used terms.
func keyness(a, b *analyze.Analysis, o Options, n int) Keyness {
	ca, na := countTerms(a, o)
	cb, nb := countTerms(b, o)
	var over, under []KeyTerm
	seen := map[string]bool{}
	for _, m := range []map[string]int{ca, cb} {
		for t := range m {
			if seen[t] || len([]rune(t)) < 2 {
				continue
			}
			seen[t] = true
			x, y := float64(ca[t]), float64(cb[t])
			if x+y < 3 {
				continue
			}
			g2 := logLikelihood(x, y, float64(na), float64(nb))
			k := KeyTerm{Term: t, A: ca[t], B: cb[t], G2: math.Round(g2*100) / 100}
			if y/float64(max(nb, 1)) > x/float64(max(na, 1)) {
				over = append(over, k)
			} else {
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

func countTerms(a *analyze.Analysis, o Options) (map[string]int, int) {
	m := map[string]int{}
	n := 0
	for _, p := range a.Document.Paragraphs {
		for _, t := range o.Terms(a.Document.Language, p) {
			m[t]++
			n++
		}
	}
	return m, n
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
