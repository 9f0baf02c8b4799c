package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// maxCell is the most characters Excel keeps in a cell.
const maxCell = 32767

// WriteXLSX writes the lists as an Excel workbook, one sheet per list, with
// a bold frozen header row and numbers stored as numbers. Text is stored as
// text: a cell starting with = is never a formula in a workbook written
// this way.
func WriteXLSX(w io.Writer, lists []*List) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, l := range lists {
		if err := addSheet(f, l, i == 0, bold); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", l.Name, err)
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

func addSheet(f *excelize.File, l *List, first bool, bold int) error {
	if first {
		if err := f.SetSheetName("Sheet1", l.Name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(l.Name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(l.Name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(l.Header))
	for i, h := range l.Header {
		header[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	numeric := map[int]bool{}
	for _, c := range l.Numeric {
		numeric[c] = true
	}
	for r, row := range l.Rows {
		cells := make([]any, len(row))
		for c, v := range row {
			cells[c] = cellValue(v, numeric[c])
		}
		axis, _ := excelize.CoordinatesToCellName(1, r+2) // row numbers are always valid
		if err := sw.SetRow(axis, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellValue stores a numeric column's number as a number, and text as
// text cut to what Excel keeps.
func cellValue(v string, numeric bool) any {
	if numeric {
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			return n
		}
	}
	if len(v) > maxCell {
		r := []rune(v)
		if len(r) > maxCell {
			v = string(r[:maxCell])
		}
	}
	return v
}
