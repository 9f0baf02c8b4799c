package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/reports"
)

// keywordsOptions are the flags of `policylens keywords`.
type keywordsOptions struct {
	analyzeOptions
	by  string
	top int
}

func newKeywordsCmd(s Streams) *cobra.Command {
	o := &keywordsOptions{}
	cmd := &cobra.Command{
		Use:   "keywords [flags] PATH...",
		Short: "Top keywords per year, month or file, side by side",
		Long: `Keywords ranks the key terms of a corpus by group: each document's
keywords (TF-IDF with the policy IDF, combined with TextRank) are averaged
over the documents of its group, so an analyst sees how the vocabulary moves,
for instance across the government work reports by year. A JSONL file that
analyze -f jsonl wrote is read instead of analyzed again; its documents
bring the keywords they were stored with (analyze --keywords, 15 by default).`,
		Example: `  policylens samples samples   # writes the documents the examples use
  policylens keywords --by month samples/zh-news
  policylens keywords --by file --format csv samples`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("top") {
				fmt.Fprintln(s.Err, "policylens: note: --top is now --keywords, as in analyze")
			}
			return runKeywords(cmd.Context(), s, o, args)
		},
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	f.StringVar(&o.by, "by", "year", "group documents by year, month or file")
	setValues(f, "by", "year", "month", "file")
	f.IntVar(&o.top, "keywords", 10, "keywords per group (the flag analyze has for keywords per document)")
	f.IntVar(&o.top, "top", 10, "terms per group")
	_ = f.MarkHidden("top") // the old name still works; cobra's deprecation notice would go to stdout
	addOutputFlags(cmd, &o.analyzeOptions, "table", "table", "json", "csv")
	f.IntVar(&o.width, "width", 0, "table width in columns (default: the terminal's, or 100)")
	return cmd
}

// group is the keyword ranking of one group of documents.
type group struct {
	Name      string            `json:"group"`
	Documents int               `json:"documents"`
	Keywords  []analyze.Keyword `json:"keywords"`
	scores    map[string]float64
	counts    map[string]int
}

func runKeywords(ctx context.Context, s Streams, o *keywordsOptions, args []string) error {
	if o.by != "year" && o.by != "month" && o.by != "file" {
		return usagef("--by %q: want year, month or file", o.by)
	}
	if err := o.checkFormat(); err != nil {
		return err
	}
	if o.top < 1 {
		return usagef("--keywords must be at least 1")
	}
	o.keywords = max(o.top*5, 50) // rank within each document deeper than what is shown
	o.only = []string{"keywords"}
	a, err := o.analyzer(s.Err)
	if err != nil {
		return err
	}
	inputs, skipped, errs := analyze.Inputs(args)
	failed := reportInputs(s.Err, o.format, errs)
	groups := map[string]*group{}
	add := func(an *analyze.Analysis) {
		key := groupKey(an.Document, o.by)
		g := groups[key]
		if g == nil {
			g = &group{Name: key, scores: map[string]float64{}, counts: map[string]int{}}
			groups[key] = g
		}
		g.Documents++
		for _, k := range an.Keywords {
			g.scores[k.Term] += k.Score
			g.counts[k.Term] += k.Count
		}
	}
	fresh, bad := addStored(s, o.format, inputs, add)
	failed += bad
	err = a.Batch(ctx, fresh, s.In, func(r analyze.Result) error {
		ok, bad := reportResult(s.Err, o.format, r)
		if bad {
			failed++
		}
		if ok {
			add(r.Analysis)
		}
		return nil
	})
	if err != nil {
		return err
	}
	reportSkipped(s.Err, &o.analyzeOptions, args, inputs, errs, skipped)
	list := make([]*group, 0, len(groups))
	for _, g := range groups {
		g.Keywords = rankGroup(g, o.top)
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	err = withOutput(s.Out, o.output, func(w io.Writer) error { return writeGroups(w, o, list) })
	if err != nil {
		return err
	}
	return finish(failed)
}

// addStored reads the JSONL files that `analyze -f jsonl` wrote, so that
// a corpus is analyzed once (their documents keep the keywords they were
// stored with), and returns the other inputs, to be analyzed, and how many
// files failed.
func addStored(s Streams, format string, inputs []analyze.Input, add func(*analyze.Analysis)) ([]analyze.Input, int) {
	var fresh []analyze.Input
	failed := 0
	for _, in := range inputs {
		if !isStoredAnalyses(in.Path) {
			fresh = append(fresh, in)
			continue
		}
		docs, err := readAnalyses(in.Path)
		if err != nil {
			failed++
			reportInput(s.Err, format, in.Path, err)
			continue
		}
		for _, an := range docs {
			add(an)
		}
	}
	return fresh, failed
}

func groupKey(d analyze.Document, by string) string {
	switch {
	case by == "file":
		return d.ID
	case len(d.Date) >= 7 && by == "month":
		return d.Date[:7]
	case len(d.Date) >= 4 && by == "year":
		return d.Date[:4]
	}
	return "(no date)"
}

// rankGroup averages the documents' scores and keeps the best terms.
func rankGroup(g *group, top int) []analyze.Keyword {
	avg := make(map[string]float64, len(g.scores))
	for t, sc := range g.scores {
		avg[t] = sc / float64(g.Documents)
	}
	return analyze.TopKeywords(avg, g.counts, top)
}

func writeGroups(w io.Writer, o *keywordsOptions, list []*group) error {
	switch o.format {
	case "json":
		return reports.WriteJSON(w, list)
	case "csv":
		cw := o.csvWriter(w, 1, 2, 4, 5)
		cw.Write([]string{"group", "documents", "rank", "term", "score", "count"})
		for _, g := range list {
			for i, k := range g.Keywords {
				cw.Write([]string{g.Name, strconv.Itoa(g.Documents), strconv.Itoa(i + 1), k.Term, strconv.FormatFloat(k.Score, 'f', 3, 64), strconv.Itoa(k.Count)})
			}
		}
		return cw.Flush()
	}
	rows := make([][]string, 0, len(list))
	for _, g := range list {
		terms := make([]string, len(g.Keywords))
		for i, k := range g.Keywords {
			terms[i] = k.Term
		}
		rows = append(rows, []string{g.Name, strconv.Itoa(g.Documents), strings.Join(terms, " · ")})
	}
	width := o.width
	if width == 0 {
		width = terminalWidth(w)
	}
	return reports.Table(w, fmt.Sprintf("Keywords by %s", o.by), []string{o.by, "docs", "top terms"}, rows, []int{2}, width)
}
