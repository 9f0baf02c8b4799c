package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTopKeyedKeepsOrder checks that ranking a text on the full-text index
// alone and reading only the rows that can reach the page gives the
// pages a sort of every match gives: BM25, then newest, then last
// indexed. Two copies of every document make every score a tie.
func TestTopKeyedKeepsOrder(t *testing.T) {
	st, _, _ := newIndexed(t)
	if err := st.Replicate(context.Background(), 2, func(int) {}); err != nil {
		t.Fatal(err)
	}
	st.window = 1 << 30
	sorted := map[string]string{
		KindDocuments: `SELECT x.id FROM documents_fts f JOIN documents x ON x.rowid = f.rowid WHERE documents_fts MATCH '%s'
			ORDER BY bm25(documents_fts, 3.0, 1.0), x.date DESC, x.rowid DESC LIMIT %d OFFSET %d`,
		KindDirectives: `SELECT x.id || '|' || d.text FROM directives_fts f JOIN directives d ON d.rowid = f.rowid
			JOIN documents x ON x.rowid = d.doc WHERE directives_fts MATCH '%s'
			ORDER BY bm25(directives_fts), d.date DESC, d.rowid DESC LIMIT %d OFFSET %d`,
	}
	n := 0
	for _, text := range []string{"安全", "安全生产", "严禁", "发展", "要", "shall"} {
		for kind, query := range sorted {
			for _, page := range [][2]int{{1, 0}, {3, 0}, {3, 2}, {5, 7}, {10, 1}, {40, 0}} {
				q := Query{Text: text, Kind: kind, Limit: page[0], Offset: page[1]}
				want := rowsOf(t, st, fmt.Sprintf(query, matchExpr(text), page[0], page[1]))
				var got []string
				for _, h := range search(t, st, q).Results {
					got = append(got, h.Document.ID+map[bool]string{true: "|" + h.Text}[kind == KindDirectives])
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s %q %v: got %v, a sort of every match %v", kind, text, page, got, want)
				}
				n += len(want)
			}
		}
	}
	if n < 200 {
		t.Fatalf("only %d results compared", n)
	}
}

// TestKeyIndexServesFilters checks that a text search filtered on force
// and date reads directives_key, not the directives table, and that one
// filtered on what the index lacks reads the table.
func TestKeyIndexServesFilters(t *testing.T) {
	st, _, _ := newIndexed(t)
	for _, c := range []struct {
		q    Query
		want bool
	}{
		{Query{Text: "发展", Force: []string{"must", "prohibit"}}, true},
		{Query{Text: "严禁", From: "2020", To: "2025", Kind: KindDirectives}, true},
		{Query{Text: "严禁", Issuer: "国务院"}, false},
		{Query{Text: "严禁", HasDeadline: true}, false},
	} {
		from, _, w := directiveMatches(c.q, false)
		plan := strings.Join(rowsOf(t, st, "EXPLAIN QUERY PLAN SELECT count(*) FROM "+from+" WHERE "+sqlLiteral(w)), "\n")
		if got := strings.Contains(plan, "COVERING INDEX directives_key"); got != c.want {
			t.Errorf("%s: plan %s", describe(c.q), plan)
		}
	}
}

// sqlLiteral is w with its arguments written in, for EXPLAIN.
func sqlLiteral(w *where) string {
	s := w.sql()
	for _, a := range w.args {
		s = strings.Replace(s, "?", "'"+strings.ReplaceAll(fmt.Sprint(a), "'", "''")+"'", 1)
	}
	return s
}
