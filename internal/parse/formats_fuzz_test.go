package parse

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fuzzFormat checks that reading any bytes as format returns a document or
// an error: never a panic, never a document without paragraphs.
func fuzzFormat(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		data, err := os.ReadFile(filepath.Join("testdata", "formats", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan error, 1)
		go func() {
			d, err := Parse("fuzz", data, Options{Format: format, MaxBytes: 1 << 20})
			if err == nil && len(d.Paragraphs) == 0 {
				err = errEmptyDocument
			}
			done <- err
		}()
		// the fuzzer itself has no time limit per input: a hang would only
		// stall it, so a slow input is made a failure it records
		select {
		case err := <-done:
			if errors.Is(err, errEmptyDocument) {
				t.Fatal(err)
			}
		case <-time.After(fuzzHang):
			t.Fatalf("no answer after %v: a hang", fuzzHang)
		}
	})
}

var errEmptyDocument = errors.New("a document without paragraphs and no error")

// fuzzHang is far above what any input of 1 MB takes, even on a loaded
// machine under the fuzzer's instrumentation.
const fuzzHang = 30 * time.Second

func FuzzPDF(f *testing.F)  { fuzzFormat(f, FormatPDF, "blank.pdf", "eo-en.pdf") }
func FuzzDOCX(f *testing.F) { fuzzFormat(f, FormatDOCX, "eo-en.docx", "law-zh-odt.docx") }
func FuzzOFD(f *testing.F) {
	fuzzFormat(f, FormatOFD, "nalai-zhuyi.ofd", "split-paragraph.ofd", "invoice.ofd")
}

// FuzzLegacyOffice: whatever follows the OLE signature, a .doc or .wps
// file is refused with the one-line advice, never read as text.
func FuzzLegacyOffice(f *testing.F) {
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "x.doc")
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 512)), "x.wps")
	f.Fuzz(func(t *testing.T, rest []byte, name string) {
		data := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), rest...)
		d, err := Parse(name, data, Options{MaxBytes: 1 << 20})
		if !errors.Is(err, ErrLegacyOffice) || d != nil {
			t.Fatalf("%q: %v, document %v", name, err, d != nil)
		}
		if strings.ContainsAny(err.Error(), "\n\r") {
			t.Fatalf("error of more than one line: %q", err)
		}
	})
}
