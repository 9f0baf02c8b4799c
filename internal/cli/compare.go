package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/reports"
)

// compareOptions are the flags of `policylens compare`.
type compareOptions struct {
	analyzeOptions
	by       string
	pick     []string
	minScore float64
	showKept bool
}

func newCompareCmd(s Streams) *cobra.Command {
	o := &compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare [flags] A B [C...]",
		Short: "Compare the directives of documents: new, kept, reworded, strengthened, weakened, dropped",
		Long: `Compare aligns the directives of each document with those of the one before
it (A with B, B with C, …) by content (IDF-weighted words and the longest
common subsequence of the clauses), one to one, and gives each a status:
kept, reworded, strengthened (force up: should → must), weakened, new or
dropped, flagging changed deadlines and addressees. It also compares
targets (a value moving from 7.5% to 7%), keywords (keyness by
log-likelihood), entities and new policy formulas.

With --by year or month the documents (or JSONL records) are grouped by
period and each period is compared with the one before; --pick keeps only
the named periods.`,
		Example: `  policylens samples samples
  policylens compare samples/zh-news/20210322-34144368554.md samples/zh-news/20211217-13091315907.md
  policylens compare --by month --pick 2021-07,2021-12 samples/zh-news
  policylens compare --by month --format csv -o changes.csv samples/zh-news`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runCompare(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, &o.analyzeOptions)
	f := cmd.Flags()
	addOutputFlags(cmd, &o.analyzeOptions, "table", "table", "json", "markdown", "csv")
	f.StringVar(&o.by, "by", "", "compare periods: year or month (default: the documents in the order given)")
	f.StringSliceVar(&o.pick, "pick", nil, "keep only these periods (implies --by year when --by is not set)")
	f.Float64Var(&o.minScore, "min-score", compare.DefaultMinScore, "two directives are one only above this similarity (0 to 1)")
	f.BoolVar(&o.showKept, "show-kept", false, "list kept directives too (tables and Markdown)")
	f.IntVar(&o.width, "width", 0, "table width in columns (default: the terminal's, or 100)")
	return cmd
}

func runCompare(ctx context.Context, s Streams, o *compareOptions, args []string) error {
	if err := o.checkFormat(); err != nil {
		return err
	}
	if len(o.pick) > 0 && o.by == "" {
		o.by = "year"
	}
	if o.by != "" && o.by != "year" && o.by != "month" {
		return usagef("--by %q: want year or month", o.by)
	}
	if len(o.pick) > 0 && !slices.Contains(args, "-") {
		if err := checkPick(ctx, s, o.analyzeOptions, o.by, o.pick, args); err != nil {
			return err
		}
	}
	// keyness counts the paragraphs' content words: the documents' own
	// keywords are never shown, so they are not ranked (7% of the CPU)
	o.keywords = 0
	a, err := o.analyzer(s.Err, analyze.WithParagraphTerms())
	if err != nil {
		return err
	}
	docs, failed, err := analyzeAll(ctx, s, &o.analyzeOptions, a, args)
	if err != nil {
		return err
	}
	periods, err := o.periods(s, docs)
	if err != nil {
		return err
	}
	if len(periods) < 2 {
		return usagef("compare needs at least two documents (or periods); got %d", len(periods))
	}
	done := phase(s.Err, o.quiet, "comparing")
	c := compare.NewComparer(compare.Options{Terms: a.Terms, IDF: a.IDF, MinScore: o.minScore})
	err = withOutput(s.Out, o.output, func(w io.Writer) error {
		return o.writeAll(w, len(periods)-1, func(i int) *compare.Result {
			return c.ComparePeriods(periods[i], periods[i+1])
		})
	})
	done()
	if err != nil {
		return err
	}
	return finish(failed)
}

// periods are the documents in the order given, or grouped by --by.
func (o *compareOptions) periods(s Streams, docs []*analyze.Analysis) ([]compare.Period, error) {
	if o.by == "" {
		out := make([]compare.Period, len(docs))
		for i, d := range docs {
			out[i] = compare.Single(d)
		}
		return out, nil
	}
	periods, err := periodsOf(s, docs, o.by, o.pick)
	if err != nil {
		return nil, usagef("--pick: %v", err)
	}
	return periods, nil
}

// writeAll writes the n comparisons that next computes, each as soon as
// it is made: a corpus's results are never all in memory.
func (o *compareOptions) writeAll(w io.Writer, n int, next func(int) *compare.Result) error {
	if o.format == "json" && n == 1 {
		return reports.WriteJSON(w, next(0))
	}
	if o.format == "csv" {
		return o.writeCSV(w, n, next)
	}
	var arr *reports.JSONArray
	if o.format == "json" {
		arr = reports.NewJSONArray(w)
	}
	for i := 0; i < n; i++ {
		if err := o.write(w, arr, next(i)); err != nil {
			return err
		}
	}
	if arr != nil {
		return arr.Close()
	}
	return nil
}

