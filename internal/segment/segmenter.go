package segment

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/fold"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/utf8fast"
)

// Options control a Segmenter.
type Options struct {
	TagEnglish bool // run prose's POS tagger on English text (slower)
}

// Segmenter segments documents in Chinese and English. It is safe for
// concurrent use; dictionaries and models are loaded on first need, once.
type Segmenter struct {
	lex  *lexicon.Set
	opts Options

	zhOnce, ztOnce sync.Once
	zh, zt         *dict
	zhErr, ztErr   error
	en             englishModels
}

// New returns a Segmenter over the compiled lexicons.
func New(lex *lexicon.Set, opts Options) *Segmenter {
	return &Segmenter{lex: lex, opts: opts}
}

// overlayWords are the lexicons' terms added to the dictionary so that they
// come out whole.
func (s *Segmenter) overlayWords() []lexicon.DictWord {
	words := append([]lexicon.DictWord(nil), s.lex.UserDict...)
	pos := map[string]string{lexicon.Organization: "nt", lexicon.Location: "ns", lexicon.Law: "nz",
		lexicon.Event: "nz", lexicon.Term: "nz", lexicon.Addressee: "n"}
	for _, e := range s.lex.Entries {
		if e.Lang != "zh" {
			continue
		}
		for _, f := range append([]string{e.Canonical}, e.Aliases...) {
			if runeLen(f) >= 2 {
				words = append(words, lexicon.DictWord{Word: f, Freq: 3000, POS: pos[e.Type]})
			}
		}
	}
	return words
}

func (s *Segmenter) dict(traditional bool) (*dict, error) {
	if traditional {
		s.ztOnce.Do(func() {
			s.zt, s.ztErr = s.withOverlay(true)
			if s.ztErr == nil {
				s.zt.also, s.ztErr = s.dict(false)
			}
		})
		return s.zt, s.ztErr
	}
	s.zhOnce.Do(func() {
		s.zh, s.zhErr = s.withOverlay(false)
	})
	return s.zh, s.zhErr
}

// withOverlay is gse's word list with the lexicons' terms added.
func (s *Segmenter) withOverlay(traditional bool) (*dict, error) {
	base, err := gseDict(traditional)
	if err != nil {
		return nil, err
	}
	return base.withOverlay(s.overlayWords())
}

// Segment segments a document's title and paragraphs. lang "" detects it.
func (s *Segmenter) Segment(lang, title string, paras []string) (*Doc, error) {
	return s.SegmentContext(context.Background(), lang, title, paras)
}

// SegmentContext is Segment that stops between paragraphs once ctx is done,
// so that a caller's timeout holds within one long document.
func (s *Segmenter) SegmentContext(ctx context.Context, lang, title string, paras []string) (*Doc, error) {
	if lang == "" {
		lang = DetectLanguage(title, paras)
	}
	return s.SegmentAs(ctx, lang, lang != "en" && IsTraditional(paras), title, paras)
}

// SegmentAs segments with the language and script already decided: a
// document read in windows is segmented one window at a time with what its
// beginning decided, so that every window uses the same dictionary.
func (s *Segmenter) SegmentAs(ctx context.Context, lang string, traditional bool, title string, paras []string) (*Doc, error) {
	doc := &Doc{Lang: lang, Paragraphs: make([]Paragraph, len(paras))}
	if lang == "en" {
		if err := s.en.load(s.lex.AbbrevEN); err != nil {
			return nil, err
		}
		doc.Title = s.paragraphEn(title)
		for i, p := range paras {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			doc.Paragraphs[i] = s.paragraphEn(p)
		}
		return doc, nil
	}
	doc.Traditional = traditional
	d, err := s.dict(doc.Traditional)
	if err != nil {
		return nil, fmt.Errorf("load dictionary: %w", err)
	}
	var buf zhBuffers
	doc.Title = s.paragraphZh(d, title, &buf)
	for i, p := range paras {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc.Paragraphs[i] = s.paragraphZh(d, p, &buf)
	}
	return doc, nil
}

func (s *Segmenter) paragraphZh(d *dict, text string, buf *zhBuffers) Paragraph {
	runes := toRunes(text)
	p := Paragraph{Text: text, Runes: runes, Tokens: d.cutZh(text, runes, buf), Sentences: splitZh(runes)}
	if buf.valid {
		p.offs = runeOffsets(buf.byteOff[:len(runes)+1])
	}
	s.markStop(p.Tokens)
	return p
}

