package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/policylens/policylens/analyze"
)

// tableReporter prints each analysis as titled sections of tables, sized
// to the terminal width, with East Asian widths for Chinese text.
type tableReporter struct {
	w    io.Writer
	opts Options
	n    int
}

func (r *tableReporter) Close() error { return nil }

// cond measures display width as tablewriter does: Chinese characters take
// two columns, ambiguous ones (“ ” and the box-drawing borders) one, as
// terminals draw them.
var cond = &runewidth.Condition{EastAsianWidth: false}

func (r *tableReporter) width() int {
	if r.opts.Width > 0 {
		return max(r.opts.Width, 60)
	}
	return 100
}

func (r *tableReporter) Write(a *analyze.Analysis) error {
	r.n++
	if r.n > 1 {
		fmt.Fprintln(r.w)
	}
	d := a.Document
	fmt.Fprintf(r.w, "== %s\n", Printable(firstOf(d.Title, d.ID)))
	if r.opts.show("summary") {
		rows := [][]string{
			{"file", d.Path}, {"title", d.Title}, {"date", d.Date}, {"source", d.Source},
			{"editor", d.Editor}, {"language", d.Language}, {"format", d.Format},
			{"paragraphs", strconv.Itoa(len(d.Paragraphs))}, {"characters", strconv.Itoa(d.Chars)},
		}
		if d.OriginalTitle != "" && d.OriginalTitle != d.Title {
			rows = append(rows[:3], append([][]string{{"original title", d.OriginalTitle}}, rows[3:]...)...)
		}
		if d.DocNumber != "" {
			rows = append(rows, []string{"document number", d.DocNumber})
		}
		if d.Issuer != "" {
			rows = append(rows, []string{"issuer", d.Issuer})
		}
		if err := r.table("Document", []string{"field", "value"}, rows, []int{1}); err != nil {
			return err
		}
	}
	if r.opts.show("keywords") && len(a.Keywords) > 0 {
		var rows [][]string
		for i, k := range a.Keywords {
			rows = append(rows, []string{strconv.Itoa(i + 1), k.Term, strconv.FormatFloat(k.Score, 'f', 3, 64), strconv.Itoa(k.Count)})
		}
		if err := r.table("Keywords", []string{"#", "term", "score", "count"}, rows, []int{1}); err != nil {
			return err
		}
	}
	if r.opts.show("entities") && len(a.Entities) > 0 {
		var rows [][]string
		for _, e := range a.Entities {
			extra := strings.Join(e.Titles, "、")
			if e.Type == "date" {
				extra = e.Normalized
			}
			if len(e.Aliases) > 0 {
				extra = strings.TrimPrefix(extra+"; aka "+strings.Join(e.Aliases, ", "), "; ")
			}
			rows = append(rows, []string{e.Type, e.Text, extra, strconv.Itoa(e.Count)})
		}
		if err := r.table("Entities", []string{"type", "text", "titles / aliases", "count"}, rows, []int{1, 2}); err != nil {
			return err
		}
	}
	if r.opts.show("directives") && len(a.Directives) > 0 {
		if err := r.directives(a.Directives); err != nil {
			return err
		}
	}
	if r.opts.show("targets") && len(a.Targets) > 0 {
		var rows [][]string
		for _, t := range a.Targets {
			rows = append(rows, []string{t.Indicator, t.Value, t.Unit, t.Qualifier, t.Year, t.Text})
		}
		if err := r.table("Targets", []string{"indicator", "value", "unit", "qualifier", "year", "text"}, rows, []int{0, 5}); err != nil {
			return err
		}
	}
	return nil
}

