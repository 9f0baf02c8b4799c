package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// checkDerived compares the tables migration 3 derives (and its triggers
// keep) with the rows they are derived from.
func checkDerived(t *testing.T, st *SQLite) {
	t.Helper()
	pairs := []struct{ got, want string }{
		{`SELECT type, normalized, docs, last FROM entity_groups ORDER BY 1, 2`,
			`SELECT e.type, e.normalized, count(DISTINCT e.doc), max(x.date) FROM entities e JOIN documents x ON x.rowid = e.doc GROUP BY 1, 2 ORDER BY 1, 2`},
		{`SELECT name, normalized, n FROM entity_keys ORDER BY 1, 2`,
			`SELECT name, normalized, count(*) FROM entity_names GROUP BY 1, 2 ORDER BY 1, 2`},
		{`SELECT rowid, '' FROM targets_fts ORDER BY 1`, `SELECT DISTINCT doc, '' FROM targets ORDER BY 1`},
		{`SELECT date, '' FROM entities ORDER BY rowid`, `SELECT x.date, '' FROM entities e JOIN documents x ON x.rowid = e.doc ORDER BY e.rowid`},
	}
	for _, p := range pairs {
		got, want := rowsOf(t, st, p.got), rowsOf(t, st, p.want)
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n%v\nwant (%s):\n%v", p.got, got, p.want, want)
		}
		if len(want) == 0 {
			t.Errorf("%s: no rows to compare", p.want)
		}
	}
}

func rowsOf(t *testing.T, st *SQLite, query string) []string {
	t.Helper()
	rows, err := st.db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmtRow(vals))
	}
	return out
}

func fmtRow(vals []any) string {
	for i, v := range vals {
		if b, ok := v.([]byte); ok {
			vals[i] = string(b)
		}
	}
	return fmt.Sprint(vals...)
}

// TestMigrationFromVersion2 opens a store that the previous policylens
// wrote (testdata/v2.db: testdata/docs indexed at schema version 2) and
// checks what migration 3 made of it: the derived tables agree with their
// sources and searches agree with a scan of the stored analyses.
func TestMigrationFromVersion2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	b, err := os.ReadFile("testdata/v2.db")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, b, 0o644)
	st, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var v int
	st.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Fatalf("schema version %d after opening, want %d", v, len(migrations))
	}
	checkDerived(t, st)
	sc := newScan(t, st)
	for _, text := range []string{"国务院", "增长", "安全"} {
		got, _ := searchAll(t, st, Query{Text: text, Kind: KindTargets}, func(h Hit) string {
			return h.Document.ID + "|" + h.Indicator + "|" + h.Text
		})
		if want := sc.targets(text); !slices.Equal(got, want) {
			t.Errorf("targets %q: %v, a scan %v", text, got, want)
		}
	}
	q := Query{Issuer: "国务院安委会办公室"}
	if got, want := fst(searchAll(t, st, q, directiveKey)), sc.directives(q); !slices.Equal(got, want) {
		t.Errorf("issuer: %v, a scan %v", got, want)
	}
}

func fst[A, B any](a A, _ B) A { return a }

// TestRankWindow makes the ranking window small: a common text is ranked
// among its last matches, counted in full, and a page the window cannot
// fill is ranked over all matches.
func TestRankWindow(t *testing.T) {
	st, _, _ := newIndexed(t)
	q := Query{Text: "安全生产", Kind: KindDirectives, Limit: 3}
	full := search(t, st, q)
	st.window = 4
	win := search(t, st, q)
	if win.Total != full.Total || len(win.Results) != 3 || full.Total <= 4 {
		t.Fatalf("window: %d results of %d; all: %d", len(win.Results), win.Total, full.Total)
	}
	last := rowsOf(t, st, `SELECT d.text FROM directives_fts f JOIN directives d ON d.rowid = f.rowid
		WHERE directives_fts MATCH '"安全 全生 生产"' ORDER BY f.rowid DESC LIMIT 4`)
	for i, h := range win.Results {
		if !slices.Contains(last, fmt.Sprint(h.Text)) {
			t.Errorf("%q is not among the last 4 matches %v", h.Text, last)
		}
		if i > 0 && h.Score < win.Results[i-1].Score {
			t.Errorf("not in score order: %v", win.Results)
		}
	}
	q.Offset = 6
	st.window = 1 << 30
	want := search(t, st, q)
	st.window = 4
	if got := search(t, st, q); !slices.EqualFunc(got.Results, want.Results, func(a, b Hit) bool { return a.Text == b.Text }) {
		t.Errorf("a page past the window: %v, want %v", got.Results, want.Results)
	}
}

func TestPackedSnippet(t *testing.T) {
	paras := []string{"第一条 为了规范价格行为。", "第二条 经营者不得利用虚假的或者使人误解的价格手段，诱骗消费者进行交易。", "第三条 Price tags must be clear."}
	packed, err := packJSON(paras)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		terms []string
		want  string
		para  int
	}{
		{[]string{"价格"}, "第一条 为了规范«价格»行为。", 0},
		{[]string{"消费者"}, "第二条 经营者不得利用虚假的或者使人误解的价格手段，诱骗«消费者»进行交易。", 1},
		{[]string{"PRICE"}, "第三条 Price tags must be clear.", 2}, // found without case, marked as typed
		{[]string{"电子烟"}, "", 0},
		{nil, "第一条 为了规范价格行为。", 0},
	}
	for _, c := range cases {
		got, para, err := packedSnippet(packed, c.terms)
		if err != nil || got != c.want || para != c.para {
			t.Errorf("%v: %q in paragraph %d (%v), want %q in %d", c.terms, got, para, err, c.want, c.para)
		}
	}
	if _, _, err := packedSnippet([]byte("not gzip"), nil); err == nil {
		t.Error("bad data: no error")
	}
}
