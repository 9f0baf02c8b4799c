package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth bounds the walk over pathological nesting; deeper text is still
// collected, flattened into the enclosing block.
const maxDepth = 400

// skipTags never hold body text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Img: true, atom.Video: true, atom.Audio: true, atom.Input: true,
	atom.Label: true, atom.Select: true, atom.Button: true, atom.Svg: true,
	atom.Head: true, atom.Title: true, atom.Object: true, atom.Embed: true,
	atom.Textarea: true, atom.Form: true,
}

// blockTags end the paragraph in progress when they open or close.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true, atom.Blockquote: true,
	atom.Section: true, atom.Article: true, atom.Ul: true, atom.Ol: true, atom.Pre: true,
	atom.Dd: true, atom.Dt: true, atom.Hr: true, atom.Center: true,
}

// boilerClasses mark page furniture: QR codes, image wrappers and captions,
// video players.
var boilerClasses = []string{"appendqr", "app-kaihu-qr", "img_wrapper", "img_descr",
	"artical-player", "video", "a-p-", "share", "comment"}

func isBoiler(n *html.Node) bool {
	if skipTags[n.DataAtom] {
		return true
	}
	class := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(class) == "" {
		return false
	}
	for _, c := range boilerClasses {
		if strings.Contains(class, c) {
			return true
		}
	}
	return attr(n, "style") != "" && strings.Contains(strings.ReplaceAll(attr(n, "style"), " ", ""), "display:none")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// block is one text block of a page with what it is made of.
type block struct {
	text     string
	linkText int  // runes inside links to other pages
	related  bool // inside a "related reports" box
	heading  bool
}

// textBlocks collects the text blocks under n in document order.
func textBlocks(n *html.Node) []block {
	var out []block
	var buf strings.Builder
	var cur block
	flush := func() {
		t := cleanSpace(buf.String())
		buf.Reset()
		if t != "" {
			cur.text = t
			out = append(out, cur)
		}
		cur = block{}
	}
	var walk func(n *html.Node, depth int, inLink, related bool)
	walk = func(n *html.Node, depth int, inLink, related bool) {
		switch n.Type {
		case html.TextNode:
			buf.WriteString(n.Data)
			if inLink {
				cur.linkText += len([]rune(strings.TrimSpace(n.Data)))
			}
			cur.related = cur.related || related
			return
		case html.ElementNode:
			if isBoiler(n) {
				return
			}
			if strings.Contains(attr(n, "class"), "fin_reference") {
				related = true
			}
			if n.DataAtom == atom.A && attr(n, "class") != "keyword" {
				inLink = true
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		isBlock := n.Type == html.ElementNode && blockTags[n.DataAtom] && depth < maxDepth
		if isBlock {
			flush()
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				cur.heading = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1, inLink, related)
		}
		if isBlock {
			flush()
		}
	}
	walk(n, 0, false, false)
	flush()
	return out
}

// cleanSpace folds white space and trims the leading full-width indent. A
// line break of the markup between two Chinese characters is dropped, not
// turned into a space.
func cleanSpace(s string) string {
	if plainLine(s) {
		return strings.Trim(s, " \u3000")
	}
	return cleanSpaceRunes(s)
}

// plainLine reports a line that cleanSpaceRunes would only trim: valid
// UTF-8 (its runes spell it again) without a byte below '!' (spaces,
// breaks, controls) and without the no-break space and the zero-width
// characters it maps. Most lines of a text are such lines, and the rune
// by rune pass cost a decoding, a mapping and an encoding of every rune.
func plainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < '!':
			return false
		case c == 0xc2 && strings.HasPrefix(s[i+1:], "\xa0"),
			c == 0xe2 && (strings.HasPrefix(s[i+1:], "\x80\x8b") || strings.HasPrefix(s[i+1:], "\x80\x8c") ||
				strings.HasPrefix(s[i+1:], "\x80\x8d") || strings.HasPrefix(s[i+1:], "\x81\xa0")),
			c == 0xef && strings.HasPrefix(s[i+1:], "\xbb\xbf"):
			return false
		}
	}
	return utf8.ValidString(s)
}

// cleanSpaceRunes is cleanSpace rune by rune.
func cleanSpaceRunes(s string) string {
	const brk = '\x00'
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\t', '\f', '\v':
			return ' '
		case '\n', '\r':
			return brk
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', 0:
			// zero-width characters (a U+200D sits after 各位代表： in the
			// 2015 work report) are invisible and split words
			return -1
		}
		return r
	}, s)
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != ' ' && r != brk {
			out = append(out, r)
			continue
		}
		j, hasBreak := i, false
		for j < len(rs) && (rs[j] == ' ' || rs[j] == brk) {
			hasBreak = hasBreak || rs[j] == brk
			j++
		}
		prevCJK := len(out) > 0 && isCJK(out[len(out)-1])
		nextCJK := j < len(rs) && isCJK(rs[j])
		if len(out) > 0 && j < len(rs) && (!hasBreak || !(prevCJK && nextCJK)) {
			out = append(out, ' ')
		}
		i = j - 1
	}
	return strings.Trim(string(out), " \u3000")
}

// isCJK reports Han characters and CJK punctuation.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
