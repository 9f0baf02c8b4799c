package analyze

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// Analyzers over the built-in lexicons share the compiled dictionaries and
// rules: each copy cost ~70 MB.
func TestAnalyzersShareCompiledData(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(WithKeywords(3))
	if err != nil {
		t.Fatal(err)
	}
	if a.seg != b.seg || a.rules != b.rules {
		t.Fatal("two Analyzers over the built-in lexicons built their own segmenter and rules")
	}
	c, err := New(WithEnglishTagging(true))
	if err != nil {
		t.Fatal(err)
	}
	if c.seg == a.seg {
		t.Fatal("an Analyzer that tags English shares the segmenter that does not")
	}
}

// A deadline stops the analysis of one long document inside its stages,
// not only between documents.
func TestAnalyzeStopsInsideDocument(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	para := "会议要求，各地区要严格落实安全生产责任，严禁违规生产，年底前完成隐患排查。\n"
	data := []byte(strings.Repeat(para, 40000)) // 3.5 MB, some seconds of work
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := a.Analyze(ctx, Source{Name: "long.txt", Data: data})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("got %v, want the deadline's error", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Analyze ignored its deadline")
	}
}
