package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/policylens/policylens/internal/browsertest"
)

// TestReportInBrowser opens HTML reports in headless Chromium: they render
// without console errors, the chart and the directive table are visible,
// and a document's <script> or javascript: link stays inert. Screenshots
// are kept in testdata/artefacts.
func TestReportInBrowser(t *testing.T) {
	chrome := browsertest.Require(t, "the browser test of HTML reports")
	dir := t.TempDir()
	hostile := filepath.Join(dir, "hostile.txt")
	os.WriteFile(hostile, []byte("会议要求，<script>window.__pwned=1</script>各地要加强监管。\n严禁点击<a href=\"javascript:window.__pwned=2\">链接</a>和<img src=x onerror=\"window.__pwned=3\">。"), 0o644)
	corpus := "../../testdata/docs/gwr/reports-2024-2025-1954.jsonl"
	cases := []struct {
		name  string
		args  []string
		chart bool
	}{
		{"single", []string{"report", "--format", "html", seed}, false},
		{"corpus", []string{"report", "--format", "html", "--terms", "改革,高质量发展", corpus}, true},
		{"hostile", []string{"report", "--format", "html", hostile}, false},
	}
	artefacts := filepath.Join("testdata", "artefacts")
	os.MkdirAll(artefacts, 0o755)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true), chromedp.WindowSize(1200, 1600))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.name+".html")
			if code, _, errs := run(t, "", append(c.args, "-o", out)...); code != 0 {
				t.Fatalf("report: exit %d: %s", code, errs)
			}
			ctx, cancel := chromedp.NewContext(alloc)
			defer cancel()
			ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
			defer cancelT()
			var mu sync.Mutex
			var consoleErrors []string
			err := chromedp.Listen(ctx, func(ev any) {
				mu.Lock()
				defer mu.Unlock()
				switch e := ev.(type) {
				case *runtime.EventConsoleAPICalled:
					if e.Type == runtime.ConsoleAPICalledTypeError {
						consoleErrors = append(consoleErrors, "console.error")
					}
				case *runtime.EventExceptionThrown:
					consoleErrors = append(consoleErrors, e.ExceptionDetails.Text)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+out)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.WaitVisible("#directives")); err != nil {
				t.Fatal(err)
			}
			tableRows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#directives tbody tr").length`))
			if err != nil {
				t.Fatal(err)
			}
			chartWidth, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(function(){var s=document.querySelector("svg.chart");return s?s.getBoundingClientRect().width:0})()`))
			if err != nil {
				t.Fatal(err)
			}
			pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__pwned)`))
			if err != nil {
				t.Fatal(err)
			}
			live, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('a[href^="javascript:"], img[onerror], body script').length`))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Click("#directives thead th")); err != nil { // the sort script runs
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(artefacts, c.name+".png"), png, 0o644)
			mu.Lock()
			defer mu.Unlock()
			if len(consoleErrors) > 0 {
				t.Errorf("console errors: %s", strings.Join(consoleErrors, "; "))
			}
			if tableRows == 0 {
				t.Error("the directive table is empty")
			}
			if c.chart && chartWidth == 0 {
				t.Error("the timeline chart is not visible")
			}
			if pwned != "undefined" || live != 1 { // the report's own sort script only
				t.Errorf("document text became live markup: __pwned=%v, live elements %d", pwned, live)
			}
		})
	}
}
