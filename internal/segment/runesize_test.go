package segment

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/utf8fast"
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

// TestToRunes: toRunes is []rune(s), utf8fast.AllIdeographs the rune-by-rune test,
// on every string of one to three bytes (and three followed by a fourth)
// and on mixed text.
func TestToRunes(t *testing.T) {
	check := func(s string) {
		if got, want := string(toRunes(s)), string([]rune(s)); got != want || len(toRunes(s)) != len([]rune(s)) {
			t.Fatalf("% x: toRunes %U, []rune %U", s, toRunes(s), []rune(s))
		}
		all := true
		for _, r := range s {
			all = all && isIdeograph(r)
		}
		if s != "" && utf8fast.AllIdeographs(s) != all {
			t.Fatalf("% x: AllIdeographs %v, rune by rune %v", s, utf8fast.AllIdeographs(s), all)
		}
	}
	var buf [4]byte
	for c0 := range 256 {
		for c1 := range 256 {
			for _, c2 := range []int{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xff} {
				buf[0], buf[1], buf[2], buf[3] = byte(c0), byte(c1), byte(c2), 0x80
				for n := 1; n <= 4; n++ {
					check(string(buf[:n]))
				}
			}
		}
	}
	for _, s := range []string{"", "国务院关于加快建设", "a\xffb中文\xe4\xb8", "互联网+监管：5G、COVID-19。", "\u3000全角\u00a0空格", "㐀䶵一龥鿿豈", "😀中"} {
		check(s)
	}
}

// isTraditionalByRunes is IsTraditional as it read every rune: the
// reference for TestIsTraditionalFast.
func isTraditionalByRunes(paras []string) bool {
	t, s, seen := 0, 0, 0
	tab := script()
	for _, p := range paras {
		for _, r := range p {
			switch scriptOf(tab, r) {
			case 1:
				t++
			case -1:
				s++
			}
			seen++
		}
		if seen > 20000 {
			break
		}
	}
	return t > s && t >= 3
}

// TestIsTraditionalFast: IsTraditional, which decodes only the
// ideographs, decides as the rune-by-rune reading did, also where the
// 20,000 runes it reads end in another paragraph.
func TestIsTraditionalFast(t *testing.T) {
	trad, simp := "國務院關於加快建設這個說話", "国务院关于加快建设这个说话"
	for _, paras := range [][]string{
		nil, {""}, {trad}, {simp}, {trad, simp}, {"a\xff國\xe4\xb8務院關", "😀關於"},
		{strings.Repeat("x", 19998), trad}, {strings.Repeat("x", 19999) + "國務", "院關於"},
		{strings.Repeat(simp, 1000), strings.Repeat(trad, 2000)},
		{strings.Repeat("中\xff", 9999), "國務院"}, {strings.Repeat("中\xff", 10001), "國務院"},
	} {
		if got, want := IsTraditional(paras), isTraditionalByRunes(paras); got != want {
			t.Fatalf("%.40q…: %v, want %v", paras, got, want)
		}
	}
}

// detectLanguageByRunes is DetectLanguage as it read every rune with
// range: the reference for TestDetectLanguageFast.
func detectLanguageByRunes(title string, paras []string) string {
	han, latin := 0, 0
	count := func(s string) {
		for _, r := range s {
			switch {
			case isHan(r):
				han++
			case r < 0x80 && (r|0x20) >= 'a' && (r|0x20) <= 'z':
				latin++
			}
		}
	}
	count(title)
	for _, p := range paras {
		count(p)
		if han+latin > 20000 {
			break
		}
	}
	if han > 0 && (han*10 >= latin || han >= 200) {
		return "zh"
	}
	return "en"
}

// TestDetectLanguageFast: DetectLanguage decides as the rune-by-rune
// reading did, on mixed and invalid text and around its thresholds.
func TestDetectLanguageFast(t *testing.T) {
	en := "The State Council shall promote reform. "
	for _, c := range []struct {
		title string
		paras []string
	}{
		{"", nil}, {"国务院", nil}, {"", []string{en}}, {"a\xff国\xe4\xb8", []string{"😀𠀀〇", "\u3400\u2e80"}},
		{"", []string{strings.Repeat("a", 90) + strings.Repeat("国", 9)}}, {"", []string{strings.Repeat("a", 90) + strings.Repeat("国", 10)}},
		{"", []string{strings.Repeat(en, 600), strings.Repeat("国", 199)}}, {"", []string{strings.Repeat(en, 60), strings.Repeat("国", 200)}},
		{"", []string{strings.Repeat("国", 20001), strings.Repeat(en, 1000)}}, {"", []string{strings.Repeat("國\xe9", 5000), en}},
	} {
		if got, want := DetectLanguage(c.title, c.paras), detectLanguageByRunes(c.title, c.paras); got != want {
			t.Fatalf("%.40q %.40q…: %s, want %s", c.title, c.paras, got, want)
		}
	}
}
