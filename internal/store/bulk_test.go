package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
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

// TestMigrateToASCIITokenizer: a store of schema 4 (unicode61 full-text
// tables) indexed, then opened by this version, finds what it found.
func TestMigrateToASCIITokenizer(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	copyDir(t, "testdata/docs", docs)
	path := filepath.Join(dir, "old.db")
	if err := create(ctx, path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(ON)")
	if err != nil {
		t.Fatal(err)
	}
	old := &SQLite{db: db, path: path, window: rankWindow}
	for v := range 4 {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v].sql); err != nil {
			t.Fatal(err)
		}
		if migrations[v].fill != nil {
			if err := migrations[v].fill(ctx, tx); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	a, err := analyze.New(analyze.WithJobs(2))
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := Index(ctx, old, a, []string{docs}, IndexOptions{Version: "v1"}); err != nil || sum.Documents != 6 {
		t.Fatalf("index: %+v %v", sum, err)
	}
	if got := rowsOf(t, old, `SELECT sql FROM sqlite_schema WHERE name = 'directives_fts'`); len(got) != 1 || !strings.Contains(got[0], "unicode61") {
		t.Fatalf("schema 4 store: %v", got)
	}
	var qs []Query
	for _, text := range []string{"安全生产", "严禁", "国务院", "shall", "Safety", "事故 调查", "2020"} {
		for _, k := range []string{KindDocuments, KindDirectives, KindTargets} {
			qs = append(qs, Query{Text: text, Kind: k})
		}
	}
	before := make([]int, len(qs))
	for i, q := range qs {
		before[i] = search(t, old, q).Total
	}
	old.Close()
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := rowsOf(t, st, `SELECT sql FROM sqlite_schema WHERE name = 'directives_fts'`); len(got) != 1 || !strings.Contains(got[0], "ascii") {
		t.Fatalf("migrated store: %v", got)
	}
	found := 0
	for i, q := range qs {
		after := search(t, st, q).Total
		if after != before[i] {
			t.Errorf("%q in %s: %d results before the migration, %d after", q.Text, q.Kind, before[i], after)
		}
		found += after
	}
	if found == 0 {
		t.Error("no query found anything")
	}
	checkFTSRowids(t, st)
}
