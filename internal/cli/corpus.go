package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/reports"
)

// corpusOptions are the flags of report, kwic and trends.
type corpusOptions struct {
	analyzeOptions
	by      string
	terms   []string
	title   string
	context int
	chart   string
	uiLang  string
}

func newReportCmd(s Streams) *cobra.Command {
	o := &corpusOptions{}
	cmd := &cobra.Command{
		Use:   "report [flags] PATH...",
		Short: "Write an analyst report (Markdown or self-contained HTML)",
		Long: `Report writes an analyst report. For one document: header, summary figures,
keywords, officials and organizations, laws cited, targets, and the
directives grouped by issuer and force, each linked to its paragraph. For
several documents or a corpus: per-document summaries, a directive matrix
(which directive appears where), the timeline of chosen terms by year or
month, and the comparison of the last two periods. The HTML file needs no
network: inline CSS, charts as inline SVG, sortable tables.`,
		Example: `  policylens report --format html -o seed.html testdata/docs/seed.md
  policylens report --format html --terms 安全生产,高质量发展 -o gwr.html ../shared/corpus/gwr/government_work_reports.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runReport(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	addOutputFlags(cmd, &o.analyzeOptions, "html", "html", "markdown")
	f.StringVar(&o.by, "by", "year", "period of the timeline and of the comparison: year or month")
	f.StringSliceVar(&o.terms, "terms", nil, "terms of the timeline (default: the corpus's top keywords)")
	f.StringVar(&o.title, "title", "", "report title (default: the document's title, or \"policylens report\")")
	f.StringVar(&o.uiLang, "ui-lang", "", "language of the report page (<html lang>): zh or en (default: the language of most documents); the labels are English for now")
	return cmd
}

func runReport(ctx context.Context, s Streams, o *corpusOptions, args []string) error {
	if err := o.checkFormat(); err != nil {
		return err
	}
	if err := oneOf("--by", o.by, "year", "month"); err != nil {
		return err
	}
	if o.uiLang != "" {
		if err := oneOf("--ui-lang", o.uiLang, "zh", "en"); err != nil {
			return err
		}
	}
	o.keywords = 10
	a, err := o.analyzer(s.Err)
	if err != nil {
		return err
	}
	docs, failed, err := analyzeAll(ctx, s, &o.analyzeOptions, a, args)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return failedError{max(failed, 1)}
	}
	rep := &reports.Report{Title: o.title, Docs: docs, UILang: o.uiLang}
	if len(docs) == 1 {
		if rep.Title == "" {
			rep.Title = titleOrID(docs[0].Document)
		}
	} else if err := o.corpusSections(s, a, rep); err != nil {
		return err
	}
	err = withOutput(s.Out, o.output, func(w io.Writer) error {
		if o.format == "markdown" {
			return reports.WriteMarkdown(w, rep)
		}
		return reports.WriteHTML(w, rep)
	})
	if err != nil {
		return err
	}
	return finish(failed)
}

// corpusSections fills the parts of a report on several documents: the
// timeline, the directive matrix over periods (or documents, when they
// fall in one period or have no dates) and the comparison of the last two.
func (o *corpusOptions) corpusSections(s Streams, a *analyze.Analyzer, rep *reports.Report) error {
	if rep.Title == "" {
		rep.Title = "policylens report"
	}
	docs := rep.Docs
	terms := o.terms
	if len(terms) == 0 {
		terms = topTerms(docs, 5)
	}
	rep.Timeline = compare.BuildTimeline(docs, terms, o.by)
	periods, err := periodsOf(s, docs, o.by, nil)
	if err != nil {
		return err
	}
	if len(periods) < 2 {
		periods = documentPeriods(docs)
	}
	done := phase(s.Err, o.quiet, "aligning directives")
	defer done()
	c := compare.NewComparer(compare.Options{Terms: a.Terms, IDF: a.IDF})
	rep.Matrix = c.Matrix(periods, 50)
	rep.Comparison = c.ComparePeriods(periods[len(periods)-2], periods[len(periods)-1])
	return nil
}

// documentPeriods makes each document a period of its own, by date.
func documentPeriods(docs []*analyze.Analysis) []compare.Period {
	sorted := append([]*analyze.Analysis(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Document.Date < sorted[j].Document.Date })
	out := make([]compare.Period, len(sorted))
	for i, d := range sorted {
		out[i] = compare.Single(d)
	}
	return out
}

func titleOrID(d analyze.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.ID
}

// topTerms are the terms with the highest summed keyword scores of a corpus.
func topTerms(docs []*analyze.Analysis, n int) []string {
	score := map[string]float64{}
	for _, d := range docs {
		for _, k := range d.Keywords {
			score[k.Term] += k.Score
		}
	}
	terms := make([]string, 0, len(score))
	for t := range score {
		terms = append(terms, t)
	}
	sort.Slice(terms, func(i, j int) bool {
		if score[terms[i]] != score[terms[j]] {
			return score[terms[i]] > score[terms[j]]
		}
		return terms[i] < terms[j]
	})
	return terms[:min(n, len(terms))]
}

// splitTermsAndPaths separates TERM... PATH...: an argument that exists on
// disk (or -) is a path, the others are terms.
func splitTermsAndPaths(args []string) (terms, paths []string) {
	for i, a := range args {
		if _, err := os.Stat(a); err == nil || a == "-" {
			paths = append(paths, a)
		} else if len(paths) == 0 && i < len(args)-1 { // the last argument is a path, missing or not
			terms = append(terms, a)
		} else {
			paths = append(paths, a) // a missing file after the paths: reported as such
		}
	}
	return terms, paths
}

func newKWICCmd(s Streams) *cobra.Command {
	o := &corpusOptions{}
	cmd := &cobra.Command{
		Use:   "kwic [flags] TERM PATH...",
		Short: "Keyword in context: every occurrence of a term with its context, aligned",
		Args:  cobra.MinimumNArgs(2),
		Example: `  policylens kwic 安全生产 testdata/docs
  policylens kwic --context 15 --format csv 新质生产力 ../shared/corpus/gwr/government_work_reports.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if err := o.checkFormat(); err != nil {
				return err
			}
			o.only = []string{"summary"} // no extractor is needed
			a, err := o.analyzer(s.Err)
			if err != nil {
				return err
			}
			docs, failed, err := analyzeAll(ctx, s, &o.analyzeOptions, a, args[1:])
			if err != nil {
				return err
			}
			hits := compare.KWIC(docs, args[0], o.context)
			err = withOutput(s.Out, o.output, func(w io.Writer) error {
				switch o.format {
				case "json":
					if hits == nil {
						hits = []analyze.Hit{}
					}
					return reports.WriteJSON(w, hits)
				case "csv":
					cw := o.csvWriter(w, 2)
					cw.Write([]string{"document", "date", "paragraph", "left", "term", "right"})
					for _, h := range hits {
						cw.Write([]string{h.Document, h.Date, strconv.Itoa(h.Paragraph), h.Left, h.Term, h.Right})
					}
					return cw.Flush()
				}
				return reports.WriteKWIC(w, hits)
			})
			if err != nil {
				return err
			}
			return finish(failed)
		},
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	addOutputFlags(cmd, &o.analyzeOptions, "table", "table", "json", "csv")
	f.IntVar(&o.context, "context", 20, "characters of context on each side")
	return cmd
}

