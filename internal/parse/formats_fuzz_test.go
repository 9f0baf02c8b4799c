package parse

import (
	"os"
	"path/filepath"
	"testing"
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
		d, err := Parse("fuzz", data, Options{Format: format, MaxBytes: 1 << 20})
		if err == nil && len(d.Paragraphs) == 0 {
			t.Fatal("a document without paragraphs and no error")
		}
	})
}

func FuzzPDF(f *testing.F)  { fuzzFormat(f, FormatPDF, "blank.pdf", "eo-en.pdf") }
func FuzzDOCX(f *testing.F) { fuzzFormat(f, FormatDOCX, "eo-en.docx", "law-zh-odt.docx") }
func FuzzOFD(f *testing.F)  { fuzzFormat(f, FormatOFD, "nalai-zhuyi.ofd", "split-paragraph.ofd") }
