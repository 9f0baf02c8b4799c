package cli

import (
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/export"
	"github.com/policylens/policylens/reports"
)

// listOf maps an --only section to its export list.
func listOf(section string) string {
	if section == "summary" {
		return "documents"
	}
	return section
}

// csvList tells which list `analyze -f csv` writes through the export
// lists: "" for the directives, which the reports package writes.
func (o *analyzeOptions) csvList() (string, error) {
	if o.format != "csv" || len(o.only) == 0 {
		return "", nil
	}
	if len(o.only) > 1 {
		return "", usagef("--format csv writes one list: give --only one of %s (or --format xlsx for all of them)", strings.Join(reports.Sections, ", "))
	}
	if o.only[0] == "directives" {
		return "", nil
	}
	return listOf(o.only[0]), nil
}

// listReporter writes analyses as export lists: one list as CSV, row by
// row, or every list kept (as --only says) as an .xlsx workbook at the end.
type listReporter struct {
	w     io.Writer
	lists *export.Lists
	csv   *reports.CSVWriter
	name  string   // the CSV's list
	keep  []string // the workbook's lists
}

func newListReporter(w io.Writer, o *analyzeOptions, csvList string) *listReporter {
	r := &listReporter{w: w, lists: export.New(), name: csvList}
	if o.format == "csv" {
		l := r.lists.List(csvList)
		r.csv = reports.NewCSVWriter(w, o.csvRaw, l.Numeric...)
		r.csv.Write(l.Header)
		return r
	}
	for _, s := range o.only {
		r.keep = append(r.keep, listOf(s))
	}
	return r
}

func (r *listReporter) Write(a *analyze.Analysis) error {
	r.lists.Add(a)
	if r.csv == nil {
		return nil
	}
	l := r.lists.List(r.name)
	for _, row := range l.Rows {
		r.csv.Write(row)
	}
	l.Rows = l.Rows[:0] // written: a long batch keeps no rows
	return r.csv.Flush()
}

func (r *listReporter) Close() error {
	if r.csv != nil {
		return r.csv.Flush()
	}
	var sheets []*export.List
	for _, l := range r.lists.All() {
		if len(r.keep) == 0 || slices.Contains(r.keep, l.Name) {
			sheets = append(sheets, l)
		}
	}
	return export.WriteXLSX(r.w, sheets)
}

// isTerminalWriter tells whether w is a terminal, where a workbook's bytes
// would only garble the screen.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}
