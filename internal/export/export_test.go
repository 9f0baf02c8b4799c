package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/policylens/policylens/analyze"
)

func sample() *analyze.Analysis {
	return &analyze.Analysis{
		Document:   analyze.Document{ID: "gwr.jsonl#2", Path: "data/gwr.jsonl", Title: "政府工作报告", Date: "2025-03-05T00:00:00Z", Language: "zh", Format: "jsonl", Paragraphs: []string{"a", "b"}, Chars: 120},
		Keywords:   []analyze.Keyword{{Term: "高质量发展", Score: 1, Count: 7}, {Term: "=SUM(A1)", Score: 0.25, Count: 2}},
		Entities:   []analyze.Entity{{Type: "organization", Text: "国务院安委会办公室", Aliases: []string{"国务院安委办"}, Count: 2, Mentions: []analyze.Mention{{Paragraph: 1}}}},
		Directives: []analyze.Directive{{Text: "严禁违规生产", Paragraph: 1, Force: "prohibit", Markers: []string{"严禁"}, Issuer: "会议", Addressees: []string{"各地区", "各部门"}}},
		Targets:    []analyze.Target{{Indicator: "国内生产总值", Value: "5", Unit: "%", Qualifier: "左右", Year: "2025", Paragraph: 0, Text: "国内生产总值增长5%左右"}},
	}
}

func TestLists(t *testing.T) {
	l := New()
	l.Add(sample())
	want := map[string]string{
		"documents":  "data/gwr.jsonl#2|政府工作报告|2025-03-05|gwr.jsonl#2|zh|jsonl||||2|120|2|1|1|1",
		"keywords":   "data/gwr.jsonl#2|政府工作报告|2025-03-05|2|=SUM(A1)|0.250|2",
		"entities":   "data/gwr.jsonl#2|政府工作报告|2025-03-05|organization|国务院安委会办公室|||国务院安委办|2|1",
		"directives": "data/gwr.jsonl#2|政府工作报告|2025-03-05|1|prohibit|严禁|会议|各地区、各部门||||||严禁违规生产",
		"targets":    "data/gwr.jsonl#2|政府工作报告|2025-03-05|0|国内生产总值|5|%|左右|2025|国内生产总值增长5%左右",
	}
	for _, list := range l.All() {
		last := list.Rows[len(list.Rows)-1]
		if got := strings.Join(last, "|"); got != want[list.Name] {
			t.Errorf("%s: last row\n got %s\nwant %s", list.Name, got, want[list.Name])
		}
		if len(last) != len(list.Header) {
			t.Errorf("%s: %d cells, %d columns", list.Name, len(last), len(list.Header))
		}
		for _, c := range list.Numeric {
			if c >= len(list.Header) {
				t.Errorf("%s: numeric column %d out of range", list.Name, c)
			}
		}
	}
}

// TestXLSXRoundTrip writes a workbook and reads it back with excelize.
func TestXLSXRoundTrip(t *testing.T) {
	l := New()
	l.Add(sample())
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, l.All()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != strings.Join(Names, ",") {
		t.Errorf("sheets %s, want %v", got, Names)
	}
	rows, err := f.GetRows("keywords")
	if err != nil || len(rows) != 3 || strings.Join(rows[0], ",") != "document,title,date,rank,term,score,count" {
		t.Fatalf("keywords sheet: %v %q", err, rows)
	}
	if rows[2][4] != "=SUM(A1)" {
		t.Errorf("term cell %q", rows[2][4])
	}
	if formula, _ := f.GetCellFormula("keywords", "E3"); formula != "" {
		t.Errorf("a text cell became the formula %q", formula)
	}
	if v, _ := f.GetCellValue("keywords", "F2"); v != "1" {
		t.Errorf("score cell %q, want the number 1", v)
	}
	if v, _ := f.GetCellValue("directives", "H2"); v != "各地区、各部门" {
		t.Errorf("addressees cell %q", v)
	}
}
