package parse

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flatDepth caps the nesting of the fallback tree built by shallowTree.
const flatDepth = 256

// parseTree parses an HTML page or fragment. golang.org/x/net/html refuses
// pages nested deeper than 512 elements ("open stack of elements exceeds 512
// nodes") and returns no tree at all; such pages (unclosed <font> or <div>
// runs in feeds) would lose all their text, so they are rebuilt by
// shallowTree instead, where deeper elements are flattened into their
// ancestor at flatDepth, as the walks in blocks.go expect.
func parseTree(text string) (*html.Node, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err == nil {
		return root, nil
	}
	if !strings.Contains(err.Error(), "open stack of elements") {
		return nil, err
	}
	return shallowTree(text), nil
}

// voidTags never have children or an end tag.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// shallowTree builds a tree from the tokens without the HTML5 tree-building
// rules: elements open past flatDepth are dropped (their text is kept) and an
// end tag closes the nearest open element of its name.
func shallowTree(text string) *html.Node {
	doc := &html.Node{Type: html.DocumentNode}
	stack := []*html.Node{doc}
	dropped := map[string]int{}
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return doc
		}
		tok := z.Token()
		top := stack[len(stack)-1]
		switch tt {
		case html.TextToken:
			top.AppendChild(&html.Node{Type: html.TextNode, Data: tok.Data})
		case html.CommentToken:
			top.AppendChild(&html.Node{Type: html.CommentNode, Data: tok.Data})
		case html.StartTagToken, html.SelfClosingTagToken:
			n := &html.Node{Type: html.ElementNode, Data: tok.Data, DataAtom: tok.DataAtom, Attr: tok.Attr}
			switch {
			case tt == html.SelfClosingTagToken || voidTags[tok.DataAtom]:
				top.AppendChild(n)
			case len(stack) > flatDepth:
				dropped[tok.Data]++
			default:
				top.AppendChild(n)
				stack = append(stack, n)
			}
		case html.EndTagToken:
			if dropped[tok.Data] > 0 {
				dropped[tok.Data]--
				continue
			}
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].Data == tok.Data {
					stack = stack[:i]
					break
				}
			}
		}
	}
}
