package pipeline

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestRootAndID(t *testing.T) {
	for _, c := range []struct{ glob, path, root, id string }{
		{"testdata/in/*", "testdata/in/a.md", "testdata/in/", "a.md"},
		{"corpus/*/*.md", "corpus/刑法/b.md", "corpus/", "刑法/b.md"},
		{"docs/seed.md", "docs/seed.md", "docs/", "seed.md"},
		{"*.md", "a.md", "", "a.md"},
		{"./x/*.md", "x/a.md", "./x/", "a.md"},
		{"gs://bucket/laws/*/*.md", "gs://bucket/laws/c/d.md", "gs://bucket/laws/", "c/d.md"},
		{"/abs/dir[12]/*.txt", "/abs/dir1/e.txt", "/abs/", "dir1/e.txt"},
	} {
		if r := Root(c.glob); r != c.root {
			t.Errorf("Root(%q) = %q, want %q", c.glob, r, c.root)
		}
		if id := idOf(Root(c.glob), c.path); id != c.id {
			t.Errorf("idOf(%q, %q) = %q, want %q", c.glob, c.path, id, c.id)
		}
	}
}

func TestWanted(t *testing.T) {
	for p, want := range map[string]bool{
		"a/b.md": true, "a/B.TXT": true, "c.jsonl": true, "d.html": true,
		"README.md": false, "x/LICENSE.txt": false, "_index.md": false, "e.go": false, "f": false,
	} {
		if wanted(p) != want {
			t.Errorf("wanted(%q) = %v", p, !want)
		}
	}
}

// records lists what splitRecords yields, one string per call.
func records(in string, max int64) ([]string, error) {
	var out []string
	err := splitRecords(strings.NewReader(in), max, func(line int, rec []byte, err error) {
		out = append(out, fmt.Sprintf("%d %s %v", line, bytes.TrimRight(rec, "\r\n"), err != nil))
	})
	return out, err
}

func TestSplitRecords(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int64
		want []string
	}{
		{"", 10, nil},
		{"a\n\nb", 10, []string{"1 a false", "3 b false"}},
		{"a\r\n  \r\nb\r\n", 10, []string{"1 a false", "3 b false"}},
		{"0123456789\n01234567890\nx\n", 10, []string{"1 0123456789 false", "2  true", "3 x false"}},
		{strings.Repeat("y", 3<<20) + "\nz", 1 << 20, []string{"1  true", "2 z false"}},
	} {
		got, err := records(c.in, c.max)
		if err != nil || strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%.20q: %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestHasID(t *testing.T) {
	for rec, want := range map[string]bool{
		`{"id": "a"}`: true, `{"id": 3}`: true, `{"id": " "}`: false, `{"id": null}`: false,
		`{"content": "x"}`: false, `not json`: false, `[1]`: false,
	} {
		if hasID(rec) != want {
			t.Errorf("hasID(%s) = %v", rec, !want)
		}
	}
}

// FuzzSplitRecords: any bytes split into numbered records that never
// exceed the limit, never hold a line break, and cover the input's
// non-blank lines.
func FuzzSplitRecords(f *testing.F) {
	for _, s := range []string{"", "a\nb", "{\"id\":1}\r\n\r\n{}", strings.Repeat("x", 40) + "\n\n", "\n\n\n"} {
		f.Add([]byte(s), int64(16))
	}
	f.Fuzz(func(t *testing.T, in []byte, max int64) {
		if max < 1 || max > 1<<16 {
			max = 16
		}
		last := 0
		var total int
		err := splitRecords(bytes.NewReader(in), max, func(line int, rec []byte, err error) {
			if line <= last {
				t.Fatalf("line %d after %d", line, last)
			}
			last = line
			body := bytes.TrimRight(rec, "\r\n")
			if err == nil && (int64(len(body)) > max || bytes.Contains(bytes.TrimSuffix(rec, []byte("\n")), []byte("\n")) || len(bytes.TrimSpace(rec)) == 0) {
				t.Fatalf("record %q (max %d)", rec, max)
			}
			total++
		})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, l := range bytes.Split(in, []byte("\n")) {
			if len(bytes.TrimSpace(l)) > 0 {
				want++
			}
		}
		if total != want {
			t.Fatalf("%d records, %d non-blank lines", total, want)
		}
	})
}
