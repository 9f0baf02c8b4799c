package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// indexSQL is the stored CREATE INDEX of each index the store has.
func indexSQL(t *testing.T, st *SQLite) map[string]string {
	t.Helper()
	rows, err := st.db.QueryContext(context.Background(), `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			t.Fatal(err)
		}
		out[name] = strings.Join(strings.Fields(sql), " ")
	}
	return out
}

// TestDeferredIndexesMatchSchema: the indexes a first index creates at its
// end are those the migrations make, as they make them.
func TestDeferredIndexesMatchSchema(t *testing.T) {
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	have := indexSQL(t, st)
	for _, ix := range deferredIndexes {
		if have[ix.name] != ix.sql {
			t.Errorf("deferred index %s:\n  %s\nthe migrations make\n  %s", ix.name, ix.sql, have[ix.name])
		}
	}
}

// TestIndexesAfterFirstIndex: a first index leaves every index in place,
// and a store left without them (a first index that crashed) gets them
// back at its next open.
func TestIndexesAfterFirstIndex(t *testing.T) {
	st, _, _ := newIndexed(t)
	ctx := context.Background()
	before := search(t, st, Query{Text: "安全生产", Kind: KindDirectives}).Total
	have := indexSQL(t, st)
	for _, ix := range deferredIndexes {
		if have[ix.name] == "" {
			t.Errorf("index %s missing after a first index", ix.name)
		}
	}
	for _, ix := range deferredIndexes { // as a crash would leave them
		if _, err := st.db.ExecContext(ctx, "DROP INDEX "+ix.name); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.DeferIndexes(ctx); err != nil { // holds documents: a no-op
		t.Fatal(err)
	}
	st.Close()
	st, err := Open(ctx, st.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	have = indexSQL(t, st)
	for _, ix := range deferredIndexes {
		if have[ix.name] != ix.sql {
			t.Errorf("index %s not made again at open: %q", ix.name, have[ix.name])
		}
	}
	if after := search(t, st, Query{Text: "安全生产", Kind: KindDirectives}).Total; after != before {
		t.Errorf("directives found: %d before, %d after", before, after)
	}
}

// TestDeferOnlyWhenEmpty: a store that holds documents keeps its indexes
// while an index adds to it.
func TestDeferOnlyWhenEmpty(t *testing.T) {
	st, _, _ := newIndexed(t)
	if err := st.DeferIndexes(context.Background()); err != nil {
		t.Fatal(err)
	}
	have := indexSQL(t, st)
	for _, ix := range deferredIndexes {
		if have[ix.name] == "" {
			t.Errorf("index %s dropped from a store with documents", ix.name)
		}
	}
}
