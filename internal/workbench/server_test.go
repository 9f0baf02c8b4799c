package workbench

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/internal/store"
)

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureErr  error
)

// indexedStore indexes testdata/docs (a hostile document added) once per
// test binary into a temporary store and opens it.
func indexedStore(t testing.TB) (*store.SQLite, *analyze.Analyzer) {
	t.Helper()
	a, err := analyze.New(analyze.WithJobs(2), analyze.WithExplain(true))
	if err != nil {
		t.Fatal(err)
	}
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "workbench")
		if fixtureErr != nil {
			return
		}
		docs := filepath.Join(fixtureDir, "docs")
		os.MkdirAll(docs, 0o755)
		ents, _ := os.ReadDir("testdata/docs")
		for _, e := range ents {
			b, _ := os.ReadFile(filepath.Join("testdata/docs", e.Name()))
			os.WriteFile(filepath.Join(docs, e.Name()), b, 0o644)
		}
		os.WriteFile(filepath.Join(docs, "hostile.txt"), []byte(hostile), 0o644)
		st, err := store.Open(context.Background(), filepath.Join(fixtureDir, "wb.db"))
		if err != nil {
			fixtureErr = err
			return
		}
		defer st.Close()
		_, fixtureErr = store.Index(context.Background(), st, a, []string{docs}, store.IndexOptions{Version: "test"})
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	st, err := store.Open(context.Background(), filepath.Join(fixtureDir, "wb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, a
}

const hostile = "会议要求，<script>window.__pwned=1</script>各地要加强监管。\n严禁点击<a href=\"javascript:window.__pwned=2\">链接</a>和<img src=x onerror=\"window.__pwned=3\">。"

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

func newServer(t *testing.T) *Server {
	t.Helper()
	st, a := indexedStore(t)
	s, err := New(st, compare.Options{Terms: a.Terms, IDF: a.IDF}, log.New(io.Discard, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, h http.Handler, path string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec.Code, rec.Body.String(), rec.Header()
}

func TestStatusCodes(t *testing.T) {
	s := newServer(t)
	seedID := seedDoc(t, s)
	cases := []struct {
		path string
		code int
		want string
	}{
		{"/", 302, ""},
		{"/search", 200, "policylens"},
		{"/search?q=" + url.QueryEscape("安全生产") + "&kind=directives&force=should", 200, "f-should"},
		{"/search?kind=people", 400, "kind"},
		{"/search?force=maybe", 400, "force"},
		{"/search?from=yesterday", 400, "from"},
		{"/search?page=0", 400, "page"},
		{"/search?page=abc", 400, "page"},
		{"/search?has_deadline=perhaps", 400, "has_deadline"},
		{"/search?q=%22%28NEAR", 200, ""},
		{"/doc", 400, "id"},
		{"/doc?id=nope", 404, "not found"},
		{"/doc?id=" + url.QueryEscape(seedID), 200, "安全生产"},
		{"/entity?name=" + url.QueryEscape("国务院安委办"), 200, "国务院安委会办公室"},
		{"/entity?name=nobody", 404, "not found"},
		{"/entity", 400, "name"},
		{"/compare", 200, "Compare"},
		{"/compare?a=nope&b=nope", 404, ""},
		{"/trends?terms=" + url.QueryEscape("安全生产,高质量发展"), 200, "<svg"},
		{"/trends?terms=x&by=week", 400, "by"},
		{"/api/search?q=" + url.QueryEscape("电子烟"), 200, `"total": 1`},
		{"/api/search?kind=people", 400, `"error"`},
		{"/api/doc?id=nope", 404, `"error"`},
		{"/api/doc?id=" + url.QueryEscape(seedID), 200, `"schema": "policylens.analysis/v1"`},
		{"/api/entity?name=" + url.QueryEscape("黄明"), 200, `"documents"`},
		{"/api/trends?terms=" + url.QueryEscape("改革"), 200, `"periods"`},
		{"/api/trends", 400, "terms"},
		{"/api/compare", 400, "two documents"},
		{"/static/style.css", 200, "font-family"},
		{"/nowhere", 404, ""},
	}
	for _, c := range cases {
		code, body, h := get(t, s, c.path)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want %d with %q; body %.200s", c.path, code, c.code, c.want, body)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("%s: no CSP", c.path)
		}
	}
}

func seedDoc(t *testing.T, s *Server) string {
	t.Helper()
	_, body, _ := get(t, s, "/api/search?q="+url.QueryEscape("安全生产执法"))
	var p struct{ Results []store.Hit }
	json.Unmarshal([]byte(body), &p)
	for _, h := range p.Results {
		if strings.HasSuffix(h.Document.ID, "seed.md") {
			return h.Document.ID
		}
	}
	t.Fatalf("no seed in %s", body)
	return ""
}

// TestCompareAPI compares the 2024 and 2025 work reports stored from the
// JSONL fixture.
func TestCompareAPI(t *testing.T) {
	s := newServer(t)
	_, body, _ := get(t, s, "/api/search?q="+url.QueryEscape("政府工作报告")+"&kind=documents")
	var p struct{ Results []store.Hit }
	json.Unmarshal([]byte(body), &p)
	var ids []string
	for _, h := range p.Results {
		if strings.Contains(h.Document.ID, ".jsonl#") {
			ids = append(ids, h.Document.ID)
		}
	}
	if len(ids) < 2 {
		t.Fatalf("want two work reports, got %v", ids)
	}
	code, body, _ := get(t, s, "/api/compare?a="+url.QueryEscape(ids[1])+"&b="+url.QueryEscape(ids[0]))
	var c analyze.Comparison
	if code != 200 || json.Unmarshal([]byte(body), &c) != nil || c.Schema != "policylens.compare/v1" || len(c.Directives) == 0 {
		t.Fatalf("compare: %d %.300s", code, body)
	}
}

// TestHostileTextIsEscaped: markup in a document is shown as text.
func TestHostileTextIsEscaped(t *testing.T) {
	s := newServer(t)
	_, body, _ := get(t, s, "/search?q="+url.QueryEscape("加强监管"))
	if strings.Contains(body, "<script>window") || strings.Contains(body, "<img src=x") {
		t.Fatalf("markup from a document reached the page: %s", body)
	}
	var id string
	for _, line := range strings.Split(body, "\n") {
		if i := strings.Index(line, `href="/doc?id=`); i >= 0 && strings.Contains(line, "hostile") {
			id = line[i+len(`href="/doc?id=`):]
			id = id[:strings.Index(id, `"`)]
		}
	}
	if id == "" {
		t.Fatal("the hostile document is not found")
	}
	_, body, _ = get(t, s, "/doc?id="+strings.ReplaceAll(id, "&amp;", "&"))
	if strings.Contains(body, "<script>window") || strings.Contains(body, "javascript:window") && !strings.Contains(body, "&#34;javascript:") {
		t.Fatalf("markup from a document reached the page")
	}
	if !strings.Contains(body, "&lt;script&gt;") {
		t.Fatalf("the document's text is not shown escaped")
	}
}

func FuzzSearchParams(f *testing.F) {
	for _, s := range []string{"q=安全&kind=directives", "force=must,prohibit&from=2020&to=2025", "page=2&year=2021", "q=%22&has_deadline=1&deadline_before=2026-12-31", "entity=国务院&issuer=黄明&addressee=各地"} {
		f.Add(s)
	}
	st, a := indexedStore(f)
	s, _ := New(st, compare.Options{Terms: a.Terms, IDF: a.IDF}, log.New(io.Discard, "", 0))
	f.Fuzz(func(t *testing.T, raw string) {
		for _, p := range []string{"/search?", "/api/search?", "/trends?terms=a&", "/entity?name="} {
			code, _, _ := get(t, s, p+raw)
			if code != 200 && code != 400 && code != 404 {
				t.Fatalf("%s%s: status %d", p, raw, code)
			}
		}
	})
}
