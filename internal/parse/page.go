package parse

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	reDocNumber = regexp.MustCompile(`[\p{Han}]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号`)
	reLabel     = regexp.MustCompile(`^([\p{Han}\s　]{2,8})[：:]$`)
)

// parseHTMLPage reads an article page: the metadata table where there is
// one, the title, and the main text found by text density.
func parseHTMLPage(d *Document, text string) error {
	root, err := parseTree(text)
	if err != nil {
		return err
	}
	meta := metadataTable(root)
	d.Title = firstNonEmpty(meta["标题"], titleOf(root))
	d.Issuer = meta["发文机关"]
	d.DocNumber = meta["发文字号"]
	d.Date = normalizeDate(firstNonEmpty(meta["发布日期"], meta["成文日期"]), true)
	best := densest(root)
	if best == nil {
		best = root
	}
	paras := dropTitleLines(takeMetadata(d, bodyParagraphs(textBlocks(best))), d.Title)
	d.Paragraphs = paras
	if d.DocNumber == "" {
		for _, p := range paras[:min(len(paras), 6)] {
			if m := reDocNumber.FindString(p); m != "" && len([]rune(p)) < 30 {
				d.DocNumber = m
				break
			}
		}
	}
	return nil
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

func titleOf(root *html.Node) string {
	var title, h1 string
	walkElements(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Title:
			if title == "" {
				title = cleanSpace(nodeText(n))
			}
		case atom.H1:
			if h1 == "" {
				h1 = cleanSpace(nodeText(n))
			}
		}
		return true
	})
	return firstNonEmpty(h1, title)
}

// metadataTable reads label/value cell pairs (`发文机关：` | `国务院`).
func metadataTable(root *html.Node) map[string]string {
	meta := map[string]string{}
	walkElements(root, func(n *html.Node) bool {
		if n.DataAtom != atom.Tr {
			return true
		}
		var cells []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				cells = append(cells, cleanSpace(nodeText(c)))
			}
		}
		for i := 0; i+1 < len(cells); i++ {
			if m := reLabel.FindStringSubmatch(cells[i]); m != nil {
				key := strings.Map(func(r rune) rune {
					if r == ' ' || r == '　' {
						return -1
					}
					return r
				}, m[1])
				if _, seen := meta[key]; !seen {
					meta[key] = cells[i+1]
				}
				i++
			}
		}
		return true
	})
	return meta
}

// densest picks the element holding most of the page's running text:
// each text block credits its parent fully and its grandparent by half
// (the readability heuristic), links count against it.
func densest(root *html.Node) *html.Node {
	score := map[*html.Node]float64{}
	walkElements(root, func(n *html.Node) bool {
		if isBoiler(n) {
			return false
		}
		switch n.DataAtom {
		case atom.P, atom.Td, atom.Pre, atom.Div, atom.Section, atom.Li:
		default:
			return true
		}
		own, links := directText(n)
		if own < 10 {
			return true
		}
		s := float64(own-links) + float64(strings.Count(nodeTextShallow(n), "，")+strings.Count(nodeTextShallow(n), "。"))
		if p := n.Parent; p != nil {
			score[p] += s
			if g := p.Parent; g != nil {
				score[g] += s / 2
			}
		}
		if n.DataAtom != atom.P {
			score[n] += s
		}
		return true
	})
	var best *html.Node
	bestScore := 0.0
	for n, s := range score {
		id := strings.ToLower(attr(n, "id") + " " + attr(n, "class"))
		if strings.Contains(id, "content") || strings.Contains(id, "article") {
			s *= 1.25
		}
		if s > bestScore || (s == bestScore && best != nil && depthOf(n) > depthOf(best)) {
			best, bestScore = n, s
		}
	}
	return best
}

func depthOf(n *html.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// directText counts the runes of text in n outside nested block elements,
// and how many of them sit in links.
func directText(n *html.Node) (own, links int) {
	var walk func(n *html.Node, inLink bool, depth int)
	walk = func(n *html.Node, inLink bool, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				k := len([]rune(strings.TrimSpace(c.Data)))
				own += k
				if inLink {
					links += k
				}
			case html.ElementNode:
				if isBoiler(c) || (blockTags[c.DataAtom] && c.DataAtom != atom.Br) || depth > maxDepth {
					continue
				}
				walk(c, inLink || c.DataAtom == atom.A, depth+1)
			}
		}
	}
	walk(n, false, 0)
	return
}

func nodeTextShallow(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		} else if c.Type == html.ElementNode && !blockTags[c.DataAtom] {
			b.WriteString(nodeText(c))
		}
	}
	return b.String()
}

// nodeText is all text below n, boilerplate excluded.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && n.DataAtom != atom.Title && isBoiler(n) || depth > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// walkElements visits element nodes in document order, iteratively so that
// deep nesting cannot exhaust the stack; visit returns false to skip a subtree.
func walkElements(root *html.Node, visit func(*html.Node) bool) {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && !visit(n) {
			continue
		}
		var kids []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}

// dropTitleLines removes the leading paragraphs that repeat the title, which
// official pages often set in two or three centred lines.
func dropTitleLines(paras []string, title string) []string {
	title = strings.ReplaceAll(title, " ", "")
	joined := ""
	for i, p := range paras {
		joined += strings.ReplaceAll(p, " ", "")
		if title == "" || !strings.HasPrefix(title, joined) {
			// Only a whole repetition of the title is dropped: lines that
			// merely start like it (an issuer line 国务院 before 国务院关于…)
			// are text.
			return paras
		}
		if joined == title {
			return paras[i+1:]
		}
	}
	return paras
}
