package segment

import (
	"context"
	"testing"
	"unicode/utf8"
)

// TestRuneSize: runeSize reads every string of one to three bytes (and
// three bytes followed by a fourth) as utf8.DecodeRuneInString does.
func TestRuneSize(t *testing.T) {
	check := func(s string, b int) {
		r, n := utf8.DecodeRuneInString(s[b:])
		gotN, gotOK := runeSize(s, b)
		if gotN != n || gotOK != (r != utf8.RuneError || n > 1) {
			t.Fatalf("% x at %d: %d %v, the decoder %d %U", s, b, gotN, gotOK, n, r)
		}
	}
	var buf [4]byte
	for c0 := range 256 {
		buf[0] = byte(c0)
		check(string(buf[:1]), 0)
		for c1 := range 256 {
			buf[1] = byte(c1)
			check(string(buf[:2]), 0)
			check("x"+string(buf[:2]), 1)
			for c2 := range 256 {
				buf[2] = byte(c2)
				check(string(buf[:3]), 0)
			}
			buf[2], buf[3] = 0x80, 0x80
			check(string(buf[:4]), 0)
		}
	}
}

// TestSliceOffsets: a paragraph the Chinese segmenter made slices its
// spans as the runes spell them, with its offsets (valid text) or without
// (invalid bytes, where Runes hold U+FFFD).
func TestSliceOffsets(t *testing.T) {
	s := segmenter(t)
	for _, text := range []string{"国务院关于加快建设全国统一大市场的意见，2025年", "a\xffb中文\xe4\xb8", "互联网+监管：5G、COVID-19。", "", "\u3000全角\u00a0空格"} {
		doc, err := s.SegmentAs(context.Background(), "zh", false, "", []string{text})
		if err != nil {
			t.Fatal(err)
		}
		p := &doc.Paragraphs[0]
		if (p.offs != nil) != utf8.ValidString(text) {
			t.Errorf("%q: offsets %v, valid %v", text, p.offs != nil, utf8.ValidString(text))
		}
		for i := 0; i <= len(p.Runes); i++ {
			for j := i; j <= len(p.Runes); j++ {
				if got, want := p.Slice(Span{i, j}), string(p.Runes[i:j]); got != want {
					t.Errorf("%q: Slice(%d, %d) = %q, want %q", text, i, j, got, want)
				}
			}
		}
	}
}
