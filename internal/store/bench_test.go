package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// BenchmarkSearch runs the query mix of bench/store on the test documents
// copied 20 times (126 documents): what a change to the plans costs,
// without the 100,000-document store bench/STORE.md measures.
func BenchmarkSearch(b *testing.B) {
	st, _, _ := newIndexed(b)
	if err := st.Replicate(context.Background(), 20, nil); err != nil {
		b.Fatal(err)
	}
	qs := []Query{
		{Text: "电子烟"},
		{Text: "安全生产", Kind: KindDirectives},
		{Text: "shall", Kind: KindDirectives},
		{Issuer: "国务院", From: "2020"},
		{Entity: "国务院安委办"},
		{HasDeadline: true, DeadlineBefore: "2026-12-31"},
		{Text: "国务院", Kind: KindEntities},
		{Text: "增长", Kind: KindTargets},
		{Text: "安全", Offset: 40},
	}
	for _, q := range qs {
		b.Run(describe(q), func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Search(context.Background(), q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWrite stores the test documents' analyses (with explanations,
// as index makes them), 8 to a transaction, under new ids each time: the
// store's share of a fresh index, without the analysis.
func BenchmarkWrite(b *testing.B) {
	ctx := context.Background()
	a, err := analyze.New(analyze.WithJobs(1), analyze.WithExplain(true), analyze.WithKeywords(10))
	if err != nil {
		b.Fatal(err)
	}
	var docs []Doc
	inputs, _, _ := analyze.Inputs([]string{"testdata/docs"})
	err = a.Batch(ctx, inputs, nil, func(r analyze.Result) error {
		if r.Err == nil {
			docs = append(docs, Doc{Input: "testdata/docs", Version: "v1", Analysis: r.Analysis})
		}
		return nil
	})
	if err != nil || len(docs) == 0 {
		b.Fatalf("%d documents: %v", len(docs), err)
	}
	st, err := OpenForIndex(ctx, filepath.Join(b.TempDir(), "s.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	n := 0
	for b.Loop() {
		n++
		for _, d := range docs {
			d.Analysis.Document.ID = fmt.Sprintf("%s#%d", d.Analysis.Document.Path, n)
		}
		for i := 0; i < len(docs); i += 8 {
			if err := st.Write(ctx, docs[i:min(i+8, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs)), "docs/op")
}