func newTrendsCmd(s Streams) *cobra.Command {
	o := &corpusOptions{}
	cmd := &cobra.Command{
		Use:   "trends [flags] TERM... PATH...",
		Short: "Counts and rates per 10,000 characters of terms by year or month",
		Long: `Trends counts each term in the documents of each period (year or month, from
the documents' dates; undated documents are left out) and its rate per
10,000 characters. Arguments that exist on disk are paths, the ones before
them are terms.`,
		Example: `  policylens trends 安全生产 高质量发展 --by year --chart trend.svg ../shared/corpus/gwr/government_work_reports.jsonl`,
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if err := o.checkFormat(); err != nil {
				return err
			}
			if err := oneOf("--by", o.by, "year", "month"); err != nil {
				return err
			}
			terms, paths := splitTermsAndPaths(args)
			if len(terms) == 0 || len(paths) == 0 {
				return usagef("give at least one term and one existing path")
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
			err = withOutput(s.Out, o.output, func(w io.Writer) error {
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
			})
			if err != nil {
				return err
			}
			return finish(failed)
		},
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	addOutputFlags(cmd, &o.analyzeOptions, "table", "table", "json", "csv")
	f.StringVar(&o.by, "by", "year", "period: year or month")
	f.StringVar(&o.chart, "chart", "", "also write the timeline as an SVG chart to this file")
	f.IntVar(&o.width, "width", 0, "table width in columns (default: the terminal's, or 100)")
	return cmd
}
