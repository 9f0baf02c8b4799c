package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policylens/policylens/analyze"
)

// newIndexed copies testdata/docs into a temporary folder and indexes it
// into a new store.
func newIndexed(t testing.TB) (*SQLite, string, *analyze.Analyzer) {
	t.Helper()
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	copyDir(t, "testdata/docs", docs)
	st, err := Open(context.Background(), filepath.Join(dir, "test store.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a, err := analyze.New(analyze.WithJobs(2))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := Index(context.Background(), st, a, []string{docs}, IndexOptions{Version: "v1"})
	if err != nil || sum.Failed != 0 || sum.Documents != 6 {
		t.Fatalf("index: %+v, %v", sum, err)
	}
	return st, docs, a
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	os.MkdirAll(to, 0o755)
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(to, e.Name()), b, 0o644)
	}
}

func search(t *testing.T, st Store, q Query) *Page {
	t.Helper()
	p, err := st.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return p
}

func TestSearchFilters(t *testing.T) {
	st, _, _ := newIndexed(t)
	cases := []struct {
		name  string
		q     Query
		check func(t *testing.T, p *Page)
	}{
		{"e-cigarette obligations", Query{Text: "电子烟", Force: []string{"must", "prohibit"}}, func(t *testing.T, p *Page) {
			if p.Total != 1 {
				t.Fatalf("want the one must about 电子烟: %+v", p)
			}
			for _, h := range p.Results {
				if h.Kind != KindDirectives || h.Force != "must" || !strings.Contains(h.Snippet, "«电子烟»") {
					t.Errorf("hit %+v", h)
				}
			}
		}},
		{"documents ranked", Query{Text: "安全生产"}, func(t *testing.T, p *Page) {
			if p.Total == 0 || !strings.Contains(p.Results[0].Document.ID, "seed") {
				t.Fatalf("want the seed first: %+v", p.Results)
			}
		}},
		{"issuer", Query{Issuer: "黄明"}, func(t *testing.T, p *Page) {
			if p.Total < 3 || p.Results[0].Issuer != "黄明" {
				t.Fatalf("%d directives of 黄明", p.Total)
			}
		}},
		{"date range", Query{From: "2021", To: "2021-03"}, func(t *testing.T, p *Page) {
			for _, h := range p.Results {
				if !strings.HasPrefix(h.Document.Date, "2021-03") {
					t.Errorf("out of range: %s", h.Document.Date)
				}
			}
			if p.Total != 2 {
				t.Errorf("want the two March 2021 news items, got %d", p.Total)
			}
		}},
		{"deadlines", Query{HasDeadline: true, DeadlineBefore: "2030-12-31"}, func(t *testing.T, p *Page) {
			for _, h := range p.Results {
				if h.Deadline == "" || h.DeadlineOn == "" || h.DeadlineOn > "2030-12-31~" {
					t.Errorf("deadline %q %q", h.Deadline, h.DeadlineOn)
				}
			}
		}},
		{"entities", Query{Text: "国务院", Kind: KindEntities}, func(t *testing.T, p *Page) {
			if p.Total == 0 || !strings.Contains(p.Results[0].Normalized, "国务院") {
				t.Fatalf("%+v", p.Results)
			}
		}},
		{"English words", Query{Text: "artificial intelligence", Kind: KindDirectives}, func(t *testing.T, p *Page) {
			if p.Total == 0 {
				t.Fatal("no directive about artificial intelligence")
			}
		}},
		{"paging", Query{Kind: KindDirectives, Limit: 5, Offset: 5}, func(t *testing.T, p *Page) {
			if len(p.Results) != 5 || p.Total < 10 {
				t.Fatalf("%d results of %d", len(p.Results), p.Total)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, search(t, st, c.q)) })
	}
}