// write writes one comparison in the chosen format.
func (o *compareOptions) write(w io.Writer, arr *reports.JSONArray, r *compare.Result) error {
	switch o.format {
	case "json":
		return arr.Add(r)
	case "markdown":
		writeCompareMarkdown(w, r, o.showKept)
		return nil
	}
	width := o.width
	if width == 0 {
		width = terminalWidth(w)
	}
	return writeCompareTable(w, r, width, o.showKept)
}

// compareCSVHeader are the columns of compare -f csv: one row per
// directive change, kept ones included, so that a spreadsheet filters by
// status.
var compareCSVHeader = []string{"from", "to", "status", "score", "force_change", "deadline_changed", "addressees_changed",
	"a_document", "a_paragraph", "a_force", "a_deadline", "a_text", "b_document", "b_paragraph", "b_force", "b_deadline", "b_text"}

// writeCSV writes the directive changes of the n comparisons as CSV, with
// the injection escaping, --csv-raw and --bom of the other CSV writers.
func (o *compareOptions) writeCSV(w io.Writer, n int, next func(int) *compare.Result) error {
	cw := o.csvWriter(w, 3, 8, 13)
	if err := cw.Write(compareCSVHeader); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		r := next(i)
		for _, d := range r.Directives {
			row := append([]string{refLabel(r.A), refLabel(r.B), d.Status, strconv.FormatFloat(d.Score, 'f', 2, 64), d.ForceChange,
				strconv.FormatBool(d.DeadlineChanged), strconv.FormatBool(d.AddresseesChanged)},
				append(directiveCells(d.A, d.ADocument, r.A.ID), directiveCells(d.B, d.BDocument, r.B.ID)...)...)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		if err := cw.Flush(); err != nil { // a corpus's rows go out comparison by comparison
			return err
		}
	}
	return cw.Flush()
}

// refLabel names a compared side in CSV: its period, else its document id.
func refLabel(r compare.DocRef) string {
	if r.Period != "" {
		return r.Period
	}
	return r.ID
}

// directiveCells are the document, paragraph, force, deadline and text of
// one side of a change; empty cells when the side has no directive.
func directiveCells(d *analyze.Directive, doc, fallback string) []string {
	if d == nil {
		return []string{"", "", "", "", ""}
	}
	if doc == "" {
		doc = fallback
	}
	return []string{doc, strconv.Itoa(d.Paragraph), d.Force, d.Deadline, d.Text}
}

func docLabel(r compare.DocRef) string {
	label := r.Title
	if label == "" {
		label = r.ID
	}
	if len(r.Date) >= 10 {
		label += " (" + r.Date[:10] + ")"
	}
	return label
}

