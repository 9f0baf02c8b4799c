package analyze

import (
	"context"
	"errors"
	"os"
	"reflect"
	"slices"
	"testing"
)

// analyzePair analyzes a file in small windows twice, in memory and with
// WithSpill into a folder of the test's.
func analyzePair(t *testing.T, path string) (mem, spilled *Analysis, dir string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	ctx := context.Background()
	src := Source{Name: path, Data: data}
	for _, spill := range []bool{false, true} {
		var opts []Option
		if spill {
			opts = append(opts, WithSpill(dir))
		}
		a, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		a.cfg.window = 300 // a few paragraphs a window
		res, err := a.Analyze(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		if spill {
			spilled = res
		} else {
			mem = res
		}
	}
	t.Cleanup(func() { spilled.Close() })
	return mem, spilled, dir
}

// A spilled analysis reads back what the analysis in memory holds:
// paragraphs, directives (confidence included), and the rest unchanged.
func TestSpillSameAnalysis(t *testing.T) {
	for _, path := range []string{"../testdata/docs/seed.md", "../testdata/docs/zh-news/20210322-34225943395.md"} {
		t.Run(path, func(t *testing.T) {
			mem, sp, _ := analyzePair(t, path)
			if !sp.Spilled() || mem.Spilled() {
				t.Fatalf("Spilled: %v with WithSpill, %v without", sp.Spilled(), mem.Spilled())
			}
			var paras []string
			if err := sp.EachParagraph(func(p string) error { paras = append(paras, p); return nil }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(paras, mem.Document.Paragraphs) || sp.ParagraphCount() != len(paras) {
				t.Errorf("paragraphs read back: %d, want %d", len(paras), len(mem.Document.Paragraphs))
			}
			var ds []Directive
			if err := sp.EachDirective(func(d *Directive) error { ds = append(ds, *d); return nil }); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(nonNil(ds), mem.Directives) {
				t.Errorf("directives read back differ: %d, want %d", len(ds), len(mem.Directives))
			}
			a, b := *mem, *sp
			a.Document.Paragraphs, a.Directives, b.Directives, b.spill = nil, nil, nil, nil
			if !reflect.DeepEqual(a, b) {
				t.Errorf("the rest of the analysis differs:\nmemory  %+v\nspilled %+v", a, b)
			}
		})
	}
}

// KeepForces filters the directives as they are read back, as it filters
// those in memory.
func TestSpillKeepForces(t *testing.T) {
	mem, sp, _ := analyzePair(t, "../testdata/docs/seed.md")
	mem.KeepForces("must", "prohibit")
	sp.KeepForces("must", "prohibit", "encourage")
	sp.KeepForces("must", "prohibit") // a second call narrows the first
	n, err := sp.DirectiveCount()
	if err != nil {
		t.Fatal(err)
	}
	if n != len(mem.Directives) || n == 0 {
		t.Errorf("%d must/prohibit directives read back, want %d", n, len(mem.Directives))
	}
	sp.KeepForces()
	if n, _ := sp.DirectiveCount(); n != 0 {
		t.Errorf("KeepForces() left %d directives", n)
	}
}

// The spill files are unlinked as soon as created: nothing is left in the
// folder, whatever happens to the process; Close lets the descriptors go.
func TestSpillLeavesNothing(t *testing.T) {
	_, sp, dir := analyzePair(t, "../testdata/docs/seed.md")
	if es, _ := os.ReadDir(dir); len(es) > 0 {
		t.Errorf("spill folder holds %d files", len(es))
	}
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	if sp.Spilled() {
		t.Error("Spilled after Close")
	}
}

// A spill folder that cannot be written is an error of Analyze, not a
// half-made result.
func TestSpillBadFolder(t *testing.T) {
	data, err := os.ReadFile("../testdata/docs/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(WithSpill("/nonexistent/policylens-spill"))
	if err != nil {
		t.Fatal(err)
	}
	a.cfg.window = 300
	res, err := a.Analyze(context.Background(), Source{Name: "seed.md", Data: data})
	if err == nil || res != nil {
		t.Fatalf("Analyze = %v, %v; want an error", res, err)
	}
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v does not say the folder is missing", err)
	}
}