func TestBadQueries(t *testing.T) {
	st, _, _ := newIndexed(t)
	for _, q := range []Query{{Kind: "people"}, {Force: []string{"maybe"}}, {From: "last year"}, {Limit: 5000}, {Offset: -1}, {DeadlineBefore: "2026-1"}} {
		if _, err := st.Search(context.Background(), q); err == nil {
			t.Errorf("%+v: want an error", q)
		}
	}
	// FTS5 syntax in a query is text, never an error
	for _, text := range []string{`"`, `AND OR NOT`, `a*`, `(x`, `NEAR(a b)`, `col:x`, `安全"生产`} {
		if _, err := st.Search(context.Background(), Query{Text: text}); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
	if _, err := st.Document(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing document: %v", err)
	}
	if _, err := st.Entity(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing entity: %v", err)
	}
}

// TestSubstringsAgreeWithScan checks that every substring of two to four
// Chinese characters taken from the documents finds exactly the documents
// a plain scan of their text finds.
func TestSubstringsAgreeWithScan(t *testing.T) {
	st, _, _ := newIndexed(t)
	all, err := st.Analyses(context.Background(), Query{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, a := range all {
		texts[a.Document.ID] = a.Document.Title + "\n" + strings.Join(a.Document.Paragraphs, "\n")
	}
	n := 0
	for _, a := range all {
		for _, p := range a.Document.Paragraphs {
			rs := []rune(p)
			for i := 0; i+4 <= len(rs); i += 97 {
				sub := string(rs[i : i+2+i%3])
				if !allCJK(sub) {
					continue
				}
				n++
				var want []string
				for id, text := range texts {
					if strings.Contains(text, sub) {
						want = append(want, id)
					}
				}
				var got []string
				for _, h := range search(t, st, Query{Text: sub, Limit: 100}).Results {
					got = append(got, h.Document.ID)
				}
				sort.Strings(want)
				sort.Strings(got)
				if !slices.Equal(got, want) {
					t.Errorf("%q: search finds %v, a scan %v", sub, got, want)
				}
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d substrings checked", n)
	}
}

func allCJK(s string) bool {
	for _, r := range s {
		if !isCJK(r) {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 2
}

func TestIncremental(t *testing.T) {
	st, docs, a := newIndexed(t)
	ctx := context.Background()
	sum, err := Index(ctx, st, a, []string{docs}, IndexOptions{Version: "v1"})
	if err != nil || sum.Unchanged != 6 || sum.Documents != 0 {
		t.Fatalf("second run: %+v %v", sum, err)
	}
	seed := filepath.Join(docs, "seed.md")
	b, _ := os.ReadFile(seed)
	os.WriteFile(seed, append(b, []byte("\n会议强调，严禁瞒报独角兽事故。\n")...), 0o644)
	sum, err = Index(ctx, st, a, []string{docs}, IndexOptions{Version: "v1"})
	if err != nil || sum.Unchanged != 5 || sum.Documents != 1 {
		t.Fatalf("changed file: %+v %v", sum, err)
	}
	if p := search(t, st, Query{Text: "独角兽"}); p.Total != 1 {
		t.Fatalf("the changed text is not found: %+v", p)
	}
	if s, _ := st.Stats(ctx); s.Documents != 6 {
		t.Fatalf("a replaced document is kept twice: %+v", s)
	}
	checkDerived(t, st)
	sum, err = Index(ctx, st, a, []string{docs}, IndexOptions{Version: "v2"})
	if err != nil || sum.Documents != 6 {
		t.Fatalf("new analyzer version: %+v %v", sum, err)
	}
	checkDerived(t, st)
}

// TestInterruptAndResume stops an index after its first document and
// runs it again: nothing is lost, nothing is stored twice.
func TestInterruptAndResume(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	copyDir(t, "testdata/docs", docs)
	st, err := Open(context.Background(), filepath.Join(dir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, _ := analyze.New(analyze.WithJobs(1))
	ctx, cancel := context.WithCancel(context.Background())
	var reported []string
	_, err = Index(ctx, st, a, []string{docs}, IndexOptions{Version: "v1", BatchSize: 1, Progress: func(p Progress) {
		if p.Documents >= 2 {
			cancel()
		}
	}, Report: func(name string, err error, warning string) { reported = append(reported, name) }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want cancelled, got %v", err)
	}
	if len(reported) > 0 {
		t.Errorf("documents stopped by the interrupt were reported as failures: %v", reported)
	}
	s, _ := st.Stats(context.Background())
	if s.Documents < 2 || s.Documents == 6 {
		t.Fatalf("after the interrupt: %+v", s)
	}
	sum, err := Index(context.Background(), st, a, []string{docs}, IndexOptions{Version: "v1"})
	if err != nil || sum.Unchanged < 1 || sum.Unchanged+sum.Documents != 6 {
		t.Fatalf("resume: %+v %v", sum, err)
	}
	if s, _ := st.Stats(context.Background()); s.Documents != 6 || s.Inputs != 6 {
		t.Fatalf("after resuming: %+v", s)
	}
}

func TestMigrationsAreKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	for range 2 {
		st, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	os.WriteFile(path+"x", []byte("not a database at all, but long enough to be read as one"), 0o644)
	if _, err := Open(context.Background(), path+"x"); err == nil || !strings.Contains(err.Error(), path+"x") {
		t.Fatalf("want an error naming the file, got %v", err)
	}
}

func TestReplicate(t *testing.T) {
	st, _, _ := newIndexed(t)
	ctx := context.Background()
	before := search(t, st, Query{Text: "安全生产", Kind: KindDirectives}).Total
	name, _ := anAlias(t, st)
	if search(t, st, Query{Entity: name}).Total != 1 {
		t.Fatalf("the test wants an entity of one document")
	}
	if err := st.Replicate(ctx, 2, nil); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Stats(ctx); s.Documents != 18 {
		t.Fatalf("after two copies: %+v", s)
	}
	if after := search(t, st, Query{Text: "安全生产", Kind: KindDirectives}).Total; after != 3*before {
		t.Fatalf("directive matches %d, want %d", after, 3*before)
	}
	checkDerived(t, st)
	p := search(t, st, Query{Entity: name})
	if p.Total != 3 {
		t.Fatalf("entity filter over copies: %+v", p)
	}
	if _, err := st.Document(ctx, p.Results[0].Document.ID); err != nil {
		t.Fatal(err)
	}
}

// anAlias is a name the store holds for an entity of one document that
// is not its normalized name, and that normalized name: what the
// extractor resolves changes, the store's job of finding an entity by any
// of its names does not.
func anAlias(t *testing.T, st *SQLite) (alias, normalized string) {
	t.Helper()
	err := st.db.QueryRow(`SELECT k.name, k.normalized FROM entity_keys k JOIN entity_groups g ON g.normalized = k.normalized
		WHERE k.name <> k.normalized AND g.docs = 1 ORDER BY k.name LIMIT 1`).Scan(&alias, &normalized)
	if err != nil {
		t.Fatalf("no entity with an alias in the test store: %v", err)
	}
	return alias, normalized
}

func TestEntityByAlias(t *testing.T) {
	st, _, _ := newIndexed(t)
	alias, normalized := anAlias(t, st)
	byAlias, byName := search(t, st, Query{Entity: alias}), search(t, st, Query{Entity: normalized})
	if byAlias.Total != 1 || byName.Total != 1 || byAlias.Results[0].Document.ID != byName.Results[0].Document.ID {
		t.Fatalf("%s: %+v; %s: %+v", alias, byAlias, normalized, byName)
	}
}
