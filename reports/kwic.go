package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// WriteKWIC prints keyword-in-context lines with the terms in one column:
// left contexts are right-aligned by display width, so Chinese (two
// columns a character) and Latin text line up.
func WriteKWIC(w io.Writer, hits []analyze.Hit) error {
	hits = printableHits(hits)
	docW, leftW := 0, 0
	for _, h := range hits {
		docW = max(docW, cond.StringWidth(h.Document+" "+h.Date))
		leftW = max(leftW, cond.StringWidth(h.Left))
	}
	for _, h := range hits {
		label := h.Document + " " + h.Date
		left, right := h.Left, h.Right
		_, err := fmt.Fprintf(w, "%s%s  %s%s 【%s】 %s\n", label, strings.Repeat(" ", docW-cond.StringWidth(label)),
			strings.Repeat(" ", leftW-cond.StringWidth(left)), left, h.Term, right)
		if err != nil {
			return err
		}
	}
	if len(hits) == 0 {
		_, err := fmt.Fprintln(w, "no occurrences")
		return err
	}
	return nil
}

// printableHits copies hits with their text safe for a terminal.
func printableHits(hits []analyze.Hit) []analyze.Hit {
	out := make([]analyze.Hit, len(hits))
	for i, h := range hits {
		h.Document, h.Date, h.Term = Printable(h.Document), Printable(h.Date), Printable(h.Term)
		h.Left = Printable(strings.ReplaceAll(h.Left, "\n", " "))
		h.Right = Printable(strings.ReplaceAll(h.Right, "\n", " "))
		out[i] = h
	}
	return out
}
