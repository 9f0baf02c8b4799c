package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/reports"
)

func newTrendsCmd(s Streams) *cobra.Command {
	o := &corpusOptions{}
	cmd := &cobra.Command{
		Use:   "trends [flags] TERM... PATH... | trends --terms A,B PATH...",
		Short: "Counts and rates per 10,000 characters of terms by year or month",
		Long: `Trends counts each term in the documents of each period (year or month, from
the documents' dates; undated documents are left out) and its rate per
10,000 characters. The terms are given with --terms A,B, and then every
argument is a path; or as the first arguments: those that exist on disk
are paths, the ones before them terms, and the last is always a path.`,
		Example: `  policylens samples samples
  policylens trends --terms 经济,发展 --by month samples/zh-news
  policylens trends 经济 发展 --by month --chart trend.svg samples/zh-news`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runTrends(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	addOutputFlags(cmd, &o.analyzeOptions, "table", "table", "json", "csv")
	f.StringVar(&o.by, "by", "year", "period: year or month")
	f.StringSliceVar(&o.terms, "terms", nil, "terms to count, comma-separated (then every argument is a path)")
	f.StringVar(&o.chart, "chart", "", "also write the timeline as an SVG chart to this file")
	f.IntVar(&o.width, "width", 0, "table width in columns (default: the terminal's, or 100)")
	return cmd
}

func runTrends(ctx context.Context, s Streams, o *corpusOptions, args []string) error {
	if err := o.checkFormat(); err != nil {
		return err
	}
	if err := oneOf("--by", o.by, "year", "month"); err != nil {
		return err
	}
	terms, paths := o.terms, args
	if len(terms) == 0 {
		terms, paths = splitTermsAndPaths(args)
	}
	if len(terms) == 0 || len(paths) == 0 {
		return usagef("give at least one term (TERM... or --terms A,B) and one existing path")
	}
	o.only = []string{"summary"}
	a, err := o.analyzer(s.Err)
	if err != nil {
		return err
	}
	docs, failed, err := analyzeAll(ctx, s, &o.analyzeOptions, a, paths)
	if err != nil {
		return err
	}
	tl := compare.BuildTimeline(docs, terms, o.by)
	if o.chart != "" {
		if err := withOutput(s.Out, o.chart, func(w io.Writer) error {
			_, err := io.WriteString(w, reports.TimelineSVG(tl, 860, 360))
			return err
		}); err != nil {
			return err
		}
	}
	if err := withOutput(s.Out, o.output, func(w io.Writer) error { return o.writeTrends(w, tl) }); err != nil {
		return err
	}
	return finish(failed)
}

func (o *corpusOptions) writeTrends(w io.Writer, tl *analyze.Timeline) error {
	switch o.format {
	case "json":
		return reports.WriteJSON(w, tl)
	case "csv":
		cw := o.csvWriter(w, 1, 2, 4, 5)
		cw.Write([]string{o.by, "documents", "chars", "term", "count", "per_10k_chars"})
		for k, p := range tl.Periods {
			for i, t := range tl.Terms {
				cw.Write([]string{p, strconv.Itoa(tl.Docs[k]), strconv.Itoa(tl.Chars[k]), t, strconv.Itoa(tl.Counts[i][k]), strconv.FormatFloat(tl.Rates[i][k], 'f', 2, 64)})
			}
		}
		return cw.Flush()
	}
	header := []string{o.by, "docs"}
	for _, t := range tl.Terms {
		header = append(header, t+" (n, /10k)")
	}
	var rows [][]string
	for k, p := range tl.Periods {
		row := []string{p, strconv.Itoa(tl.Docs[k])}
		for i := range tl.Terms {
			row = append(row, fmt.Sprintf("%d, %.2f", tl.Counts[i][k], tl.Rates[i][k]))
		}
		rows = append(rows, row)
	}
	width := o.width
	if width == 0 {
		width = terminalWidth(w)
	}
	return reports.Table(w, "Trends by "+o.by+": "+strings.Join(tl.Terms, ", "), header, rows, nil, width)
}
