package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// scan answers queries by reading every stored analysis in Go, the plain
// way: what the indexes, the name tables and the query plans must agree
// with.
type scan struct {
	docs  []*analyze.Analysis
	norms map[string][]string // name → the normalized names it is a name of
	names map[string][]string // normalized name → its names
}

func newScan(t *testing.T, st *SQLite) *scan {
	t.Helper()
	docs, err := st.Analyses(context.Background(), Query{})
	if err != nil {
		t.Fatal(err)
	}
	sc := &scan{docs: docs, norms: map[string][]string{}, names: map[string][]string{}}
	for _, a := range docs {
		for _, e := range a.Entities {
			for _, n := range entityNames(e.Normalized, e.Text, e.Aliases) {
				sc.norms[n] = appendNew(sc.norms[n], normOf(e.Normalized, e.Text))
				sc.names[normOf(e.Normalized, e.Text)] = appendNew(sc.names[normOf(e.Normalized, e.Text)], n)
			}
		}
	}
	return sc
}

func normOf(normalized, text string) string {
	if normalized == "" {
		return text
	}
	return normalized
}

func entityNames(normalized, text string, aliases []string) []string {
	var out []string
	for _, n := range append([]string{normOf(normalized, text), text}, aliases...) {
		if n != "" {
			out = appendNew(out, n)
		}
	}
	return out
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// sameAs is every name of every entity that goes by name, and name.
func (sc *scan) sameAs(name string) []string {
	out := []string{name}
	for _, n := range sc.norms[name] {
		for _, m := range sc.names[n] {
			out = appendNew(out, m)
		}
	}
	return out
}

func (sc *scan) docPasses(a *analyze.Analysis, q Query) bool {
	d := a.Document.Date
	if q.From != "" && d < q.From || q.To != "" && d >= q.To+"~" {
		return false
	}
	if q.Entity == "" {
		return true
	}
	want := append([]string{q.Entity}, sc.norms[q.Entity]...)
	for _, e := range a.Entities {
		if slices.Contains(want, normOf(e.Normalized, e.Text)) {
			return true
		}
	}
	return false
}

func (sc *scan) directivePasses(a *analyze.Analysis, i int, q Query) bool {
	d := a.Directives[i]
	switch {
	case len(q.Force) > 0 && !slices.Contains(q.Force, d.Force),
		q.Issuer != "" && !slices.Contains(sc.sameAs(q.Issuer), d.Issuer),
		q.HasDeadline && d.Deadline == "",
		q.DeadlineBefore != "" && (d.DeadlineNormalized == "" || d.DeadlineNormalized > q.DeadlineBefore+"~"),
		q.Text != "" && !strings.Contains(d.Text, q.Text):
		return false
	}
	if q.Addressee != "" {
		names := sc.sameAs(q.Addressee)
		return slices.ContainsFunc(d.Addressees, func(a string) bool { return slices.Contains(names, a) })
	}
	return true
}

// directives are the keys of the directives that pass q.
func (sc *scan) directives(q Query) []string {
	var out []string
	for _, a := range sc.docs {
		if !sc.docPasses(a, q) {
			continue
		}
		for i, d := range a.Directives {
			if sc.directivePasses(a, i, q) {
				out = append(out, fmt.Sprintf("%s|%d|%s", a.Document.ID, d.Paragraph, d.Text))
			}
		}
	}
	sort.Strings(out)
	return out
}

// documents are the ids of the documents with a directive that passes q,
// or all that pass its document filters when it has no directive filter.
func (sc *scan) documents(q Query) []string {
	var out []string
	for _, a := range sc.docs {
		if !sc.docPasses(a, q) {
			continue
		}
		ok := !q.hasDirectiveFilters()
		for i := range a.Directives {
			ok = ok || sc.directivePasses(a, i, Query{Force: q.Force, Issuer: q.Issuer, Addressee: q.Addressee,
				HasDeadline: q.HasDeadline, DeadlineBefore: q.DeadlineBefore})
		}
		if ok {
			out = append(out, a.Document.ID)
		}
	}
	sort.Strings(out)
	return out
}

// entities are "type|normalized|documents|newest date" of the entities one
// of whose names contains text.
func (sc *scan) entities(text string) []string {
	type group struct {
		docs int
		last string
	}
	groups := map[string]*group{}
	for _, a := range sc.docs {
		for _, e := range a.Entities {
			norm := normOf(e.Normalized, e.Text)
			if !slices.ContainsFunc(sc.names[norm], func(n string) bool { return strings.Contains(n, text) }) {
				continue
			}
			k := e.Type + "|" + norm
			if groups[k] == nil {
				groups[k] = &group{}
			}
			groups[k].docs++
			groups[k].last = max(groups[k].last, a.Document.Date)
		}
	}
	var out []string
	for k, g := range groups {
		out = append(out, fmt.Sprintf("%s|%d|%s", k, g.docs, g.last))
	}
	sort.Strings(out)
	return out
}

// targets are "document|indicator|text" of the targets that contain text.
func (sc *scan) targets(text string) []string {
	var out []string
	for _, a := range sc.docs {
		for _, t := range a.Targets {
			if strings.Contains(t.Indicator, text) || strings.Contains(t.Text, text) {
				out = append(out, a.Document.ID+"|"+t.Indicator+"|"+t.Text)
			}
		}
	}
	sort.Strings(out)
	return out
}

// searchAll runs q page by page and returns every hit's key.
func searchAll(t *testing.T, st Store, q Query, key func(Hit) string) (keys []string, total int) {
	t.Helper()
	q.Limit = 7 // small pages, so that paging is checked too
	for q.Offset = 0; ; q.Offset += q.Limit {
		p := search(t, st, q)
		total = p.Total
		for _, h := range p.Results {
			keys = append(keys, key(h))
		}
		if len(p.Results) < q.Limit {
			break
		}
	}
	sort.Strings(keys)
	return keys, total
}

func directiveKey(h Hit) string { return fmt.Sprintf("%s|%d|%s", h.Document.ID, h.Paragraph, h.Text) }

// TestFiltersAgreeWithScan runs a query for every issuer, addressee and
// entity name the store holds, and for forces, dates and deadlines alone
// and combined, and compares the results with a plain scan.
func TestFiltersAgreeWithScan(t *testing.T) {
	st, _, _ := newIndexed(t)
	sc := newScan(t, st)
	var qs []Query
	seen := map[string]bool{}
	for _, a := range sc.docs {
		for _, d := range a.Directives {
			if d.Issuer != "" && !seen["i"+d.Issuer] {
				seen["i"+d.Issuer] = true
				qs = append(qs, Query{Issuer: d.Issuer}, Query{Issuer: d.Issuer, From: "2021"}, Query{Text: "安全", Issuer: d.Issuer})
			}
			for _, ad := range d.Addressees {
				if !seen["a"+ad] {
					seen["a"+ad] = true
					qs = append(qs, Query{Addressee: ad}, Query{Text: "工作", Addressee: ad, Kind: KindDirectives})
				}
			}
		}
		for _, e := range a.Entities[:min(len(a.Entities), 8)] {
			qs = append(qs, Query{Entity: e.Text, Kind: KindDirectives}, Query{Entity: e.Text, Force: []string{"must"}},
				Query{Text: "安全", Entity: e.Text, Force: []string{"must", "should"}})
		}
	}
	qs = append(qs,
		Query{Kind: KindDirectives},
		Query{Force: []string{"prohibit"}},
		Query{Force: []string{"must", "should"}, From: "2021", To: "2022"},
		Query{HasDeadline: true},
		Query{DeadlineBefore: "2025-12-31"},
		Query{HasDeadline: true, DeadlineBefore: "2030", Force: []string{"must"}},
		Query{Text: "安全", Kind: KindDirectives, Force: []string{"must"}},
		Query{Text: "严禁", Kind: KindDirectives, From: "2020"},
		Query{Text: "发展", Force: []string{"must", "prohibit"}, From: "2021", To: "2025"},
		Query{Text: "安全生产", Force: []string{"should"}, HasDeadline: true},
		Query{Text: "工作", Force: []string{"must"}, From: "2021", To: "2021"},
	)
	for _, q := range qs {
		t.Run(describe(q), func(t *testing.T) {
			got, total := searchAll(t, st, q, directiveKey)
			want := sc.directives(q)
			if !slices.Equal(got, want) || total != len(want) {
				t.Errorf("search finds %d (total %d), a scan %d:\n%v\n%v", len(got), total, len(want), got, want)
			}
			dq := q
			dq.Kind = KindDocuments
			gotDocs, _ := searchAll(t, st, dq, func(h Hit) string { return h.Document.ID })
			if want := sc.documents(dq); q.Text == "" && !slices.Equal(gotDocs, want) {
				t.Errorf("documents: search finds %v, a scan %v", gotDocs, want)
			}
		})
	}
	if len(qs) < 40 {
		t.Fatalf("only %d queries", len(qs))
	}
}

func describe(q Query) string {
	s := fmt.Sprintf("%s %v %s %s %s %s-%s %v %s", q.Text, q.Force, q.Issuer, q.Addressee, q.Entity, q.From, q.To, q.HasDeadline, q.DeadlineBefore)
	return strings.Join(strings.Fields(s), " ")
}

// TestEntitiesAndTargetsAgreeWithScan searches entities and targets by
// substrings of their names and texts.
func TestEntitiesAndTargetsAgreeWithScan(t *testing.T) {
	st, _, _ := newIndexed(t)
	sc := newScan(t, st)
	entityKey := func(h Hit) string {
		return fmt.Sprintf("%s|%s|%d|%s", h.EntityType, h.Normalized, h.Count, h.Document.Date)
	}
	var texts []string
	for _, a := range sc.docs {
		for _, e := range a.Entities {
			if rs := []rune(e.Text); len(rs) >= 3 {
				texts = appendNew(texts, string(rs[1:3]))
			}
		}
		for _, tg := range a.Targets {
			texts = appendNew(texts, tg.Indicator)
			if rs := []rune(tg.Indicator); len(rs) >= 2 {
				texts = appendNew(texts, string(rs[len(rs)-2:]))
			}
		}
	}
	texts = append(texts, "", "国务院", "x")
	n := 0
	for _, text := range texts {
		got, total := searchAll(t, st, Query{Text: text, Kind: KindEntities}, entityKey)
		if want := sc.entities(text); !slices.Equal(got, want) || total != len(want) {
			t.Errorf("entities %q: search finds %d (total %d), a scan %d:\n%v\n%v", text, len(got), total, len(want), got, want)
		}
		got, total = searchAll(t, st, Query{Text: text, Kind: KindTargets}, func(h Hit) string {
			return h.Document.ID + "|" + h.Indicator + "|" + h.Text
		})
		if want := sc.targets(text); !slices.Equal(got, want) || total != len(want) {
			t.Errorf("targets %q: search finds %d (total %d), a scan %d:\n%v\n%v", text, len(got), total, len(want), got, want)
		}
		n++
	}
	if n < 30 {
		t.Fatalf("only %d texts", n)
	}
}
