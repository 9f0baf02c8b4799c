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
	docW, leftW := 0, 0
	for _, h := range hits {
		docW = max(docW, cond.StringWidth(h.Document+" "+h.Date))
		leftW = max(leftW, cond.StringWidth(h.Left))
	}
	for _, h := range hits {
		label := h.Document + " " + h.Date
		left := strings.ReplaceAll(h.Left, "\n", " ")
		right := strings.ReplaceAll(h.Right, "\n", " ")
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