// runeOffsets keeps the byte offsets cutZh found for the runes of a
// valid paragraph (Paragraph.offs), or nil where it is too long for
// 32-bit offsets.
func runeOffsets(byteOff []int) []int32 {
	if byteOff[len(byteOff)-1] > math.MaxInt32 {
		return nil
	}
	offs := make([]int32, len(byteOff))
	for i, b := range byteOff {
		offs[i] = int32(b)
	}
	return offs
}

func (s *Segmenter) paragraphEn(text string) Paragraph {
	runes := []rune(text)
	p := Paragraph{Text: text, Runes: runes, Tokens: s.en.cutEn(text, runes, s.opts.TagEnglish), Sentences: s.en.splitEn(text, runes, s.lex.Stop)}
	s.markStop(p.Tokens)
	return p
}

func (s *Segmenter) markStop(toks []Token) {
	for i := range toks {
		t := &toks[i]
		t.Stop = t.POS == "w" || t.POS == "m" || s.lex.Stop[lower(t.Text)] || !hasLetter(t.Text)
	}
}

// lower is strings.ToLower without its pass over the runes of a word
// written in ideographs alone, which have no case (most Chinese words).
func lower(w string) string {
	if utf8fast.AllIdeographs(w) {
		return w
	}
	return strings.ToLower(w)
}

// toRunes is []rune(s) with a character of three bytes (most of a
// Chinese text) read from its bytes, without the runtime's decoder at
// every rune past ASCII (TestToRunes checks it against the conversion).
func toRunes(s string) []rune {
	rs := make([]rune, utf8fast.RuneCount(s))
	b := 0
	for i := range rs {
		c := s[b]
		if c < utf8.RuneSelf {
			rs[i] = rune(c)
			b++
			continue
		}
		if n, ok := runeSize(s, b); ok && n == 3 {
			rs[i] = rune(c&0x0f)<<12 | rune(s[b+1]&0x3f)<<6 | rune(s[b+2]&0x3f)
			b += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[b:])
		rs[i] = r
		b += n
	}
	return rs
}

func hasLetter(s string) bool {
	if len(s) >= 3 && utf8fast.AllIdeographs(s[:3]) {
		return true // an ideograph is Han (most words)
	}
	for _, r := range s {
		if isHan(r) || (r < 0x80 && (r|0x20) >= 'a' && (r|0x20) <= 'z') {
			return true
		}
	}
	return false
}

// DetectLanguage returns "zh" when Chinese characters make up a tenth of
// the letters or more (a Chinese text keeps its Latin acronyms, markup and
// URLs; an English policy text has next to no Han characters), else "en".
func DetectLanguage(title string, paras []string) string {
	han, latin := 0, 0
	count := func(s string) {
		for b := 0; b < len(s); {
			// a character of three bytes (most of a Chinese text) read
			// from its bytes, the rest decoded
			r, n := utf8fast.DecodeRune(s[b:])
			b += n
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

// script marks the characters written only in traditional text (+1) and
// only in simplified text (-1), OpenCC's tables as package fold holds
// them, by their place in the ideograph block: IsTraditional reads it at
// every rune of a document's beginning, where a map cost a hash each. It
// is built once, on first use, and only read.
var script = sync.OnceValue(func() *[lastIdeograph - firstIdeograph + 1]int8 {
	var m [lastIdeograph - firstIdeograph + 1]int8
	fold.Scripts(func(r rune, traditional bool) {
		if !isIdeograph(r) {
			return
		}
		if traditional {
			m[r-firstIdeograph] = 1
		} else {
			m[r-firstIdeograph] = -1
		}
	})
	return &m
})

// scriptOf is +1 for a character written only in traditional form, -1
// for one written only in simplified form, else 0.
func scriptOf(tab *[lastIdeograph - firstIdeograph + 1]int8, r rune) int8 {
	if !isIdeograph(r) {
		return 0
	}
	return tab[r-firstIdeograph]
}

// IsTraditional reports a text in traditional characters.
func IsTraditional(paras []string) bool {
	t, s := 0, 0
	seen := 0
	tab := script()
	for _, p := range paras {
		// only ideographs (three bytes) have a script: the rest is
		// counted, not decoded
		for b := 0; b < len(p); seen++ {
			if !utf8fast.ThreeByte(p[b:]) {
				b += utf8fast.RuneSize(p[b:])
				continue
			}
			r := rune(p[b]&0x0f)<<12 | rune(p[b+1]&0x3f)<<6 | rune(p[b+2]&0x3f)
			b += 3
			switch scriptOf(tab, r) {
			case 1:
				t++
			case -1:
				s++
			}
		}
		if seen > 20000 {
			break
		}
	}
	return t > s && t >= 3
}
