package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// TestReplaceWithinABatch writes a document and its replacement in one
// transaction: the full-text rows written at the end must be the
// replacement's only, under the rowids the tables gave them.
func TestReplaceWithinABatch(t *testing.T) {
	ctx := context.Background()
	st, err := OpenForIndex(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := analyze.New(analyze.WithJobs(1))
	if err != nil {
		t.Fatal(err)
	}
	doc := func(text string) Doc {
		an, err := a.Analyze(ctx, analyze.Source{Name: "n.txt", Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		an.Document.ID = "n.txt"
		return Doc{Input: "n.txt", Version: "v1", Analysis: an}
	}
	old, other, neu := doc("各地区要严禁瞒报麒麟事故。"), doc("各部门应当加强安全生产。"), doc("各地区要严禁瞒报凤凰事故。")
	other.Analysis.Document.ID = "other.txt"
	if err := st.Write(ctx, []Doc{old, other, neu}); err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]int{"麒麟": 0, "凤凰": 1, "安全生产": 1} {
		for _, k := range []string{KindDocuments, KindDirectives} {
			if p := search(t, st, Query{Text: text, Kind: k}); p.Total != want {
				t.Errorf("%s in %s: %d results, want %d", text, k, p.Total, want)
			}
		}
	}
	if s, _ := st.Stats(ctx); s.Documents != 2 {
		t.Errorf("%d documents stored, want 2", s.Documents)
	}
	checkFTSRowids(t, st)
}

// checkFTSRowids compares each full-text table's rowids with its table's.
func checkFTSRowids(t *testing.T, st *SQLite) {
	t.Helper()
	for fts, table := range map[string]string{"documents_fts": "documents", "directives_fts": "directives"} {
		got, want := rowsOf(t, st, "SELECT rowid, '' FROM "+fts+" ORDER BY 1"), rowsOf(t, st, "SELECT rowid, '' FROM "+table+" ORDER BY 1")
		if len(got) != len(want) || len(want) == 0 {
			t.Errorf("%s holds %d rows, %s %d", fts, len(got), table, len(want))
		}
	}
}

// TestNewStorePageSize: a new store gets pageSize pages and stays in WAL
// mode; an existing one keeps what it has.
func TestNewStorePageSize(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	for range 2 {
		st, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]string{"PRAGMA page_size": "8192", "PRAGMA journal_mode": "wal"} {
			if got := rowsOf(t, st, q); len(got) != 1 || got[0] != want {
				t.Errorf("%s: %v, want %s", q, got, want)
			}
		}
		st.Close()
	}
}

// tokenSamples mix scripts, runs of one character, invalid bytes and
// letters that change length when lower-cased.
var tokenSamples = []string{"", "安全生产", "严", "a", "GDP增长6.5%左右", "国务院 办公厅", "Ünïcode İstanbul ǅ",
	"中\xffA\xfe文", "一，二。三", "ひらがなカタカナ한국어", "x1y2 z", "  　", "第3季度GDP同比增长", "Σίσυφος 中"}

// TestTokenTextIsJoinedTokens: tokenText writes what joining tokens gave.
func TestTokenTextIsJoinedTokens(t *testing.T) {
	for _, s := range tokenSamples {
		if got, want := tokenText(s), strings.Join(tokens(s), " "); got != want {
			t.Errorf("tokenText(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzTokenText(f *testing.F) {
	for _, s := range tokenSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokenText(s), strings.Join(tokens(s), " "); got != want {
			t.Fatalf("tokenText(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkTokenText(b *testing.B) {
	text := strings.Repeat("各地区各部门要严禁瞒报事故，GDP增长6.5%左右。", 200)
	for b.Loop() {
		tokenText(text)
	}
}
