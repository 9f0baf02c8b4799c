package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/labels"
)

// TestScore: the quality test's matching rules — aliases and mention
// surfaces match, dates on normalized, optional items count neither way,
// titles as a set per matched person — and the errors each gives.
func TestScore(t *testing.T) {
	g := labels.Gold{Entities: []labels.Entity{
		{Type: "organization", Text: "工业和信息化部"},
		{Type: "person", Text: "黄明", Titles: []string{"应急管理部部长", "党委书记"}},
		{Type: "date", Text: "9月1日", Alt: []string{"2021-09-01"}},
		{Type: "law", Text: "安全生产法"},
		{Type: "term", Text: "放管服", Optional: true},
	}}
	a := &analyze.Analysis{Entities: []entities.Entity{
		{Type: "organization", Text: "工信部", Normalized: "工业和信息化部"},
		{Type: "person", Text: "黄明", Titles: []string{"应急管理部部长"}},
		{Type: "date", Text: "九月一日", Normalized: "2021-09-01"},
		{Type: "term", Text: "放管服"},
		{Type: "location", Text: "北京"},
	}}
	ty := newTally()
	got := ty.score(g, a)
	want := []miss{
		{"matched", "organization", "工业和信息化部 = 工信部"},
		{"matched", "person", "黄明 = 黄明"},
		{"missed", "title", "黄明 — 党委书记 (got 应急管理部部长)"},
		{"matched", "date", "9月1日 = 九月一日"},
		{"missed", "law", "安全生产法"},
		{"spurious", "location", "北京"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors\n got %v\nwant %v", got, want)
	}
	if c := ty.total(); c != (counts{TP: 3, FP: 1, FN: 1}) {
		t.Errorf("total %+v", c)
	}
	if ty.titlesOK != 1 || ty.titlesN != 2 {
		t.Errorf("titles %d/%d", ty.titlesOK, ty.titlesN)
	}
	var b bytes.Buffer
	report(&b, ty, newTally())
	if !strings.Contains(b.String(), "| law | 0.000 | 0.000 | 0.000 | 0 | 0 | 1 |") || !strings.Contains(b.String(), "train: entity P 0.750 R 0.750 F1 0.750") {
		t.Errorf("report:\n%s", b.String())
	}
}

// TestWhy: with -why a spurious item shows its evidence and its first
// mention in context; out-of-range offsets give the evidence alone.
func TestWhy(t *testing.T) {
	a := &analyze.Analysis{}
	a.Document.Paragraphs = []string{"保持人民币汇率在合理均衡水平上基本稳定。"}
	e := entities.Entity{Type: "location", Text: "衡水", Evidence: "lexicons/locations.zh.tsv:155",
		Mentions: []entities.Mention{{Paragraph: 0, Start: 11, End: 13, Surface: "衡水"}}}
	if got, want := why(a, e), "  [lexicons/locations.zh.tsv:155] 保持人民币汇率在合理均【衡水】平上基本稳定。"; got != want {
		t.Errorf("why = %q, want %q", got, want)
	}
	e.Mentions[0].Paragraph = 3
	if got := why(a, e); got != "  [lexicons/locations.zh.tsv:155]" {
		t.Errorf("why out of range = %q", got)
	}
}
