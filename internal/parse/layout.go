package parse

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A run is a piece of text placed on a page, as fixed-layout formats (PDF,
// OFD) store it: a box in page units with y growing downwards.
type run struct {
	Text                     string
	Left, Top, Right, Bottom float64
}

// A page of a fixed-layout document.
type layoutPage struct {
	Height float64
	Runs   []run
}

// A line is the runs that share a baseline, left to right.
type line struct {
	run
	page int
}

func (l line) height() float64 { return l.Bottom - l.Top }

// layoutParagraphs turns the pages of a fixed-layout document into
// paragraphs in reading order: runs become lines, running heads, feet and
// page numbers go, and lines join into paragraphs, across pages too.
func layoutParagraphs(pages []layoutPage) []string {
	var lines [][]line
	for i, p := range pages {
		lines = append(lines, pageLines(p, i))
	}
	body := dropRunningLines(lines, pages)
	return joinLines(body)
}

// pageLines groups a page's runs into lines. Runs come in the order the
// file draws them, which is the reading order of a line: a run joins the
// current line while its vertical middle stays within the line's height
// (a comma's box sits low, a quote's high) and it does not go back to the
// left. Lines are then sorted top to bottom.
func pageLines(p layoutPage, page int) []line {
	var out []line
	var cur []run
	flush := func() {
		if len(cur) > 0 {
			if l := mergeRuns(cur); strings.TrimSpace(l.Text) != "" {
				out = append(out, line{run: l, page: page})
			}
		}
		cur = nil
	}
	var top, bottom, right float64
	for _, r := range p.Runs {
		if strings.TrimSpace(r.Text) == "" { // spaces: text, but their boxes mean nothing
			if len(cur) > 0 && r.Text != "" {
				cur = append(cur, r)
			}
			continue
		}
		if r.Bottom <= r.Top {
			continue
		}
		h := bottom - top
		mid := (r.Top + r.Bottom) / 2
		if len(cur) > 0 && (mid < top-h/4 || mid > bottom+h/4 || r.Left < right-2*h) {
			flush()
		}
		if len(cur) == 0 {
			top, bottom, right = r.Top, r.Bottom, r.Right
		}
		cur = append(cur, r)
		if strings.TrimSpace(r.Text) != "" {
			top, bottom, right = min(top, r.Top), max(bottom, r.Bottom), max(right, r.Right)
		}
	}
	flush()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Top < out[j].Top-0.5*out[i].height() })
	return out
}

// mergeRuns joins the runs of one line left to right; a gap wider than a
// third of the line's height between two Latin words becomes a space, and
// so does one wider than two Chinese characters between any two pieces:
// fields set apart on one line, as an official document's imprint line
// (its issuing office at the left, 印发 and the date at the right).
func mergeRuns(rs []run) run {
	out := rs[0]
	var b strings.Builder
	b.WriteString(rs[0].Text)
	for _, r := range rs[1:] {
		gap, h := r.Left-out.Right, out.Bottom-out.Top
		if strings.TrimSpace(r.Text) != "" && ((gap > h/3 && needsSpace(b.String(), r.Text)) || (gap > 2*h && !endsInSpace(b.String()))) {
			b.WriteByte(' ')
		}
		b.WriteString(r.Text)
		if strings.TrimSpace(r.Text) != "" { // spaces may carry odd boxes
			out.Left, out.Right = min(out.Left, r.Left), max(out.Right, r.Right)
			out.Top, out.Bottom = min(out.Top, r.Top), max(out.Bottom, r.Bottom)
		}
	}
	out.Text = strings.TrimSpace(b.String())
	return out
}

func endsInSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// needsSpace tells whether two pieces of text need a space between them:
// not after or before Chinese, nor where one is already there.
func needsSpace(before, after string) bool {
	a, _ := utf8.DecodeLastRuneInString(before)
	b, _ := utf8.DecodeRuneInString(after)
	if unicode.IsSpace(a) || unicode.IsSpace(b) {
		return false
	}
	return !isWide(a) && !isWide(b)
}