func writeCompareTable(w io.Writer, r *compare.Result, width int, showKept bool) error {
	fmt.Fprintf(w, "== %s\n → %s\n", reports.Printable(docLabel(r.A)), reports.Printable(docLabel(r.B)))
	var parts []string
	for _, st := range compare.Statuses {
		parts = append(parts, fmt.Sprintf("%s %d", st, r.Summary[st]))
	}
	fmt.Fprintln(w, strings.Join(parts, " · "))
	for _, st := range compare.Statuses {
		if st == compare.Kept && !showKept || r.Summary[st] == 0 {
			continue
		}
		var rows [][]string
		for _, d := range r.Directives {
			if d.Status != st {
				continue
			}
			before, after, force := "", "", ""
			if d.A != nil {
				before, force = reports.DirectiveCell(d.A), d.A.Force
			}
			if d.B != nil {
				after, force = reports.DirectiveCell(d.B), d.B.Force
			}
			if d.ForceChange != "" {
				force = d.ForceChange
			}
			note := changeNote(d)
			rows = append(rows, []string{force, before, after, note})
		}
		if err := reports.Table(w, fmt.Sprintf("%s (%d)", st, len(rows)), []string{"force", "before", "after", "note"}, rows, []int{1, 2}, width); err != nil {
			return err
		}
	}
	if len(r.Targets) > 0 {
		var rows [][]string
		for _, t := range r.Targets {
			rows = append(rows, []string{t.Status, t.Indicator, targetValue(t.A), targetValue(t.B)})
		}
		if err := reports.Table(w, "Targets", []string{"status", "indicator", "before", "after"}, rows, []int{1}, width); err != nil {
			return err
		}
	}
	var rows [][]string
	for i := 0; i < max(len(r.Keywords.Over), len(r.Keywords.Under)); i++ {
		row := []string{"", "", ""}
		if i < len(r.Keywords.Over) {
			k := r.Keywords.Over[i]
			row[0] = keyTermLabel(k)
		}
		if i < len(r.Keywords.Under) {
			k := r.Keywords.Under[i]
			row[1] = keyTermLabel(k)
		}
		rows = append(rows, row[:2])
	}
	if len(rows) == 0 {
		fmt.Fprintf(w, "\nKeywords: no significant shift (log-likelihood G² ≥ %.2f)\n", compare.MinG2)
	} else {
		if err := reports.Table(w, "Keywords (log-likelihood G² ≥ 6.63; count and rate per 10k words)", []string{"more in the later", "less in the later"}, rows, []int{0, 1}, width); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nEntities: %d added, %d removed", len(r.Entities.Added), len(r.Entities.Removed))
	if len(r.NewTerms) > 0 {
		fmt.Fprintf(w, "; new formulas: %s", reports.Printable(strings.Join(r.NewTerms, "、")))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	return nil
}

// keyTermLabel shows a key term with its counts and rates: 法规 (0→4, 0→12.5/10k).
func keyTermLabel(k compare.KeyTerm) string {
	r := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	return fmt.Sprintf("%s (%d→%d, %s→%s/10k)", k.Term, k.A, k.B, r(k.RateA), r(k.RateB))
}

func changeNote(d compare.DirectiveChange) string {
	var notes []string
	if d.A != nil && d.B != nil {
		notes = append(notes, "score "+strconv.FormatFloat(d.Score, 'f', 2, 64))
		if d.DeadlineChanged {
			notes = append(notes, fmt.Sprintf("deadline %q → %q", d.A.Deadline, d.B.Deadline))
		}
		if d.AddresseesChanged {
			notes = append(notes, "addressees changed")
		}
	}
	return strings.Join(notes, "; ")
}

func targetValue(t *analyze.Target) string {
	if t == nil {
		return ""
	}
	return strings.TrimSpace(t.Value + t.Unit + " " + t.Qualifier)
}

func writeCompareMarkdown(w io.Writer, r *compare.Result, showKept bool) {
	fmt.Fprintf(w, "# %s → %s\n\n", mdEscape(docLabel(r.A)), mdEscape(docLabel(r.B)))
	fmt.Fprintf(w, "| status | directives |\n|---|---|\n")
	for _, st := range compare.Statuses {
		fmt.Fprintf(w, "| %s | %d |\n", st, r.Summary[st])
	}
	for _, st := range compare.Statuses {
		if st == compare.Kept && !showKept || r.Summary[st] == 0 {
			continue
		}
		fmt.Fprintf(w, "\n## %s\n\n", strings.ToUpper(st[:1])+st[1:])
		for _, d := range r.Directives {
			if d.Status != st {
				continue
			}
			switch {
			case d.A != nil && d.B != nil:
				fmt.Fprintf(w, "- %s → %s", mdEscape(d.A.Text), mdEscape(d.B.Text))
			case d.A != nil:
				fmt.Fprintf(w, "- %s", mdEscape(d.A.Text))
			default:
				fmt.Fprintf(w, "- %s", mdEscape(d.B.Text))
			}
			if d.ForceChange != "" {
				fmt.Fprintf(w, " (%s)", d.ForceChange)
			}
			if n := changeNote(d); n != "" && d.Status != compare.Kept {
				fmt.Fprintf(w, " — %s", n)
			}
			fmt.Fprintln(w)
		}
	}
	if len(r.Targets) > 0 {
		fmt.Fprintf(w, "\n## Targets\n\n| status | indicator | before | after |\n|---|---|---|---|\n")
		for _, t := range r.Targets {
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", t.Status, mdEscape(t.Indicator), mdEscape(targetValue(t.A)), mdEscape(targetValue(t.B)))
		}
	}
	if len(r.Keywords.Over)+len(r.Keywords.Under) == 0 {
		fmt.Fprintf(w, "\n## Keywords\n\nNo significant shift (log-likelihood G² ≥ %.2f).\n", compare.MinG2)
	} else {
		writeKeynessMarkdown(w, r.Keywords)
	}
	fmt.Fprintf(w, "\nEntities: %d added, %d removed.", len(r.Entities.Added), len(r.Entities.Removed))
	if len(r.NewTerms) > 0 {
		fmt.Fprintf(w, " New formulas: %s.", mdEscape(strings.Join(r.NewTerms, "、")))
	}
	fmt.Fprintf(w, "\n\n")
}

func writeKeynessMarkdown(w io.Writer, k compare.Keyness) {
	fmt.Fprintf(w, "\n## Keywords\n\nSignificant shifts only (log-likelihood G² ≥ %.2f); count and rate per 10,000 words.\n\n| more in the later | less in the later |\n|---|---|\n", compare.MinG2)
	for i := 0; i < max(len(k.Over), len(k.Under)); i++ {
		cells := []string{"", ""}
		if i < len(k.Over) {
			cells[0] = keyTermLabel(k.Over[i])
		}
		if i < len(k.Under) {
			cells[1] = keyTermLabel(k.Under[i])
		}
		fmt.Fprintf(w, "| %s | %s |\n", mdEscape(cells[0]), mdEscape(cells[1]))
	}
}

// mdEscape keeps document text from being read as Markdown or HTML; line
// breaks (LF and CR) become spaces so that a table row stays one row.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "\r", " ", "\n", " ").Replace(s)
}
