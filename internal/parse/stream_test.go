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

// streamAll reads data with StreamText and gathers the paragraphs, so
// that the result compares with Parse's.
func streamAll(name string, data []byte, opts Options) (*Document, error) {
	var paras []string
	d, err := StreamText(name, bytes.NewReader(data), opts, func(p string) error {
		paras = append(paras, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.Paragraphs = paras
	return d, nil
}

// sameAsParse fails unless StreamText gives what Parse gives for data, or
// says ErrNotStreamable; it reports whether the text was streamed.
func sameAsParse(t *testing.T, name string, data []byte, opts Options) bool {
	t.Helper()
	got, err := streamAll(name, data, opts)
	if errors.Is(err, ErrNotStreamable) {
		return false
	}
	want, werr := Parse(name, data, opts)
	if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
		t.Fatalf("%s: StreamText error %v, Parse error %v", name, err, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: StreamText gave\n%+v\nParse gave\n%+v", name, got, want)
	}
	return true
}

func TestStreamTextAsParse(t *testing.T) {
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
		{"a.md", "# Title\ntext", false},
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

func TestStreamTextSeeds(t *testing.T) {
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

func TestStreamTextLimits(t *testing.T) {
	data := []byte(strings.Repeat("一行字\n", 100))
	_, err := streamAll("a.txt", data, Options{MaxBytes: 50})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("over --max-bytes: %v, want ErrTooLarge", err)
	}
	stop := errors.New("stop")
	n := 0
	_, err = StreamText("a.txt", bytes.NewReader(data), Options{}, func(string) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("para's error: %v after %d paragraphs, want stop after 3", err, n)
	}
}

// FuzzStreamText: for any bytes, StreamText gives Parse's document and
// paragraphs (or Parse's error), or says ErrNotStreamable.
func FuzzStreamText(f *testing.F) {
	addSeeds(f)
	f.Add([]byte("a\r\r\nb\n\ufeff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsParse(t, "fuzz.txt", data, Options{})
		sameAsParse(t, "fuzz", data, Options{})
	})
}
