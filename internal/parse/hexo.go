package parse

import (
	"regexp"
	"strings"
)

// parseSinaHexo reads a Hexo post republished from the Sina Finance feed:
// YAML front matter and an HTML body with feed boilerplate.
func parseSinaHexo(d *Document, text string) error {
	head, body, _, err := splitFrontMatter(text)
	if err != nil {
		return err
	}
	fm := parseFrontMatter(head)
	d.Title = fm.Title
	d.Categories = fm.Categories
	d.Date = normalizeDate(fm.Date, true)
	root, err := parseTree(body)
	if err != nil {
		return err
	}
	d.Paragraphs = takeMetadata(d, bodyParagraphs(textBlocks(root)))
	if d.Author == "" && !strings.HasPrefix(fm.Author, "新浪财经") {
		d.Author = fm.Author
	}
	return nil
}

var reRelatedLabel = regexp.MustCompile(`^[【\[]?(?:相关(?:报道|新闻|阅读|链接)|延伸阅读|推荐阅读)[】\]]?[：:]?`)

// bodyParagraphs drops blocks that are navigation rather than text: the
// "related reports" boxes and paragraphs made only of links.
func bodyParagraphs(blocks []block) []string {
	var out []string
	for _, b := range blocks {
		n := len([]rune(b.text))
		if reRelatedLabel.MatchString(b.text) && (b.related || n < 80) {
			continue
		}
		if b.linkText > 0 && b.linkText*10 >= n*8 {
			continue
		}
		out = append(out, b.text)
	}
	return out
}
