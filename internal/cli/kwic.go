package cli

import (
	"context"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/reports"
)

func newKWICCmd(s Streams) *cobra.Command {
	o := &corpusOptions{}
	cmd := &cobra.Command{
		Use:   "kwic [flags] TERM PATH... | kwic --terms A,B PATH...",
		Short: "Keyword in context: every occurrence of a term with its context, aligned",
		Long: `Kwic lists every occurrence of a term with the characters around it, the
terms in one column. The term is the first argument, or, with --terms, a
comma-separated list of terms and every argument is a path.`,
		Args: cobra.MinimumNArgs(1),
		Example: `  policylens samples samples
  policylens kwic 货币政策 samples/zh-news
  policylens kwic --terms 货币政策,人民银行 --width 100 samples
  policylens kwic --context 15 --format csv 无废城市 samples/zh-news`,
		RunE: func(cmd *cobra.Command, args []string) error { return runKWIC(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	addOutputFlags(cmd, &o.analyzeOptions, "table", "table", "json", "csv")
	f.IntVar(&o.context, "context", 20, "characters of context on each side")
	f.StringSliceVar(&o.terms, "terms", nil, "terms to look for, comma-separated (then every argument is a path)")
	f.IntVar(&o.width, "width", 0, "table: line width in columns, contexts cut to fit (default: the terminal's; none when piped)")
	return cmd
}

func runKWIC(ctx context.Context, s Streams, o *corpusOptions, args []string) error {
	if err := o.checkFormat(); err != nil {
		return err
	}
	terms, paths := o.terms, args
	if len(terms) == 0 && len(args) > 0 {
		terms, paths = args[:1], args[1:]
	}
	_, fromStore := ctx.Value(storeSourceKey{}).(*storeSource) // --db: no paths needed
	if len(terms) == 0 || len(paths) == 0 && !fromStore {
		return usagef("give a term and at least one path, or --terms A,B and a path")
	}
	o.only = []string{"summary"} // no extractor is needed
	a, err := o.analyzer(s.Err)
	if err != nil {
		return err
	}
	docs, failed, err := analyzeAll(ctx, s, &o.analyzeOptions, a, paths)
	if err != nil {
		return err
	}
	hits := kwicHits(docs, terms, o.context)
	err = withOutput(s.Out, o.output, func(w io.Writer) error { return o.writeKWIC(w, hits) })
	if err != nil {
		return err
	}
	return finish(failed)
}

// kwicHits are the occurrences of all terms, in document and paragraph
// order, so that the hits of several terms in one paragraph read together.
func kwicHits(docs []*analyze.Analysis, terms []string, context int) []analyze.Hit {
	hits := []analyze.Hit{}
	for _, d := range docs {
		var own []analyze.Hit
		for _, t := range terms {
			own = append(own, compare.KWIC([]*analyze.Analysis{d}, t, context)...)
		}
		sort.SliceStable(own, func(i, j int) bool { return own[i].Paragraph < own[j].Paragraph })
		hits = append(hits, own...)
	}
	return hits
}

func (o *corpusOptions) writeKWIC(w io.Writer, hits []analyze.Hit) error {
	switch o.format {
	case "json":
		return reports.WriteJSON(w, hits)
	case "csv":
		cw := o.csvWriter(w, 2)
		cw.Write([]string{"document", "date", "paragraph", "left", "term", "right"})
		for _, h := range hits {
			cw.Write([]string{h.Document, h.Date, strconv.Itoa(h.Paragraph), h.Left, h.Term, h.Right})
		}
		return cw.Flush()
	}
	width := o.width
	if width == 0 {
		width = terminalWidth(w)
	}
	return reports.WriteKWIC(w, fitKWIC(hits, width))
}

// fitKWIC cuts the contexts of hits so that each table line fits width
// display columns (0: no limit): the left context loses its start, the
// right one its end, so the words next to the term stay. The document
// label and the term are never cut.
func fitKWIC(hits []analyze.Hit, width int) []analyze.Hit {
	if width <= 0 {
		return hits
	}
	cond := &runewidth.Condition{EastAsianWidth: false} // as reports.WriteKWIC measures
	labelW, termW := 0, 0
	for _, h := range hits {
		labelW = max(labelW, cond.StringWidth(h.Document+" "+h.Date))
		termW = max(termW, cond.StringWidth(h.Term))
	}
	// label, two spaces, left, " 【", term, "】 ", right
	room := max(width-labelW-2-termW-6, 2)
	leftRoom := room / 2
	out := make([]analyze.Hit, len(hits))
	for i, h := range hits {
		h.Left = strings.ReplaceAll(h.Left, "\n", " ")
		h.Right = strings.ReplaceAll(h.Right, "\n", " ")
		h.Left = keepEnd(cond, h.Left, leftRoom)
		h.Right = cond.Truncate(h.Right, room-leftRoom+termW-cond.StringWidth(h.Term), "")
		out[i] = h
	}
	return out
}

// keepEnd is the longest end of s at most w display columns wide.
func keepEnd(cond *runewidth.Condition, s string, w int) string {
	r := []rune(s)
	for i, cols := len(r)-1, 0; i >= 0; i-- {
		cols += cond.RuneWidth(r[i])
		if cols > w {
			return string(r[i+1:])
		}
	}
	return s
}
