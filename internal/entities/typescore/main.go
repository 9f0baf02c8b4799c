// Command typescore scores the analyzer's entities on the labelled corpus by
// entity type, the way the quality test scores them (ANNOTATION.md: type and
// canonical text, aliases and mention surfaces, dates on their normalized
// form), so that work on names starts from the weakest large class.
//
// The train split gets a table per type and, with -errors, its missed and
// spurious items; the test split gets only its aggregate line, so that
// nobody tunes to its errors (internal/labels.SplitOf is the split rule).
//
//	go run ./internal/entities/typescore [-errors TYPE|all [-hits] [-why]] [-testdata DIR]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/labels"
)

func main() {
	testdata := flag.String("testdata", "testdata", "the repository's testdata folder (labels/ and docs/)")
	errs := flag.String("errors", "", "print the train split's missed and spurious items of this type (all: every type)")
	hits := flag.Bool("hits", false, "with -errors, print the train split's matched items too")
	showWhy := flag.Bool("why", false, "with -errors, print a spurious item's evidence and first mention in context")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *testdata, *errs, *hits, *showWhy); err != nil {
		fmt.Fprintln(os.Stderr, "typescore:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, testdata, errType string, hits, showWhy bool) error {
	golds, err := labels.Load(filepath.Join(testdata, "labels"))
	if err != nil {
		return fmt.Errorf("labels: %w", err)
	}
	a, err := analyze.New(analyze.WithJobs(2))
	if err != nil {
		return fmt.Errorf("analyzer: %w", err)
	}
	splits := map[string]*tally{labels.Train: newTally(), labels.Test: newTally()}
	splits[labels.Train].why = showWhy
	for _, g := range golds {
		data, err := os.ReadFile(filepath.Join(testdata, g.File))
		if err != nil {
			return fmt.Errorf("%s: %w", g.File, err)
		}
		res, err := a.Analyze(ctx, analyze.Source{Name: g.File, Data: data})
		if err != nil {
			return fmt.Errorf("%s: %w", g.File, err)
		}
		split := labels.SplitOf(g.File)
		s := splits[split]
		for _, m := range s.score(g, res) {
			// the test split's errors are never printed
			if split == labels.Train && (errType == "all" || errType == m.typ) && (hits || m.what != "matched") {
				fmt.Fprintf(w, "%s %s %s: %s\n", g.File, m.what, m.typ, m.text)
			}
		}
	}
	report(w, splits[labels.Train], splits[labels.Test])
	return nil
}

func report(w io.Writer, train, test *tally) {
	fmt.Fprintf(w, "\ntrain split, by type\n\n| type | P | R | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|\n")
	types := make([]string, 0, len(train.byType))
	for ty := range train.byType {
		types = append(types, ty)
	}
	sort.Strings(types)
	for _, ty := range types {
		c := train.byType[ty]
		p, r, f := c.PRF()
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |\n", ty, p, r, f, c.TP, c.FP, c.FN)
	}
	for _, s := range []struct {
		name string
		t    *tally
	}{{"train", train}, {"test", test}} {
		c := s.t.total()
		p, r, f := c.PRF()
		fmt.Fprintf(w, "\n%s: entity P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); titles recall %.3f (%d/%d)", s.name, p, r, f, c.TP, c.FP, c.FN,
			ratio(s.t.titlesOK, s.t.titlesN), s.t.titlesOK, s.t.titlesN)
	}
	fmt.Fprintln(w)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
