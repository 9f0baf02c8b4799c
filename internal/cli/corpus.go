package cli

import (
	"context"
	"io"
	"math"
	"os"
	"sort"
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
		Example: `  policylens samples samples
  policylens report --format html -o law.html "samples/zh-docs/中国人民银行法(2003-12-27).md"
  policylens report --format html --by month --terms 经济,发展 -o news.html samples/zh-news`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runReport(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	addOutputFlags(cmd, &o.analyzeOptions, "html", "html", "markdown")
	f.StringVar(&o.by, "by", "year", "period of the timeline and of the comparison: year or month")
	f.StringSliceVar(&o.terms, "terms", nil, "terms of the timeline (default: the corpus's top keywords, leaving out words in half the titles or more)")
	f.StringVar(&o.title, "title", "", "report title (default: the document's title, or \"policylens report\")")
	f.StringVar(&o.uiLang, "ui-lang", "", "language of the report page (<html lang>): zh or en (default: the language of most documents); the labels follow it")
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
	a, err := o.analyzer(s.Err, analyze.WithParagraphTerms())
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

// topTerms are the terms with the highest summed keyword scores of a
// corpus, leaving out its own boilerplate: a term in the titles of half
// the documents or more (政府工作报告 in a corpus of work reports) says what
// the corpus is, not what changes in it.
func topTerms(docs []*analyze.Analysis, n int) []string {
	score := map[string]float64{}
	for _, d := range docs {
		for _, k := range d.Keywords {
			if _, seen := score[k.Term]; !seen && inTitles(docs, k.Term) {
				score[k.Term] = math.Inf(-1)
			}
			score[k.Term] += k.Score
		}
	}
	for t, v := range score {
		if math.IsInf(v, -1) {
			delete(score, t)
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

// inTitles reports whether term is in the titles of half the documents
// or more (at least two).
func inTitles(docs []*analyze.Analysis, term string) bool {
	n := 0
	for _, d := range docs {
		if strings.Contains(d.Document.Title, term) {
			n++
		}
	}
	return n >= 2 && 2*n >= len(docs)
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
