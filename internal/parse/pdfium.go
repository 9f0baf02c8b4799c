package parse

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

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
		MinIdle: 1, MaxIdle: n, MaxTotal: n,
		// no file system at all: documents are handed over as bytes
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		ReuseWorkers:  true,
	})
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
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBadPDF, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBadPDF, err)
	}
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
	return pages, pdfMeta(inst, doc.Document), nil
}

func pdfPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (layoutPage, error) {
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}
	size, err := inst.GetPageSize(&requests.GetPageSize{Page: page})
	if err != nil {
		return layoutPage{}, err
	}
	text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page, Mode: requests.GetPageTextStructuredModeChars})
	if err != nil {
		return layoutPage{}, err
	}
	p := layoutPage{Height: size.Height, Runs: make([]run, 0, len(text.Chars))}
	for _, r := range text.Chars {
		if r.Text == "\r" || r.Text == "\n" {
			continue
		}
		pos := r.PointPosition // PDF space: y grows upwards
		p.Runs = append(p.Runs, run{Text: r.Text, Left: pos.Left, Right: pos.Right, Top: size.Height - pos.Top, Bottom: size.Height - pos.Bottom})
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