// isWide reports CJK characters and full-width punctuation, which are
// written without spaces between them.
func isWide(r rune) bool {
	return isCJK(r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

// rePageNumber matches the page numbers printed in running heads and feet:
// 3, - 3 -, —3—, 第3页, 第 3 页 共 10 页, 3/10, Page 3 of 10.
var rePageNumber = regexp.MustCompile(`^(?i:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|page\s+\d+(\s+of\s+\d+)?)$`)

var reDigits = regexp.MustCompile(`\d+`)

// dropRunningLines removes page numbers and the lines that repeat at the
// top or bottom of most pages (running heads and feet: a title, a date, a
// URL), looking only at the outer tenth of each page.
func dropRunningLines(pages [][]line, sizes []layoutPage) []line {
	seen := map[string]int{}
	for i, ls := range pages {
		keys := map[string]bool{}
		for _, l := range ls {
			if inMargin(l, sizes[i].Height) {
				keys[runningKey(l.Text)] = true
			}
		}
		for k := range keys {
			seen[k]++
		}
	}
	var out []line
	for i, ls := range pages {
		for k, l := range ls {
			h := sizes[i].Height
			if inMargin(l, h) && (len(pages) > 1 && seen[runningKey(l.Text)]*2 > len(pages)) {
				continue
			}
			if rePageNumber.MatchString(l.Text) && (inMargin(l, h) || pageNumberPlace(ls, k, h)) {
				continue
			}
			out = append(out, l)
		}
	}
	return out
}

// pageNumberPlace tells whether line k of a page (lines sorted top to
// bottom) stands where a page number is printed beyond the outer tenth:
// the last line in the bottom fifth, or the first in the top fifth. A
// Chinese official document (GB/T 9704) prints "— 1 —" 7 mm under a text
// area that ends 35 mm above the foot of an A4 page, 26–31 mm from it:
// within the fifth, just outside the tenth.
func pageNumberPlace(ls []line, k int, height float64) bool {
	l := ls[k]
	return height > 0 && ((k == len(ls)-1 && l.Top > height*0.8) || (k == 0 && l.Bottom < height*0.2))
}

func inMargin(l line, height float64) bool {
	return height > 0 && (l.Bottom < height*0.1 || l.Top > height*0.9)
}

// runningKey is a line with its numbers masked: "3/10" and "4/10" are the
// same running foot.
func runningKey(s string) string { return reDigits.ReplaceAllString(s, "#") }

// joinLines joins lines into paragraphs. A line starts a paragraph when it
// is indented past the body's left edge, when the line before it stopped
// well short of the right edge, or after a gap wider than the usual one.
func joinLines(lines []line) []string {
	if len(lines) == 0 {
		return nil
	}
	body := bodyBox(lines)
	var paras []string
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && startsParagraph(lines[i-1], l, body) {
			paras = appendPara(paras, b.String())
			b.Reset()
		}
		joinText(&b, l.Text)
	}
	return appendPara(paras, b.String())
}

func appendPara(paras []string, p string) []string {
	if p = strings.TrimSpace(p); p != "" {
		paras = append(paras, p)
	}
	return paras
}

// startsParagraph tells whether l begins a paragraph after prev: it is
// indented past prev (a first-line indent, a heading, a list item), prev
// ended short of the right edge by more than l's first word would have
// needed, prev was a centred heading, or more space lies between them than
// between the lines of a paragraph. The space is measured against the
// usual gap, not the line height alone: boxes as tall as the font's ascent
// and descent (PDFium's loose boxes, OFD's boundaries) nearly touch inside
// a paragraph, glyphs' own boxes leave a third of a line between.
func startsParagraph(prev, l line, b body) bool {
	h := b.h
	switch {
	case l.Left > prev.Left+h:
		return true
	case b.right-prev.Right > firstWordWidth(l)+h/2:
		return true
	case b.right-prev.Right > h/2 && endsChineseSentence(prev.Text):
		return true
	case prev.Left > b.left+h*4 && prev.page == l.page:
		return true
	case l.page == prev.page && l.Top-prev.Bottom > b.gap+h/2:
		return true
	}
	return false
}

// endsChineseSentence reports a line that ends a Chinese sentence. Such a
// line with room left for half a character ends its paragraph: inside a
// paragraph a line is cut where the next character no longer fits, and
// a full stop at that point rarely leaves room.
func endsChineseSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；：", r)
}

// firstWordWidth estimates how wide the first word of a line is: one
// character for Chinese, the letters up to the first space for English.
func firstWordWidth(l line) float64 {
	n := utf8.RuneCountInString(l.Text)
	if n == 0 {
		return 0
	}
	per := (l.Right - l.Left) / float64(n)
	word := 0
	for _, r := range l.Text {
		if unicode.IsSpace(r) || (word > 0 && isWide(r)) {
			break
		}
		word++
	}
	return per * float64(max(word, 1))
}

// joinText appends a line to a paragraph: Chinese joins as it is, English
// with a space, and a word broken by a hyphen at the line's end is mended.
func joinText(b *strings.Builder, s string) {
	cur := b.String()
	if cur == "" {
		b.WriteString(s)
		return
	}
	if strings.HasSuffix(cur, "-") && len(cur) > 1 {
		r, _ := utf8.DecodeLastRuneInString(cur[:len(cur)-1])
		n, _ := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) && unicode.IsLower(n) {
			b.Reset()
			b.WriteString(cur[:len(cur)-1])
			b.WriteString(s)
			return
		}
	}
	if needsSpace(cur, s) {
		b.WriteByte(' ')
	}
	b.WriteString(s)
}

// body is the geometry of a document's body text.
type body struct {
	left, right float64 // the edges of full lines
	h           float64 // the usual line height
	gap         float64 // the usual space between a line and the next
}

// bodyBox finds the body text's left and right edges, the usual line
// height and the gap between two lines of a paragraph. The left edge is
// a low percentile of the lines' left edges, not the most common one: in
// a law most paragraphs are one or two lines, so indented first lines can
// outnumber the others. The right edge is the one most full lines reach.
// The gap is a low percentile too: where most paragraphs are one line
// long, the usual gap is the one between paragraphs.
func bodyBox(lines []line) body {
	var lefts, heights, rights, gaps []float64
	for i, l := range lines {
		lefts = append(lefts, l.Left)
		heights = append(heights, l.height())
		rights = append(rights, l.Right)
		if i > 0 && lines[i-1].page == l.page {
			gaps = append(gaps, l.Top-lines[i-1].Bottom)
		}
	}
	h := median(heights)
	return body{left: percentile(lefts, 10) + h*0.2, right: percentile(rights, 75), h: h, gap: max(percentile(gaps, 10), 0)}
}

// percentile is the p-th percentile of xs (sorted in place), 0 for none.
func percentile(xs []float64, p int) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	return xs[len(xs)*p/100]
}

func median(xs []float64) float64 { return percentile(xs, 50) }
