package analyze_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/policylens/policylens/analyze"
)

// fuzzNames are the file names an input is analyzed under: the name picks
// the reader (Markdown with front matter, HTML, plain text).
var fuzzNames = []string{"fuzz.md", "fuzz.txt", "fuzz.html", "fuzz"}

// fuzzSeeds are shipped documents of each kind (never the labelled
// corpus, which other tests own).
var fuzzSeeds = []string{
	"docs/seed.md",
	"docs/text/经营者集中申报标准.txt",
	"docs/zh-docs/国务院关于经营者集中申报标准的规定(2024-01-22).md",
	"docs/zh-docs/govcn-20181206-content_5346276.html",
	"docs/en/omb-m-16-21-source-code-policy-scope.md",
}

// FuzzAnalyze runs Analyze over shipped documents, hostile inputs and
// their mutations. Each input must finish within its time budget (issue
// 11: a run of one character was quadratic), must not panic, and must give
// a result whose spans point into its paragraphs and that marshals to JSON.
// Input errors (binary data, refused encodings) are fine: the library
// reports them, it does not have to analyze everything.
func FuzzAnalyze(f *testing.F) {
	for i, p := range fuzzSeeds {
		data, err := os.ReadFile(filepath.Join(testdata, filepath.FromSlash(p)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(i))
	}
	for _, h := range hostileInputs() {
		f.Add(h, uint8(1))
		f.Add(h, uint8(0))
	}
	a := analyzer(f)
	// the first calls load the dictionaries and the English models; that
	// is not the input's time
	for _, warm := range []string{"各地区要加强安全生产。", "Agencies shall report within 90 days."} {
		if _, err := a.Analyze(context.Background(), analyze.Source{Name: "warm.txt", Data: []byte(warm)}); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		name := fuzzNames[int(kind)%len(fuzzNames)]
		res := analyzeWithin(t, a, name, data, budget(len(data)))
		if res != nil {
			checkInvariants(t, res)
		}
	})
}

// hostileInputs are the shapes that broke or slowed stages before: long
// runs of one character, punctuation without words, deep nesting, byte
// order marks in the wrong places, bytes that are not UTF-8.
func hostileInputs() [][]byte {
	utf16le := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	mixed := append([]byte{0xff, 0xfe}, utf16le("各地区要加强安全生产。")...)
	mixed = append(mixed, []byte("\xfe\xff严禁违规生产。\xef\xbb\xbf不得\x00\x00")...)
	return [][]byte{
		[]byte(strings.Repeat("的", 20000)),
		[]byte(strings.Repeat("a", 20000)),
		[]byte(strings.Repeat(",", 5000) + "\n" + strings.Repeat("，", 5000)),
		[]byte(strings.Repeat("（", 3000) + "严禁违规" + strings.Repeat("）", 3000)),
		[]byte(strings.Repeat("《（“要", 2000)),
		mixed,
		[]byte("\xfe\xff\x00\x41" + strings.Repeat("\xd8\x00", 100)),
		[]byte("会议要求\xff\xfe，各地区\xc3\x28要加强\xe2\x82监管，\xf0\x9f严禁\x80违规。"),
		[]byte(strings.Repeat("要求严禁必须应当鼓励，", 2000)),
	}
}

// budget is the time one input may take: five seconds for what the fuzz
// engine makes (the instrumented binary on a busy 2-core machine), plus
// one second per 20 KB for the long seeds (ordinary text runs at some
// hundreds of KB a second), tripled under the race detector, which CI runs
// the seeds with. A quadratic stage blows through it by minutes.
func budget(n int) time.Duration {
	d := 5*time.Second + time.Duration(n/20000)*time.Second
	if raceEnabled() {
		d *= 3
	}
	return d
}

// raceEnabled reports a test binary built with -race, as its build
// settings record.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}

// analyzeWithin runs Analyze under a deadline and fails when it overruns:
// the deadline stops a stage that checks its context; a watchdog catches
// one that does not, and names where it is stuck.
func analyzeWithin(t *testing.T, a *analyze.Analyzer, name string, data []byte, limit time.Duration) *analyze.Analysis {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	type result struct {
		res *analyze.Analysis
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		res, err := a.Analyze(ctx, analyze.Source{Name: name, Data: data})
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		if errors.Is(r.err, context.DeadlineExceeded) || time.Since(start) > limit {
			t.Fatalf("%s: %d bytes took %v, over the budget of %v (input %q)", name, len(data), time.Since(start).Round(time.Millisecond), limit, preview(data))
		}
		return r.res
	case <-time.After(limit + 2*time.Second):
		t.Fatalf("%s: %d bytes still running after %v, past its deadline; stuck in:\n%s\ninput %q", name, len(data), limit+2*time.Second, stuckIn(), preview(data))
	}
	return nil
}

// stuckIn is the part of every goroutine's stack that lies in policylens:
// the stage that ignores its deadline.
func stuckIn() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, line := range strings.Split(string(buf), "\n") {
		if strings.Contains(line, "policylens/internal/") || strings.Contains(line, "policylens/analyze.") {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return strings.Join(out, "\n")
}

func preview(data []byte) []byte {
	if len(data) > 200 {
		return append(data[:200:200], "…"...)
	}
	return data
}

// checkInvariants holds a result to what every reader of it assumes.
func checkInvariants(t *testing.T, res *analyze.Analysis) {
	t.Helper()
	paras := res.Document.Paragraphs
	lens := make([]int, len(paras)) // counted once: a result may hold thousands of spans
	for i, p := range paras {
		lens[i] = utf8.RuneCountInString(p)
	}
	runesOf := func(p int) (int, bool) {
		switch {
		case p == -1: // the title (entities.TitleParagraph)
			return utf8.RuneCountInString(res.Document.Title), true
		case p >= 0 && p < len(paras):
			return lens[p], true
		}
		return 0, false
	}
	for _, d := range res.Directives {
		n, ok := runesOf(d.Paragraph)
		if !ok || d.Paragraph < 0 || d.Start < 0 || d.Start > d.End || d.End > n {
			t.Fatalf("directive %q: paragraph %d span %d-%d, but %d paragraphs (this one %d runes)", d.Text, d.Paragraph, d.Start, d.End, len(paras), n)
		}
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			n, ok := runesOf(m.Paragraph)
			if !ok || m.Start < 0 || m.Start > m.End || m.End > n {
				t.Fatalf("mention %q of %q: paragraph %d span %d-%d, but %d paragraphs (this one %d runes)", m.Surface, e.Text, m.Paragraph, m.Start, m.End, len(paras), n)
			}
		}
	}
	for _, tg := range res.Targets {
		if tg.Paragraph < -1 || tg.Paragraph >= len(paras) {
			t.Fatalf("target %q: paragraph %d of %d", tg.Text, tg.Paragraph, len(paras))
		}
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatalf("the result does not marshal: %v", err)
	}
}
