package reports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/export"
)

// CSVWriter writes CSV for spreadsheets. Unless Raw, a text cell that
// starts with =, +, -, @, a tab or a carriage return gets a leading ' so
// that a spreadsheet shows it as text instead of running it as a formula
// (OWASP's advice on CSV injection). Numeric columns are never prefixed,
// so negative numbers stay numbers.
type CSVWriter struct {
	w       *csv.Writer
	raw     bool
	numeric map[int]bool
}

// NewCSVWriter returns a writer to w; numeric lists the columns that hold
// numbers; raw turns the prefixing off (for machine consumers).
func NewCSVWriter(w io.Writer, raw bool, numeric ...int) *CSVWriter {
	c := &CSVWriter{w: csv.NewWriter(w), raw: raw, numeric: map[int]bool{}}
	for _, i := range numeric {
		c.numeric[i] = true
	}
	return c
}

// Write writes one row, neutralizing its text cells.
func (c *CSVWriter) Write(row []string) error {
	if !c.raw {
		safe := make([]string, len(row))
		for i, cell := range row {
			safe[i] = cell
			if !c.numeric[i] {
				safe[i] = CSVCell(cell)
			}
		}
		row = safe
	}
	return c.w.Write(row)
}

// Flush writes buffered rows and returns the first error of any write.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// CSVCell prefixes a cell a spreadsheet would read as a formula with '.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvReporter prints one row per directive, the analyst's spreadsheet
// (entities, keywords and targets go to JSON): the document's path (as the
// export lists name it, FILE#LINE for a JSONL record), title and date on
// each row, so that rows from several folders stay apart.
type csvReporter struct {
	w      *CSVWriter
	header bool
}

var csvHeader = []string{"document", "title", "date", "paragraph", "force", "markers", "issuer", "addressees", "action", "object", "deadline", "deadline_normalized", "article", "text"}

// csvNumeric are the numeric columns of csvHeader.
var csvNumeric = []int{3}

func (r *csvReporter) Write(a *analyze.Analysis) error {
	if !r.header {
		r.header = true
		if err := r.w.Write(csvHeader); err != nil {
			return err
		}
	}
	d := a.Document
	for _, x := range a.Directives {
		row := []string{export.PathOf(d), d.Title, dateOf(d.Date), strconv.Itoa(x.Paragraph), x.Force, strings.Join(x.Markers, " "),
			x.Issuer, strings.Join(x.Addressees, "、"), x.Action, x.Object, x.Deadline, x.DeadlineNormalized, x.Article, x.Text}
		if err := r.w.Write(row); err != nil {
			return err
		}
	}
	return r.w.Flush()
}

func (r *csvReporter) Close() error {
	if !r.header {
		if err := r.w.Write(csvHeader); err != nil {
			return err
		}
	}
	return r.w.Flush()
}
