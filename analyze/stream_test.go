package analyze

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/parse"
)

// streamInputs are documents of the test sets read as plain text (any
// bytes are plain text when the name says so) and, where they are
// Markdown, as Markdown.
var streamInputs = []string{
	"../testdata/docs/text/经营者集中申报标准.txt",
	"../testdata/docs/seed.md",
	"../testdata/docs/zh-news/20210322-34225943395.md",
	"../testdata/docs/en/eo-2025-01-20-executive-order-14158.md",
	"../testdata/docs/zh-docs/明码标价和禁止价格欺诈规定(2022-04-14).md",
}

// streamNames are the names a document is streamed under: as plain text,
// and as itself when it is Markdown.
func streamNames(path string, data []byte) []string {
	names := []string{strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".txt"}
	if parse.Detect(path, data) == parse.FormatMarkdown {
		names = append(names, filepath.Base(path))
	}
	return names
}

// spillAnalyzer analyzes with WithSpill in windows of size runes.
func spillAnalyzer(t *testing.T, size int) *Analyzer {
	t.Helper()
	a, err := New(WithSpill(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	a.cfg.window = size
	return a
}

// sameAnalysis fails unless two analyses, spilled or not, read the same:
// paragraphs, directives' JSON and everything else.
func sameAnalysis(t *testing.T, got, want *Analysis) {
	t.Helper()
	paras := func(a *Analysis) (ps []string) {
		if err := a.EachParagraph(func(p string) error { ps = append(ps, p); return nil }); err != nil {
			t.Fatal(err)
		}
		return ps
	}
	dirs := func(a *Analysis) (ds []string) {
		if err := a.EachDirectiveJSON(func(js []byte) error { ds = append(ds, string(js)); return nil }); err != nil {
			t.Fatal(err)
		}
		return ds
	}
	if g, w := paras(got), paras(want); !slices.Equal(g, w) {
		t.Errorf("paragraphs: %d, want %d", len(g), len(w))
	}
	if g, w := dirs(got), dirs(want); !slices.Equal(g, w) {
		t.Errorf("directives: %d, want %d", len(g), len(w))
	}
	a, b := *got, *want
	a.Document.Paragraphs, b.Document.Paragraphs, a.Directives, b.Directives, a.spill, b.spill = nil, nil, nil, nil, nil, nil
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		t.Errorf("the rest differs:\nstreamed %s\nwhole    %s", ja, jb)
	}
}

// A plain text read as a stream gives the analysis its bytes read whole
// give, in many windows and in one.
func TestStreamSameAnalysis(t *testing.T) {
	for _, path := range streamInputs {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range streamNames(path, data) {
			for _, size := range []int{300, windowRunes} {
				compareStream(t, name, data, size)
			}
		}
	}
}

// compareStream analyzes data streamed and read whole, in windows of size
// runes, and compares the two.
func compareStream(t *testing.T, name string, data []byte, size int) {
	t.Helper()
	ctx := context.Background()
	a := spillAnalyzer(t, size)
	a.cfg.window = min(size, len(data)-1) // so that it streams
	got, err := a.analyzeStream(ctx, name, "id", strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want, err := a.analyzeWhole(ctx, Source{Name: name, ID: "id", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if size == windowRunes && got.Spilled() {
		t.Errorf("%s: one window spilled", name)
	}
	if size == 300 && (!got.Spilled() || !want.Spilled()) {
		t.Errorf("%s: in windows, spilled %v (stream) and %v (whole)", name, got.Spilled(), want.Spilled())
	}
	sameAnalysis(t, got, want)
	got.Close()
	want.Close()
}

// A batch streams a long plain-text or Markdown file, and reads whole what
// it cannot stream (a GBK text) or what is neither (a Sina-Hexo post),
// with the same results as Analyze; the spill folder is left empty.
func TestStreamBatch(t *testing.T) {
	data, err := os.ReadFile("../testdata/docs/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gbk, err := os.ReadFile("testdata/stream/gbk.txt")
	if err != nil {
		t.Fatal(err)
	}
	law, err := os.ReadFile(streamInputs[4])
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"seed.txt": data, "seed.md": data, "law.md": law, "gbk.txt": slices.Repeat(gbk, 20), "blank.txt": []byte(strings.Repeat(" \n", 500))}
	var inputs []Input
	for _, name := range []string{"seed.txt", "seed.md", "law.md", "gbk.txt", "blank.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Path: p, ID: name})
	}
	a := spillAnalyzer(t, 300)
	spillDir := a.cfg.spillDir
	var got []Result
	err = a.Batch(context.Background(), inputs, nil, func(r Result) error { got = append(got, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		want, werr := a.analyzeWhole(context.Background(), Source{Name: inputs[i].Path, ID: inputs[i].ID, Data: files[filepath.Base(inputs[i].Path)]})
		if i == 4 {
			if !errors.Is(r.Err, parse.ErrEmpty) || !errors.Is(werr, parse.ErrEmpty) {
				t.Errorf("blank text: %v, want %v", r.Err, werr)
			}
			continue
		}
		if r.Err != nil || werr != nil {
			t.Fatalf("%s: %v (whole: %v)", r.Name, r.Err, werr)
		}
		want.Document.Path = r.Name
		sameAnalysis(t, r.Analysis, want)
		r.Analysis.Close()
		want.Close()
	}
	if es, _ := os.ReadDir(spillDir); len(es) > 0 {
		t.Errorf("spill folder holds %d files", len(es))
	}
}

// The paragraphs kept for the language and script tests are those the
// tests read: the first 20,000 runes and letters, not the whole text.
func TestLangSample(t *testing.T) {
	var s langSample
	for range 1000 {
		s.add(strings.Repeat("中", 100))
	}
	if len(s.paras) != 201 {
		t.Errorf("kept %d paragraphs of 100 Han characters, want 201", len(s.paras))
	}
	s = langSample{}
	for range 1000 {
		s.add(strings.Repeat("1", 100)) // no letters: all are kept
	}
	if len(s.paras) != 1000 {
		t.Errorf("kept %d paragraphs of digits, want 1000", len(s.paras))
	}
}