// directives prints the directive section. From 140 columns object,
// addressees, deadline and article have columns of their own; below, the
// deadline, addressees and article go on lines of their own under the
// text, so that nothing is left out on a narrow terminal.
func (r *tableReporter) directives(ds []analyze.Directive) error {
	wide := r.width() >= 140
	header := []string{"#", "force", "issuer", "action", "text"}
	if wide {
		header = []string{"#", "force", "issuer", "action", "object", "addressees", "deadline", "article", "text"}
	}
	var rows [][]string
	for i, d := range ds {
		row := []string{strconv.Itoa(i + 1), d.Force, d.Issuer, d.Action}
		if wide {
			row = append(row, d.Object, strings.Join(d.Addressees, "、"), d.Deadline, d.Article, d.Text)
		} else {
			row = append(row, DirectiveCell(&d))
		}
		rows = append(rows, row)
	}
	flex := []int{len(header) - 1}
	if wide {
		flex = []int{4, 5, len(header) - 1}
	}
	return r.table(fmt.Sprintf("Directives (%d)", len(ds)), header, rows, flex)
}

// DirectiveCell is a directive's text with, on lines of their own, its
// deadline, addressees and article (those it has).
func DirectiveCell(d *analyze.Directive) string {
	var extra []string
	if d.Deadline != "" {
		extra = append(extra, "deadline: "+d.Deadline)
	}
	if len(d.Addressees) > 0 {
		extra = append(extra, "addressees: "+strings.Join(d.Addressees, "、"))
	}
	if d.Article != "" {
		extra = append(extra, "article: "+d.Article)
	}
	return Lines(append([]string{d.Text}, extra...)...)
}

func (r *tableReporter) table(title string, header []string, rows [][]string, flex []int) error {
	return Table(r.w, title, header, rows, flex, r.width())
}

// Table renders one titled table of the given width (0: 100 columns).
// Columns in flex share the width left by the others; the rest keep their
// natural width up to 24 columns. Text longer than its column wraps onto
// more lines (wrapCell), never cut; a cell made with Lines keeps its lines.
func Table(w io.Writer, title string, header []string, rows [][]string, flex []int, width int) error {
	if width <= 0 {
		width = 100
	}
	width = max(width, 60)
	fmt.Fprintf(w, "\n%s\n", Printable(title))
	header, rows = cleanCells(header), cleanRows(rows)
	limit := columnLimits(header, rows, flex, width)
	t := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithTrimSpace(tw.On),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	)
	t.Header(header)
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = wrapCell(c, limit[i])
		}
		if err := t.Append(cells); err != nil {
			return err
		}
	}
	return t.Render()
}

// columnLimits gives each column its width: its natural width up to 24,
// and the flex columns an equal share of what the others leave.
func columnLimits(header []string, rows [][]string, flex []int, width int) []int {
	natural := make([]int, len(header))
	for i, h := range header {
		natural[i] = cellWidth(h)
	}
	for _, row := range rows {
		for i, c := range row {
			natural[i] = max(natural[i], cellWidth(c))
		}
	}
	fixed := 1 + 3*len(header) // borders and padding
	isFlex := map[int]bool{}
	for _, f := range flex {
		isFlex[f] = true
	}
	for i, n := range natural {
		if !isFlex[i] {
			fixed += min(n, 24)
		}
	}
	avail := max(width-fixed, 8*len(flex))
	limit := make([]int, len(header))
	for i := range header {
		limit[i] = min(natural[i], 24)
		if isFlex[i] {
			limit[i] = min(natural[i], max(avail/len(flex), 8))
		}
	}
	return limit
}

// cellWidth is the display width of a cell's widest line.
func cellWidth(c string) int {
	w := 0
	for _, line := range strings.Split(c, "\n") {
		w = max(w, cond.StringWidth(line))
	}
	return w
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanRows copies rows with each cell on one line (runs of white space,
// line breaks included, become one space) and the remaining control
// characters escaped, before widths are measured.
func cleanRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = cleanCells(row)
	}
	return out
}

func cleanCells(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		lines := strings.Split(c, lineBreak)
		for k, l := range lines {
			lines[k] = Printable(oneLine(l))
		}
		out[i] = strings.Join(lines, "\n")
	}
	return out
}

func firstOf(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}
