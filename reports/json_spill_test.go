package reports

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// longDocument is a document of several analysis windows (over 131,072
// runes): the seed's text repeated as plain text, with a line of
// HTML-special characters that the writer must not escape.
func longDocument(t *testing.T) analyze.Source {
	t.Helper()
	seed, err := os.ReadFile("../testdata/docs/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(string(seed), "\n---\n"), "\n---\n") // the text after the front matter
	var b strings.Builder
	for b.Len() < 300_000 {
		b.WriteString("\n各地区各部门要严格落实 <规定> & “要求”。\n")
		b.WriteString(body)
	}
	return analyze.Source{Name: "long.txt", Data: []byte(b.String())}
}

// A spilled analysis (analyze.WithSpill) is written as JSON and JSONL
// byte for byte as the same analysis held in memory, directives filtered
// by force or not.
func TestJSONSpilledSameBytes(t *testing.T) {
	src := longDocument(t)
	ctx := context.Background()
	plain, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	spilling, err := analyze.New(analyze.WithSpill(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	mem, err := plain.Analyze(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := spilling.Analyze(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	if !sp.Spilled() || len(mem.Directives) == 0 {
		t.Fatalf("the long document is not spilled (%v, %d chars, %d paragraphs) or has no directives (%d)", sp.Spilled(), sp.Document.Chars, sp.ParagraphCount(), len(mem.Directives))
	}
	for _, filter := range [][]string{nil, {"must", "prohibit"}} {
		if filter != nil {
			mem.KeepForces(filter...)
			sp.KeepForces(filter...)
		}
		for _, format := range []string{"json", "jsonl"} {
			var want, got bytes.Buffer
			for _, w := range []struct {
				a   *analyze.Analysis
				out *bytes.Buffer
			}{{mem, &want}, {sp, &got}} {
				rep, err := New(format, w.out, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if err := rep.Write(w.a); err != nil {
					t.Fatal(err)
				}
				if err := rep.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s, forces %v: spilled output (%d bytes) differs from the one in memory (%d bytes) at byte %d",
					format, filter, got.Len(), want.Len(), firstDiff(got.Bytes(), want.Bytes()))
			}
			if format == "json" && !bytes.Equal(want.Bytes(), encodeWhole(t, mem, true)) {
				t.Errorf("forces %v: the analysis in memory is not written as encoding/json writes it", filter)
			}
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
