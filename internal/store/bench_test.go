package store

import (
	"context"
	"testing"
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
