package cli

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/reports"
)

// docSummary is one document of `analyze --summary`.
type docSummary struct {
	Document     string   `json:"document"` // its path
	id           string   // its name within the batch, shorter for a table
	Title        string   `json:"title"`
	Date         string   `json:"date"`
	Directives   int      `json:"directives"`
	MustProhibit int      `json:"must_prohibit"`
	Keywords     []string `json:"keywords"`
}

func summarize(a *analyze.Analysis) docSummary {
	s := docSummary{Document: a.Document.Path, id: a.Document.ID, Title: a.Document.Title, Date: a.Document.Date, Directives: len(a.Directives), Keywords: []string{}}
	if s.Document == "" {
		s.Document = a.Document.ID
	}
	for _, d := range a.Directives {
		if d.Force == "must" || d.Force == "prohibit" {
			s.MustProhibit++
		}
	}
	for _, k := range a.Keywords[:min(3, len(a.Keywords))] {
		s.Keywords = append(s.Keywords, k.Term)
	}
	return s
}

// summaryReporter writes one line per document: a table row, a CSV row or
// a JSON object (json: an array of them, jsonl: one a line).
type summaryReporter struct {
	w      io.Writer
	format string
	width  int
	csv    *reports.CSVWriter
	rows   []docSummary
}

func newSummaryReporter(w io.Writer, o *analyzeOptions, width int) *summaryReporter {
	r := &summaryReporter{w: w, format: o.format, width: width}
	if o.format == "csv" {
		r.csv = reports.NewCSVWriter(w, o.csvRaw, 3, 4) // runAnalyze wrote the BOM
		r.csv.Write([]string{"document", "title", "date", "directives", "must_prohibit", "keywords"})
	}
	return r
}

func (r *summaryReporter) Write(a *analyze.Analysis) error {
	s := summarize(a)
	switch r.format {
	case "jsonl":
		b, err := json.Marshal(s)
		if err != nil {
			return err
		}
		_, err = r.w.Write(append(b, '\n'))
		return err
	case "csv":
		r.csv.Write([]string{s.Document, s.Title, s.Date, strconv.Itoa(s.Directives), strconv.Itoa(s.MustProhibit), strings.Join(s.Keywords, " · ")})
		return nil
	}
	r.rows = append(r.rows, s) // a table and a JSON array need every row
	return nil
}

func (r *summaryReporter) Close() error {
	switch r.format {
	case "csv":
		return r.csv.Flush()
	case "jsonl":
		return nil
	case "json":
		if r.rows == nil {
			r.rows = []docSummary{}
		}
		return reports.WriteJSON(r.w, r.rows)
	}
	rows := make([][]string, len(r.rows))
	for i, s := range r.rows {
		date, _, _ := strings.Cut(s.Date, "T")
		rows[i] = []string{s.id, date, s.Title, strconv.Itoa(s.Directives), strconv.Itoa(s.MustProhibit), strings.Join(s.Keywords, " · ")}
	}
	header := []string{"document", "date", "title", "directives", "must+prohibit", "top keywords"}
	return reports.Table(r.w, "Summary ("+strconv.Itoa(len(rows))+" documents)", header, rows, []int{2, 5}, r.width)
}
