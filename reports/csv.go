package reports

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// csvReporter prints one row per directive, the analyst's spreadsheet
// (entities, keywords and targets go to JSON): the document's id, title and
// date on each row.
type csvReporter struct {
	w      *csv.Writer
	header bool
}

var csvHeader = []string{"document", "title", "date", "paragraph", "force", "markers", "issuer", "addressees", "action", "object", "deadline", "deadline_normalized", "article", "text"}

func (r *csvReporter) Write(a *analyze.Analysis) error {
	if !r.header {
		r.header = true
		if err := r.w.Write(csvHeader); err != nil {
			return err
		}
	}
	d := a.Document
	for _, x := range a.Directives {
		row := []string{d.ID, d.Title, dateOf(d.Date), strconv.Itoa(x.Paragraph), x.Force, strings.Join(x.Markers, " "),
			x.Issuer, strings.Join(x.Addressees, "、"), x.Action, x.Object, x.Deadline, x.DeadlineNormalized, x.Article, x.Text}
		if err := r.w.Write(row); err != nil {
			return err
		}
	}
	r.w.Flush()
	return r.w.Error()
}

func (r *csvReporter) Close() error {
	if !r.header {
		if err := r.w.Write(csvHeader); err != nil {
			return err
		}
	}
	r.w.Flush()
	return r.w.Error()
}
