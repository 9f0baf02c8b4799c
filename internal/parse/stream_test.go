package parse

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// streamAll reads data with Stream and gathers the paragraphs, so that
// the result compares with Parse's.
func streamAll(name string, data []byte, opts Options) (*Document, error) {
	var paras []string
	d, err := Stream(name, bytes.NewReader(data), opts, func(p string) error {
		paras = append(paras, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.Paragraphs = paras
	return d, nil
}

// sameAsParse fails unless Stream gives what Parse gives for data, or
// says ErrNotStreamable; it reports whether the text was streamed.
func sameAsParse(t *testing.T, name string, data []byte, opts Options) bool {
	t.Helper()
	got, err := streamAll(name, data, opts)
	if errors.Is(err, ErrNotStreamable) {
		return false
	}
	want, werr := Parse(name, data, opts)
	if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
		t.Fatalf("%s: Stream error %v, Parse error %v", name, err, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Stream gave\n%+v\nParse gave\n%+v", name, got, want)
	}
	return true
}

func TestStreamAsParse(t *testing.T) {
	long := strings.Repeat("国务院关于印发《2030年前碳达峰行动方案》的通知\n", 3000) // past the head
	tests := []struct {
		name, text string
		streamed   bool
	}{
		{"a.txt", "第一段。\n\n  第二段  \r\n第三段\r", true},
		{"a.txt", "\ufeff各位代表：\u200d\n现在，我代表国务院", true},
		{"a.txt", "\r\n\r\nno final newline", true},
		{"a.txt", "a\r\r\nb\n", true},
		{"2021-06-10.txt", "十三届全国人大常委会第二十九次会议通过\n内容", true},
		{"2021-06-10.txt", "English only\nlines", true},
		{"big.txt", long, true},
		{"big.txt", long + strings.Repeat("x", 200000) + "\n尾", true}, // a line longer than the buffer
		{"noext", "plain words\nmore words", true},
		{"a.txt", "\ufeff", true},     // Parse: no body text
		{"a.txt", "   \n\t\n", false}, // Parse: empty
		{"a.txt", "", false},
		{"a.md", "# Title\ntext", true},
		{"law.md", "---\ntitle: 某法\ndate: 2021-06-10\n---\n# 某法\n（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）\n<!-- INFO END -->\n第一条 为了……\n", true},
		{"eo.md", "# Order\n## Summary\n**Date:** January 20, 2025\n- [Source](https://example.gov)\n---\nBy the authority\nvested in me as President, it is\nhereby ordered:\n<!-- a\ncomment -->\nSec. 1.\nTHE WHITE HOUSE,\nJanuary 20, 2025.", true},
		{"a.md", strings.Repeat("\n", 70000) + "---\ntitle: x\n---\ntext", false}, // a front matter past the head
		{"a.md", "---\ntitle: x\n" + long + "---\ntext", false},                   // closing past the head
		{"a.md", "---\ntitle: x\ntext", false},                                    // never closed: Parse's error
		{"a.md", "---\ncategories: [a]\n---\n" + long + "<p>x</p>", false},        // Sina-Hexo, seen at the end
		{"big.md", "---\ntitle: 长文\n---\n" + long + "## Summary\nx\n---\n尾\n", true},
		{"noext", "<html><p>x</p></html>", false},
		{"a.txt", "\xff\xfeh\x00i\x00", false},        // UTF-16
		{"a.txt", "caf\xe9 au lait\n", false},         // Latin-1 byte
		{"a.txt", long + "\xd6\xd0\xb9\xfa\n", false}, // GBK after the head
		{"a.txt", "bin\x00ary", false},
	}
	for _, tc := range tests {
		if got := sameAsParse(t, tc.name, []byte(tc.text), Options{}); got != tc.streamed {
			t.Errorf("%s %.20q: streamed %v, want %v", tc.name, tc.text, got, tc.streamed)
		}
	}
}

func TestStreamSeeds(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", "seeds", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sameAsParse(t, e.Name(), data, Options{})
		sameAsParse(t, e.Name(), data, Options{Format: FormatText})
	}
}

func TestStreamLimits(t *testing.T) {
	data := []byte(strings.Repeat("一行字\n", 100))
	_, err := streamAll("a.txt", data, Options{MaxBytes: 50})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("over --max-bytes: %v, want ErrTooLarge", err)
	}
	stop := errors.New("stop")
	n := 0
	_, err = Stream("a.txt", bytes.NewReader(data), Options{}, func(string) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("para's error: %v after %d paragraphs, want stop after 3", err, n)
	}
}

// FuzzStream: for any bytes, Stream gives Parse's document and
// paragraphs (or Parse's error), or says ErrNotStreamable.
func FuzzStream(f *testing.F) {
	addSeeds(f)
	f.Add([]byte("a\r\r\nb\n\ufeff"))
	f.Add([]byte("---\ntitle: x\n---\n# H\n<!-- INFO END -->\nend of a line,\nnext"))
	f.Add([]byte("# T\n## Summary\n**Date:** 2024-01-02\n---\nbody\nTHE WHITE HOUSE,\nafter"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsParse(t, "fuzz.txt", data, Options{})
		sameAsParse(t, "fuzz.md", data, Options{})
		sameAsParse(t, "fuzz", data, Options{})
	})
}

// Every plain-text and Markdown document of the test sets (the labelled
// corpus apart) streams, as Parse reads it; Sina-Hexo pages do not.
func TestStreamSampleDocs(t *testing.T) {
	docs, _ := sampleDocs(t)
	n := 0
	for _, rel := range docs {
		if !strings.HasSuffix(rel, ".md") && !strings.HasSuffix(rel, ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(docsDir, rel))
		if err != nil {
			t.Fatal(err)
		}
		f := Detect(rel, data)
		if sameAsParse(t, rel, data, Options{}) {
			n++
		} else if f == FormatMarkdown || f == FormatText {
			t.Errorf("%s (%s) not streamed", rel, f)
		}
	}
	if n < 10 {
		t.Errorf("%d documents streamed", n)
	}
}
