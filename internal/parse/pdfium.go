package parse

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// This file is the only one that knows go-pdfium: PDFium compiled to
// WebAssembly and run by wazero, so the binary needs no cgo and no shared
// library. The module is compiled once per process (a second or two; the
// compiled code is cached on disk for the next process) and instances are
// pooled, one per CPU.

var pdfiumPool = sync.OnceValues(newPDFiumPool)

func newPDFiumPool() (pdfium.Pool, error) {
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir, err := os.UserCacheDir(); err == nil {
		if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "policylens", "wazero")); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	n := runtime.GOMAXPROCS(0)
	return webassembly.Init(webassembly.Config{
		Context: experimental.WithMemoryAllocator(context.Background(), pdfiumMemory),
		MinIdle: 1, MaxIdle: n, MaxTotal: n,
		// no file system at all: documents are handed over as bytes
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		ReuseWorkers:  true,
	})
}

// StartPDF starts the PDF reader (PDFium: about 0.2 CPU s, mostly wazero
// decoding and validating the module and loading its compiled code from
// the cache) in the background and returns a wait for it. A caller that
// knows a PDF is coming (a .pdf argument, a PDF's first bytes) overlaps the
// start with its own work, such as reading the file; calling it is never
// needed, as the first PDF starts the reader anyway.
func StartPDF() (wait func() error) {
	done := make(chan error, 1)
	go func() {
		_, err := pdfiumPool()
		done <- err
	}()
	return sync.OnceValue(func() error { return <-done })
}

// pdfPages reads the text runs of every page of a PDF and its metadata.
func pdfPages(ctx context.Context, data []byte) ([]layoutPage, map[string]string, error) {
	pool, err := pdfiumPool()
	if err != nil {
		return nil, nil, fmt.Errorf("starting the PDF reader: %w", err)
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("starting the PDF reader: %w", err)
	}
	defer inst.Close()
	// PDFium reads the file through a reader rather than a copy in its
	// own memory: 10 MB less for a 10 MB file, as it keeps only what it
	// has parsed
	doc, err := inst.OpenDocument(&requests.OpenDocument{FileReader: bytes.NewReader(data), FileReaderSize: int64(len(data))})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBadPDF, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBadPDF, err)
	}
	meta := pdfMeta(inst, doc.Document)
	pages := make([]layoutPage, 0, count.PageCount)
	for i := 0; i < count.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		p, err := pdfPage(inst, doc.Document, i)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: page %d: %v", ErrBadPDF, i+1, err)
		}
		pages = append(pages, p)
	}
	return pages, meta, nil
}

// pdfPage reads one page's text as PDFium lays it out, a line at a time:
// the page's text in one call, then the boxes of each line's characters
// (FPDFText_CountRects merges them inside PDFium). Asking for every
// character's box and code instead costs three WebAssembly calls a
// character, which was most of the time of a long PDF. The page and its
// text are released before the next page is loaded, so memory does not
// grow with the page count.
func pdfPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (layoutPage, error) {
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: i})
	if err != nil {
		return layoutPage{}, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	ref := requests.Page{ByReference: &pg.Page}
	size, err := inst.GetPageSize(&requests.GetPageSize{Page: ref})
	if err != nil {
		return layoutPage{}, err
	}
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return layoutPage{}, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil || n.Count <= 0 {
		return layoutPage{Height: size.Height}, err
	}
	text, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, Count: n.Count})
	if err != nil {
		return layoutPage{}, err
	}
	units := utf16.Encode([]rune(strings.TrimRight(text.Text, "\x00")))
	if len(units) != n.Count { // characters outside the BMP: one index, two units
		return pdfPageChars(inst, ref, size.Height)
	}
	p := layoutPage{Height: size.Height}
	for _, seg := range pdfLineSpans(units) {
		r, ok, err := pdfLineRun(inst, tp.TextPage, seg, units, size.Height)
		if err != nil {
			return layoutPage{}, err
		}
		if ok {
			p.Runs = append(p.Runs, r)
		}
	}
	return p, nil
}

// pdfLineSpans splits a page's text, one UTF-16 unit per character index,
// at the line breaks PDFium put in, into [start, end) spans.
func pdfLineSpans(units []uint16) [][2]int {
	var out [][2]int
	start := 0
	for k, u := range units {
		if u == '\r' || u == '\n' {
			if k > start {
				out = append(out, [2]int{start, k})
			}
			start = k + 1
		}
	}
	if start < len(units) {
		out = append(out, [2]int{start, len(units)})
	}
	return out
}

