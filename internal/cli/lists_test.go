package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCSVLists: every list of an analysis can be a CSV, with the
// document's path on each row.
func TestCSVLists(t *testing.T) {
	const gwr = "../../testdata/docs/gwr/reports-2024-2025-1954.jsonl"
	for _, c := range []struct {
		only, doc, header, first string
	}{
		{"keywords", seed, "document,title,date,rank,term,score,count", seed + ","},
		{"entities", seed, "document,title,date,type,text,normalized,titles,aliases,count,first_paragraph", seed + ","},
		{"targets", gwr, "document,title,date,paragraph,indicator,value,unit,qualifier,year,text", gwr + "#1,"},
		{"summary", seed, "document,title,date,id,language,format,source,issuer,doc_number,paragraphs,chars,keywords,entities,directives,targets", seed + ","},
		{"directives", seed, "document,title,date,paragraph,force,markers,issuer,addressees,action,object,deadline,deadline_normalized,article,text", ""},
	} {
		code, out, errs := run(t, "", "analyze", "-f", "csv", "--only", c.only, c.doc)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || lines[0] != c.header || len(lines) < 2 {
			t.Errorf("--only %s: exit %d (%s)\n%s", c.only, code, errs, out)
			continue
		}
		if !strings.HasPrefix(lines[1], c.first) {
			t.Errorf("--only %s: the first row does not name the document by its path: %s", c.only, lines[1])
		}
	}
	if code, _, errs := run(t, "", "analyze", "-f", "csv", "--only", "keywords,entities", seed); code != ExitUsage || !strings.Contains(errs, "writes one list") {
		t.Errorf("two lists in one CSV: exit %d, %q", code, errs)
	}
}

// TestXLSXOutput: -f xlsx writes a workbook with a sheet per list (those of
// --only when given) that excelize reads back.
func TestXLSXOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "seed.xlsx")
	if code, _, errs := run(t, "", "analyze", "-f", "xlsx", "-o", out, seed); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "documents,keywords,entities,directives,targets" {
		t.Errorf("sheets: %s", got)
	}
	rows, _ := f.GetRows("directives")
	if len(rows) < 60 || rows[1][0] != seed || rows[0][4] != "force" {
		t.Errorf("directives sheet: %d rows, first %q", len(rows), rows[:min(2, len(rows))])
	}
	if v, _ := f.GetCellValue("documents", "K2"); v != "1184" {
		t.Errorf("documents chars cell %q, want 1184", v)
	}

	code, wb, _ := run(t, "", "analyze", "-f", "xlsx", "--only", "directives,keywords", seed)
	g, err := excelize.OpenReader(bytes.NewReader([]byte(wb)))
	if code != 0 || err != nil {
		t.Fatalf("xlsx on standard output: exit %d, %v", code, err)
	}
	defer g.Close()
	if got := strings.Join(g.GetSheetList(), ","); got != "keywords,directives" {
		t.Errorf("--only directives,keywords: sheets %s", got)
	}
	if code, _, _ := run(t, "", "analyze", "-f", "xlsx", "--summary", seed); code != ExitUsage {
		t.Errorf("--summary -f xlsx: exit %d, want 2", code)
	}
}
