// Command store measures search latency on a large store: it fills a
// store to -n documents with copies of its own documents (each copy a new
// id, with all its rows and full-text entries, so every table and index
// grows), then runs a fixed mix of queries and prints their latency
// percentiles as Markdown.
//
//	policylens index --db corpus.db ../shared/corpus ../shared/scale
//	cp corpus.db big.db
//	go run ./bench/store -dst big.db -n 100000
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/policylens/policylens/internal/store"
)

func main() {
	dst := flag.String("dst", "", "store to fill and query (a copy of one written by policylens index)")
	n := flag.Int("n", 100000, "documents the store should hold")
	runs := flag.Int("runs", 20, "runs of each query")
	flag.Parse()
	if err := run(context.Background(), *dst, *n, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "bench/store:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dst string, n, runs int) error {
	start := time.Now()
	out, err := store.Open(ctx, dst)
	if err != nil {
		return err
	}
	defer out.Close()
	// opening runs the migrations a store written by an older policylens lacks
	fmt.Fprintf(os.Stderr, "opened in %.1f s\n", time.Since(start).Seconds())
	if err := fill(ctx, out, n); err != nil {
		return err
	}
	st, err := out.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("store: %d documents, %d directives, %d entities\n\n", st.Documents, st.Directives, st.Entities)
	return measure(ctx, out, runs)
}

// fill makes dst a copy of the source store and replicates its documents
// until it holds at least n.
func fill(ctx context.Context, dst *store.SQLite, n int) error {
	have, err := dst.Stats(ctx)
	if err != nil || have.Documents >= n {
		return err
	}
	if have.Documents == 0 {
		return fmt.Errorf("the store is empty: copy one that policylens index wrote there first")
	}
	copies := (n+have.Documents-1)/have.Documents - 1
	start := time.Now()
	return dst.Replicate(ctx, copies, func(done int) {
		fmt.Fprintf(os.Stderr, "\rcopy %d of %d (%.0f s)", done, copies, time.Since(start).Seconds())
	})
}

// queries are what an analyst asks: words common and rare, filters alone
// and combined, every kind, a later page.
var queries = []store.Query{
	{Text: "电子烟"},
	{Text: "电子烟", Force: []string{"prohibit"}},
	{Text: "安全生产"},
	{Text: "安全生产", Kind: store.KindDirectives},
	{Text: "严禁", Kind: store.KindDirectives, From: "2020", To: "2025"},
	{Text: "高质量发展", Force: []string{"must", "prohibit"}},
	{Text: "artificial intelligence"},
	{Text: "shall", Kind: store.KindDirectives},
	{Issuer: "国务院办公厅", Addressee: "各省"},
	{Issuer: "国务院", From: "2020"},
	{Entity: "国务院安委办"},
	{HasDeadline: true, DeadlineBefore: "2026-12-31"},
	{Force: []string{"prohibit"}, From: "2021", To: "2021"},
	{Text: "国务院", Kind: store.KindEntities},
	{Text: "增长", Kind: store.KindTargets},
	{Text: "改革", Offset: 200},
}

func measure(ctx context.Context, st *store.SQLite, runs int) error {
	fmt.Println("| query | results | p50 ms | p95 ms | max ms |")
	fmt.Println("|---|---|---|---|---|")
	var all []time.Duration
	for _, q := range queries {
		var times []time.Duration
		total := 0
		for range runs {
			t := time.Now()
			p, err := st.Search(ctx, q)
			if err != nil {
				return fmt.Errorf("%+v: %w", q, err)
			}
			times = append(times, time.Since(t))
			total = p.Total
		}
		all = append(all, times...)
		p50, p95, hi := percentiles(times)
		fmt.Printf("| %s | %d | %.1f | %.1f | %.1f |\n", describe(q), total, p50, p95, hi)
	}
	p50, p95, hi := percentiles(all)
	fmt.Printf("| **all %d queries × %d runs** | | %.1f | %.1f | %.1f |\n", len(queries), runs, p50, p95, hi)
	return nil
}

func percentiles(ts []time.Duration) (p50, p95, hi float64) {
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return ms(ts[len(ts)/2]), ms(ts[(len(ts)*95+99)/100-1]), ms(ts[len(ts)-1])
}

func describe(q store.Query) string {
	var parts []string
	if q.Text != "" {
		parts = append(parts, "`"+q.Text+"`")
	}
	add := func(flag, v string) {
		if v != "" {
			parts = append(parts, flag+" "+v)
		}
	}
	add("--kind", q.Kind)
	add("--force", strings.Join(q.Force, ","))
	add("--issuer", q.Issuer)
	add("--addressee", q.Addressee)
	add("--entity", q.Entity)
	add("--from", q.From)
	add("--to", q.To)
	add("--deadline-before", q.DeadlineBefore)
	if q.HasDeadline {
		parts = append(parts, "--has-deadline")
	}
	if q.Offset > 0 {
		parts = append(parts, fmt.Sprintf("--offset %d", q.Offset))
	}
	return strings.Join(parts, " ")
}
