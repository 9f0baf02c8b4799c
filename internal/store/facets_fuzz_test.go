package store

import (
	"context"
	"testing"
)

// TestFacetsAgreeWithResults counts the force and issuer of every result
// of a directive search and compares them with Facets, for texts with
// filters that directives_key serves and one it does not.
func TestFacetsAgreeWithResults(t *testing.T) {
	st, _, _ := newIndexed(t)
	counted := 0
	for _, q := range []Query{
		{Text: "安全", Kind: KindDirectives},
		{Text: "安全", Kind: KindDirectives, Force: []string{"must", "prohibit"}},
		{Text: "安全", Kind: KindDirectives, From: "2021", To: "2025"},
		{Text: "安全", Kind: KindDirectives, HasDeadline: true},
		{Text: "工作", Kind: KindDirectives, HasDeadline: true},
		{Text: "应当", Kind: KindDirectives, Force: []string{"must"}, HasDeadline: true},
	} {
		force, issuer := map[string]int{}, map[string]int{}
		for p := q; ; p.Offset += 100 {
			p.Limit = 100
			page := search(t, st, p)
			for _, h := range page.Results {
				force[h.Force]++
				if h.Issuer != "" {
					issuer[h.Issuer]++
				}
			}
			if len(page.Results) < p.Limit {
				break
			}
		}
		if len(force) > 0 {
			counted++
		}
		f, err := st.Facets(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name  string
			got   []Count
			count map[string]int
		}{{"force", f.Force, force}, {"issuer", f.Issuer, issuer}} {
			if len(c.got) == 0 && len(c.count) > 0 {
				t.Errorf("%s %s: no facet, results have %v", describe(q), c.name, c.count)
			}
			for _, v := range c.got {
				if v.N != c.count[v.Value] {
					t.Errorf("%s %s %q: facet %d, results %d", describe(q), c.name, v.Value, v.N, c.count[v.Value])
				}
			}
		}
	}
	if counted < 4 {
		t.Fatalf("only %d queries had results to count", counted)
	}
}

// FuzzSearch: any query text, with or without directive filters, is
// searched without an error or a panic, and a page never holds more
// results than its total says match.
func FuzzSearch(f *testing.F) {
	st, _, _ := newIndexed(f)
	for _, s := range []string{"安全生产", "严禁", "shall", `"`, "a AND b", "NEAR(x y)", "*", "安全 \"生产\"", "电子烟^", "-", "国务院:"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, force bool) {
		for _, kind := range Kinds {
			q := Query{Text: text, Kind: kind, Limit: 5}
			if force && (kind == KindDirectives || kind == KindDocuments) {
				q.Force = []string{"must", "prohibit"}
			}
			p, err := st.Search(context.Background(), q)
			if err != nil {
				t.Fatalf("%q %s: %v", text, kind, err)
			}
			if len(p.Results) > p.Total && !p.More || len(p.Results) > q.Limit {
				t.Fatalf("%q %s: %d results, total %d", text, kind, len(p.Results), p.Total)
			}
		}
	})
}
