package reports

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/policylens/policylens/internal/browsertest"

	"github.com/policylens/policylens/analyze"
)

// wideReport is a corpus report at its widest: 52 periods from 1954 to
// 2025 with gaps, 50 matrix rows of long directives, five terms.
func wideReport() *Report {
	var docs []*analyze.Analysis
	var refs []analyze.DocRef
	var periods []string
	for y := 1954; len(periods) < 52; y++ {
		if y%4 == 3 { // years without a report: the time axis must leave gaps
			continue
		}
		p := strconv.Itoa(y)
		periods = append(periods, p)
		docs = append(docs, &analyze.Analysis{Document: analyze.Document{ID: p, Title: p + "年国务院政府工作报告", Date: p + "-03-05", Language: "zh"}})
		refs = append(refs, analyze.DocRef{ID: p, Title: p + "年国务院政府工作报告", Date: p, Period: p})
	}
	m := &analyze.Matrix{Docs: refs, Recurring: 180}
	forces := []string{"must", "should", "encourage", "prohibit", ""}
	for r := 0; r < 50; r++ {
		row := analyze.MatrixRow{Text: strings.Repeat("深入推进全国统一大市场建设并完善社会主义市场经济体制", 1+r%3), Cells: make([]string, len(refs))}
		for k := range row.Cells {
			row.Cells[k] = forces[(r+k)%len(forces)]
		}
		m.Rows = append(m.Rows, row)
	}
	tl := &analyze.Timeline{By: "year", Terms: []string{"改革", "高质量发展", "社会主义现代化建设", "人民", "安全"}, Periods: periods}
	for i := range tl.Terms {
		rates := make([]float64, len(periods))
		for k := range rates {
			rates[k] = float64((i*7+k*3)%23) / 3
		}
		tl.Rates = append(tl.Rates, rates)
	}
	return &Report{Title: "政府工作报告 1954–2025", Docs: docs, Matrix: m, Timeline: tl}
}

// TestMatrixAndChartFitInBrowser opens the widest corpus report in
// headless Chromium in a 1,400 px window: the page does not scroll
// sideways, and the matrix and the chart end inside the window.
func TestMatrixAndChartFitInBrowser(t *testing.T) {
	chrome := browsertest.Require(t, "the report's fit test")
	var buf bytes.Buffer
	if err := WriteHTML(&buf, wideReport()); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "wide.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true), chromedp.WindowSize(1400, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+page)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.WaitVisible(chromedp.CSS("table.matrix"))); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`(function(){
var m=document.querySelector("table.matrix").getBoundingClientRect(), c=document.querySelector("svg.chart").getBoundingClientRect();
var th=document.querySelectorAll("table.matrix thead th.vh"), narrow=1e9;
th.forEach(function(h){narrow=Math.min(narrow,h.getBoundingClientRect().width)});
return {window:window.innerWidth, page:document.documentElement.scrollWidth, matrix:m.right, chart:c.right, chartWidth:c.width, columns:th.length, column:narrow}})()`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%v", got)
	win := got["window"]
	if win > 1400 || win < 1300 {
		t.Fatalf("window %v px wide, want 1,400", win)
	}
	for _, k := range []string{"page", "matrix", "chart"} {
		if got[k] > win {
			t.Errorf("%s ends at %v px, beyond the %v px window", k, got[k], win)
		}
	}
	if got["columns"] != 52 || got["column"] < 10 || got["chartWidth"] < 600 {
		t.Errorf("%s", fmt.Sprint(got))
	}
}
