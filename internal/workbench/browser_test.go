package workbench

import (
	"context"
	"net/http/httptest"
	"net/url"
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

// browser runs one step and fails the test with the step's name.
type browser struct {
	t   *testing.T
	ctx context.Context
}

func (b browser) do(what string, a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, a); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b browser) eval(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func (b browser) shot(name string) {
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err == nil {
		os.MkdirAll(filepath.Join("testdata", "artefacts"), 0o755)
		os.WriteFile(filepath.Join("testdata", "artefacts", name+".png"), png, 0o644)
	}
}

// TestWorkbenchInBrowser drives the workbench in headless Chromium as an
// analyst would: search, narrow by a facet, open a document, follow an
// entity, compare two documents. In CI (CI=true) a missing browser fails.
func TestWorkbenchInBrowser(t *testing.T) {
	chrome := browsertest.Require(t, "the workbench browser test")
	srv := httptest.NewServer(newServer(t))
	defer srv.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true), chromedp.WindowSize(1300, 1000))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()
	var mu sync.Mutex
	var jsErrors []string
	// the first Run starts the browser; Listen needs it running
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			jsErrors = append(jsErrors, e.ExceptionDetails.Text)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	b := browser{t, ctx}

	// search
	b.do("open search", chromedp.Navigate(srv.URL+"/search"))
	b.do("type a query", chromedp.SendKeys("#q", "安全生产"))
	b.do("pick directives", chromedp.SetValue("#kind", "directives"))
	b.do("submit", chromedp.Click("#go"))
	b.do("results", chromedp.WaitVisible("table#hits"))
	if n := b.eval(`String(document.querySelectorAll("#hits tr.hit").length)`); n == "0" {
		t.Fatal("no directive found for 安全生产")
	}
	if marks := b.eval(`String(document.querySelectorAll("#hits mark").length)`); marks == "0" {
		t.Error("no highlighted match in the snippets")
	}
	b.shot("search")

	// filter by a facet: the first force offered
	force := b.eval(`document.querySelector('section[data-facet="force"] li a').textContent`)
	b.do("click a force facet", chromedp.Click(`section[data-facet="force"] li a`))
	b.do("filtered results", chromedp.WaitVisible(`section[data-facet="force"] p.active`))
	if loc := b.eval(`location.search`); !strings.Contains(loc, "force="+force) {
		t.Errorf("the facet %q is not in the URL: %s", force, loc)
	}
	if other := b.eval(`String([...document.querySelectorAll("#hits .force")].filter(e => e.textContent != "` + force + `").length)`); other != "0" {
		t.Errorf("%s directives of another force than %s after filtering", other, force)
	}

	// open a document
	b.do("open the first document", chromedp.Click("#hits a.doc"))
	b.do("document text", chromedp.WaitVisible("#text"))
	if n := b.eval(`String(document.querySelectorAll("#text mark.f-must, #text mark.f-should").length)`); n == "0" {
		t.Error("no directive highlighted in the text")
	}
	if n := b.eval(`String(document.querySelectorAll("#directives tbody tr").length)`); n == "0" {
		t.Error("the directive table is empty")
	}
	b.shot("document")

	// follow an entity
	name := b.eval(`document.querySelector("#text a.ent").textContent`)
	b.do("follow an entity", chromedp.Click("#text a.ent"))
	b.do("entity page", chromedp.WaitVisible("#years"))
	if n := b.eval(`String(document.querySelectorAll("#years a.doc").length)`); n == "0" {
		t.Errorf("entity %s lists no document", name)
	}
	b.shot("entity")

	// compare two documents
	ids := b.eval(`[...document.querySelectorAll("#years a.doc")].map(a => new URL(a.href).searchParams.get("id")).join("\n")`)
	first := strings.Split(ids, "\n")[0]
	b.do("open compare", chromedp.Navigate(srv.URL+"/compare"))
	other := b.eval(`[...document.querySelectorAll("#docs option")].map(o => o.value).find(v => v != ` + jsString(first) + `) || ""`)
	b.do("before", chromedp.SendKeys("#c-a", first))
	b.do("after", chromedp.SendKeys("#c-b", other))
	b.do("compare", chromedp.Click("#c-go"))
	b.do("comparison", chromedp.WaitVisible("#summary"))
	if n := b.eval(`String(document.querySelectorAll("#changes tbody tr").length)`); n == "0" {
		t.Error("the comparison lists no directive")
	}
	b.shot("compare")

	// the hostile document stays text
	b.do("search hostile", chromedp.Navigate(srv.URL+"/search?q="+url.QueryEscape("加强监管")))
	b.do("hostile results", chromedp.WaitVisible("#hits"))
	b.do("open it", chromedp.Click(`#hits a.doc[href*="hostile"]`))
	b.do("hostile text", chromedp.WaitVisible("#text"))
	if p := b.eval(`String(window.__pwned)`); p != "undefined" {
		t.Errorf("document text ran as script: __pwned=%s", p)
	}
	if n := b.eval(`String(document.querySelectorAll('script, a[href^="javascript:"], img').length)`); n != "0" {
		t.Errorf("%s live elements from document text", n)
	}

	// trends draws a chart
	b.do("trends", chromedp.Navigate(srv.URL+"/trends?terms="+url.QueryEscape("改革,安全生产")))
	b.do("chart", chromedp.WaitVisible("#chart svg"))
	b.shot("trends")
	mu.Lock()
	defer mu.Unlock()
	if len(jsErrors) > 0 {
		t.Errorf("script errors: %s", strings.Join(jsErrors, "; "))
	}
}

func jsString(s string) string {
	return "decodeURIComponent(\"" + url.PathEscape(s) + "\")"
}