// pdfHyphens resolves U+FFFE, PDFium's mark of a hyphen that ended a line
// it then ran on into the next: between two lower-case letters a word was
// broken and is mended (gov-ernment), elsewhere the hyphen is kept
// (M-24-10).
func pdfHyphens(s string) string {
	if !strings.ContainsRune(s, 0xfffe) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for k, r := range rs {
		if r != 0xfffe {
			b.WriteRune(r)
			continue
		}
		if k == 0 || k+1 == len(rs) || !unicode.IsLower(rs[k-1]) || !unicode.IsLower(rs[k+1]) {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// pdfLineRun makes a run of one line: its text, and a box from the
// loose boxes (the font's ascent and descent at its size) of the line's
// first and last characters, turned so that y grows downwards. Loose
// boxes have the same height whatever the glyph, so a line of small
// letters or one ending in a full stop is as tall as any other; two
// characters are enough, where asking for the box of every piece of a
// justified line (a piece per word or per Chinese character) took a
// dozen WebAssembly calls a piece and most of the Go side's time. A line
// with no boxed character at all (only characters PDFium made up) is
// left out, as PDFium leaves it out of its own rectangles.
func pdfLineRun(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, seg [2]int, units []uint16, height float64) (run, bool, error) {
	text := pdfHyphens(dropWideSpaces(string(utf16.Decode(units[seg[0]:seg[1]]))))
	if strings.TrimSpace(text) == "" {
		return run{}, false, nil
	}
	a, ok, err := pdfEndBox(inst, tp, seg, units, height, 1)
	if !ok || err != nil {
		return run{}, false, err
	}
	b, _, err := pdfEndBox(inst, tp, seg, units, height, -1)
	if err != nil {
		return run{}, false, err
	}
	r := run{Text: text, Left: min(a.Left, b.Left), Right: max(a.Right, b.Right), Top: min(a.Top, b.Top), Bottom: max(a.Bottom, b.Bottom)}
	return r, true, nil
}

// pdfEndBox is the loose box of the first (step 1) or last (step -1)
// character of the line that has one, spaces left aside.
func pdfEndBox(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, seg [2]int, units []uint16, height float64, step int) (run, bool, error) {
	i, end := seg[0], seg[1]
	if step < 0 {
		i, end = seg[1]-1, seg[0]-1
	}
	for ; i != end; i += step {
		if unicode.IsSpace(rune(units[i])) {
			continue
		}
		r, err := pdfLooseBox(inst, tp, i, height)
		if err != nil {
			return run{}, false, err
		}
		if r.Right > r.Left && r.Bottom > r.Top {
			return r, true, nil
		}
	}
	return run{}, false, nil
}

// pdfLooseBox is the loose box of character i, y growing downwards.
func pdfLooseBox(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, i int, height float64) (run, error) {
	b, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp, Index: i})
	if err != nil {
		return run{}, err
	}
	r := b.Rect
	return run{Left: float64(r.Left), Right: float64(r.Right), Top: height - float64(r.Top), Bottom: height - float64(r.Bottom)}, nil
}

// dropWideSpaces removes the spaces PDFium puts between two Chinese
// characters where justified text spreads them apart: Chinese is written
// without spaces.
func dropWideSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for k, r := range rs {
		if r == ' ' && len(out) > 0 && isWide(out[len(out)-1]) && k+1 < len(rs) && isWide(rs[k+1]) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// pdfPageChars reads a page character by character: slower, but right
// for the rare page whose characters lie outside the Basic Multilingual
// Plane, where text indices and UTF-16 units part.
func pdfPageChars(inst pdfium.Pdfium, page requests.Page, height float64) (layoutPage, error) {
	text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page, Mode: requests.GetPageTextStructuredModeChars})
	if err != nil {
		return layoutPage{}, err
	}
	p := layoutPage{Height: height, Runs: make([]run, 0, len(text.Chars))}
	for _, r := range text.Chars {
		if r.Text == "\r" || r.Text == "\n" {
			continue
		}
		pos := r.PointPosition // PDF space: y grows upwards
		p.Runs = append(p.Runs, run{Text: r.Text, Left: pos.Left, Right: pos.Right, Top: height - pos.Top, Bottom: height - pos.Bottom})
	}
	return p, nil
}

func pdfMeta(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) map[string]string {
	meta := map[string]string{}
	res, err := inst.GetMetaData(&requests.GetMetaData{Document: doc})
	if err != nil {
		return meta
	}
	for _, t := range res.Tags {
		meta[t.Tag] = t.Value
	}
	return meta
}
