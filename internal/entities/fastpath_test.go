package entities

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// The shortcuts taken for speed answer as the library functions they stand for.
func TestIsHanRuneIsUnicodeHan(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if isHanRune(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHanRune(%U) = %v", r, isHanRune(r))
		}
	}
}

func TestRuneSizeIsDecodeRune(t *testing.T) {
	edges := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for b0 := range 256 {
		for b1 := range 256 {
			for _, b2 := range edges {
				s := string([]byte{byte(b0), byte(b1), b2, 0x80})
				for n := range len(s) + 1 {
					_, want := utf8.DecodeRuneInString(s[:n])
					if got := runeSize(s[:n]); got != want {
						t.Fatalf("runeSize(% x) = %d, want %d", s[:n], got, want)
					}
				}
			}
		}
	}
}

func TestDecodeRuneIsDecodeRune(t *testing.T) {
	edges := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for b0 := range 256 {
		for b1 := range 256 {
			for _, b2 := range edges {
				s := string([]byte{byte(b0), byte(b1), b2, 0x80})
				for n := range len(s) + 1 {
					wr, wn := utf8.DecodeRuneInString(s[:n])
					if r, got := decodeRune(s[:n]); r != wr || got != wn {
						t.Fatalf("decodeRune(% x) = %U %d, want %U %d", s[:n], r, got, wr, wn)
					}
				}
			}
		}
	}
}

func TestSuffixSetMay(t *testing.T) {
	s := newSuffixSet([]string{"公司", "委员会", "局"})
	for w, want := range map[string]bool{"有限公司": true, "国务院": false, "统计局": true, "": true, "a\xff": true, "委员会x": false} {
		if s.may(w) != want {
			t.Errorf("may(%q) = %v", w, !want)
		}
	}
	if !newSuffixSet([]string{""}).may("x") {
		t.Error("an empty suffix ends every word")
	}
}

func TestDigitBefore(t *testing.T) {
	for text, want := range map[string]bool{"3月": true, "岁月": false, "岁月12月": true, "月": false, "1 月": false, "第5号": true} {
		unit := "月"
		if text == "第5号" {
			unit = "号"
		}
		if digitBefore(text, unit) != want {
			t.Errorf("digitBefore(%q, %q) = %v", text, unit, !want)
		}
	}
}
