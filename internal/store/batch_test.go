package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// spyIndexer records the documents of each Write.
type spyIndexer struct{ writes []int }

func (s *spyIndexer) InputDone(context.Context, Input) (bool, error) { return false, nil }
func (s *spyIndexer) Write(_ context.Context, docs []Doc) error {
	s.writes = append(s.writes, len(docs))
	return nil
}
func (s *spyIndexer) FinishInput(context.Context, Input, []string) error { return nil }

// TestBatchChars: a batch of a JSONL input ends at BatchSize documents or
// once its documents hold BatchChars characters, whichever comes first.
func TestBatchChars(t *testing.T) {
	var lines []string
	for i, n := range []int{50, 50, 400, 50, 50, 50} {
		lines = append(lines, fmt.Sprintf(`{"id":"r%d","title":"第%d号","content":"%s"}`, i, i, strings.Repeat("各地要加强安全生产。", n/10)))
	}
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := analyze.New(analyze.WithJobs(1))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		size, chars int
		want        []int
	}{
		{4, 1 << 20, []int{4, 2}}, // by count only
		{4, 300, []int{3, 3}},     // the long third record ends the first batch
		{8, 1, []int{1, 1, 1, 1, 1, 1}},
	} {
		spy := &spyIndexer{}
		sum, err := Index(context.Background(), spy, a, []string{path}, IndexOptions{Version: "v", BatchSize: tc.size, BatchChars: tc.chars})
		if err != nil || sum.Documents != 6 {
			t.Fatalf("%+v: %+v %v", tc, sum, err)
		}
		if !slices.Equal(spy.writes, tc.want) {
			t.Errorf("BatchSize %d, BatchChars %d: writes of %v documents, want %v", tc.size, tc.chars, spy.writes, tc.want)
		}
	}
}
