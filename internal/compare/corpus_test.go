package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/golden"
)

// gwrReports reads the 2025, 2024 and 1954 work reports (the 1954 one is in
// traditional characters).
func gwrReports(t *testing.T) []*analyze.Analysis {
	t.Helper()
	var out []*analyze.Analysis
	in := []analyze.Input{{Path: filepath.Join("..", "..", "testdata", "docs", "gwr", "reports-2024-2025-1954.jsonl"), ID: "gwr.jsonl"}}
	err := analyzer(t).Batch(context.Background(), in, nil, func(r analyze.Result) error {
		if r.Err != nil {
			return r.Err
		}
		out = append(out, r.Analysis)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 || !strings.HasPrefix(out[2].Document.Date, "1954") {
		t.Fatalf("want the 2025, 2024 and 1954 reports, got %d documents", len(out))
	}
	return out
}

// TestKWICFoldsTraditional: 发展 finds the 1954 report's 發展, shown as
// written, and both spellings find the same hits.
func TestKWICFoldsTraditional(t *testing.T) {
	docs := gwrReports(t)
	simp, trad := KWIC(docs, "发展", 10), KWIC(docs, "發展", 10)
	if !reflect.DeepEqual(simp, trad) {
		t.Errorf("发展 and 發展 find different hits: %d and %d", len(simp), len(trad))
	}
	n := 0
	for _, h := range simp {
		if strings.HasPrefix(h.Date, "1954") {
			n++
			if h.Term != "發展" {
				t.Errorf("1954 hit shows %q, want the text as written 發展", h.Term)
			}
		}
	}
	if n != 69 { // the 1954 text writes 發展 69 times, 发展 never
		t.Errorf("发展 finds %d hits in the 1954 report, want its 69 發展", n)
	}
	tl := BuildTimeline(docs, []string{"发展", "發展"}, "year")
	if !reflect.DeepEqual(tl.Counts[0], tl.Counts[1]) || tl.Counts[0][0] != n {
		t.Errorf("timeline counts %v, want equal rows with %d in 1954", tl.Counts, n)
	}
}

// TestSimplifiedUnchanged: on simplified text, KWIC and trends give what
// they gave before folding (the golden was written before it).
func TestSimplifiedUnchanged(t *testing.T) {
	docs := gwrReports(t)[:2]
	terms := []string{"发展", "改革", "就业", "AI", "着力"}
	var hits []analyze.Hit
	for _, term := range terms {
		hits = append(hits, KWIC(docs, term, 8)...)
	}
	out := struct {
		Hits     []analyze.Hit     `json:"hits"`
		Timeline *analyze.Timeline `json:"timeline"`
	}{hits, BuildTimeline(docs, terms, "year")}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "kwic-trends-2024-2025.golden.json"), buf.Bytes())
}
