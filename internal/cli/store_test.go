package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

// storeFixture copies two documents into a folder and indexes them.
func storeFixture(t *testing.T) (db, docs string) {
	t.Helper()
	dir := t.TempDir()
	docs = filepath.Join(dir, "docs")
	os.MkdirAll(docs, 0o755)
	for _, f := range []string{seed, "../../testdata/docs/zh-news/20210322-34998173986.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(docs, filepath.Base(f)), b, 0o644)
	}
	db = filepath.Join(dir, "store.db")
	code, out, errs := run(t, "", "index", "--db", db, docs)
	if code != 0 || !strings.Contains(out, "indexed 2 document(s)") {
		t.Fatalf("index: exit %d: %s %s", code, out, errs)
	}
	return db, docs
}

func TestIndexAndSearch(t *testing.T) {
	db, docs := storeFixture(t)
	code, out, _ := run(t, "", "index", "--db", db, docs)
	if code != 0 || !strings.Contains(out, "indexed 0 document(s)") || !strings.Contains(out, "2 input(s) unchanged") {
		t.Fatalf("second index: exit %d: %s", code, out)
	}
	code, out, errs := run(t, "", "search", "--db", db, "--format", "json", "电子烟", "--force", "must")
	var page struct {
		Total   int
		Results []struct{ Force, Snippet string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &page) != nil || page.Total != 1 || page.Results[0].Force != "must" {
		t.Fatalf("search: exit %d: %s %s", code, out, errs)
	}
	code, out, _ = run(t, "", "search", "--db", db, "--format", "csv", "--issuer", "黄明")
	if code != 0 || !strings.HasPrefix(out, "#,force,issuer,deadline,date,document,text\n") || strings.Count(out, "\n") < 4 {
		t.Fatalf("csv: exit %d: %s", code, out)
	}
	code, out, _ = run(t, "", "search", "--db", db, "--format", "jsonl", "--kind", "entities", "应急管理")
	if code != 0 || !strings.Contains(out, `"normalized":"应急管理部"`) {
		t.Fatalf("jsonl: exit %d: %s", code, out)
	}
	code, out, _ = run(t, "", "search", "--db", db, "--width", "220", "安全生产执法")
	if code != 0 || !strings.Contains(out, "seed.md") || !strings.Contains(out, "«安全生产执法»") {
		t.Fatalf("table: exit %d: %s", code, out)
	}
}

func TestSearchErrors(t *testing.T) {
	db, _ := storeFixture(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"search", "--db", db, "--force", "maybe"}, 2, "force"},
		{[]string{"search", "--db", db, "--from", "last year"}, 2, "from"},
		{[]string{"search", "--db", db, "--format", "xml"}, 2, "--format"},
		{[]string{"search", "--db", filepath.Join(t.TempDir(), "none.db"), "x"}, 1, "none.db"},
		{[]string{"index", "--db", db, "-"}, 2, "standard input"},
		{[]string{"index", "--db", db, filepath.Join(t.TempDir(), "missing.md")}, 1, "missing.md"},
	}
	for _, c := range cases {
		code, _, errs := run(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") > 2 {
			t.Errorf("%v: exit %d, want %d with %q: %s", c.args, code, c.code, c.want, errs)
		}
	}
}

// lockedBuffer is a buffer a server goroutine writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeStopsCleanly starts serve on a free port, asks it a question
// and stops it as an interrupt would.
func TestServeStopsCleanly(t *testing.T) {
	db, _ := storeFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errs lockedBuffer
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, Streams{In: strings.NewReader(""), Out: &out, Err: &errs})
	}()
	addr := regexp.MustCompile(`http://[0-9.:]+/`)
	var base string
	for i := 0; i < 100 && base == ""; i++ {
		time.Sleep(50 * time.Millisecond)
		base = addr.FindString(out.String())
	}
	if base == "" {
		t.Fatalf("serve did not start: %s %s", out.String(), errs.String())
	}
	resp, err := http.Get(base + "api/search?q=%E7%94%B5%E5%AD%90%E7%83%9F")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"total": 1`) {
		t.Fatalf("api: %d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(errs.String(), "stopped") {
			t.Fatalf("serve: exit %d: %s", code, errs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestCorpusCommandsReadTheStore: report, compare and kwic take --db and
// the filters instead of paths.
func TestCorpusCommandsReadTheStore(t *testing.T) {
	db, _ := storeFixture(t)
	code, out, errs := run(t, "", "kwic", "电子烟", "--db", db, "--format", "json")
	if code != 0 || !strings.Contains(out, `"term": "电子烟"`) {
		t.Fatalf("kwic --db: exit %d: %.300s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "compare", "--db", db, "--format", "json")
	if code != 0 || !strings.Contains(out, `"policylens.compare/v1"`) {
		t.Fatalf("compare --db: exit %d: %.300s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "report", "--db", db, "--entity", "国务院安委办", "--format", "markdown")
	if code != 0 || !strings.Contains(out, "安全生产") || strings.Contains(out, "电子烟") {
		t.Fatalf("report --db --entity: exit %d: %.300s %s", code, out, errs)
	}
	code, _, errs = run(t, "", "report", "--db", db, "--from", "2030")
	if code != 1 || !strings.Contains(errs, "no document matches") {
		t.Fatalf("no match: exit %d: %s", code, errs)
	}
	if code, _, _ = run(t, "", "kwic", "--db", db); code != 2 {
		t.Fatalf("kwic --db without a term: exit %d", code)
	}
}

// TestLeaveToSQLite: index lowers the soft limit main set by the engine's
// share and puts it back; GOMEMLIMIT is left alone.
func TestLeaveToSQLite(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	prev := debug.SetMemoryLimit(80 << 20)
	defer debug.SetMemoryLimit(prev)
	restore := leaveToSQLite(8 << 20)
	if got := debug.SetMemoryLimit(-1); got != 72<<20 {
		t.Errorf("limit while indexing %d, want %d", got, 72<<20)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 80<<20 {
		t.Errorf("limit after %d, want %d", got, 80<<20)
	}
	t.Setenv("GOMEMLIMIT", "200MiB")
	restore = leaveToSQLite(8 << 20)
	if got := debug.SetMemoryLimit(-1); got != 80<<20 {
		t.Errorf("GOMEMLIMIT set: limit %d, want it left at %d", got, 80<<20)
	}
	restore()
}
