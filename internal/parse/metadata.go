package parse

import (
	"regexp"
	"strings"
)

// Metadata lines of news feeds: recognised paragraphs are moved out of the
// body into the document's metadata.
var (
	reOrigTitle = regexp.MustCompile(`^原标题[：:]\s*(.+?)(?:\s+来源[：:]\s*(.+))?$`)
	reSource    = regexp.MustCompile(`^(?:来源|稿源|消息来源)[：:]\s*(.+)$`)
	reWeChat    = regexp.MustCompile(`^.{1,40}微信(?:公号|公众号)$`)
	reEditor    = regexp.MustCompile(`^(?:责任编辑|责编)[：:]\s*([^\s（(]+)`)
	reAuthor    = regexp.MustCompile(`^[（(]?(?:作者|文)[：:／/|｜]\s*([^\s（()）]+)`)
	reByline    = regexp.MustCompile(`^[（(]?[\p{Han}A-Za-z0-9.（）()]{0,24}(?:记者|编辑|校对|实习生|通讯员)[\s　：:]*[\p{Han}·]{2,4}`)
	reDrop      = regexp.MustCompile(`^(?:封面图片来源|图片来源|图源|校对|审核|监制|值班编辑)[：:]`)
	reBylineWho = regexp.MustCompile(`(?:记者|作者)[\s　：:]*([\p{Han}·]{2,4})`)
)

// takeMetadata moves metadata paragraphs of a news body into d and returns
// the paragraphs that remain. Only short lines qualify: a long paragraph
// that mentions 记者 is body text.
func takeMetadata(d *Document, paras []string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if !moveMetadata(d, p) {
			out = append(out, p)
		}
	}
	return out
}

func moveMetadata(d *Document, p string) bool {
	n := len([]rune(p))
	if m := reOrigTitle.FindStringSubmatch(p); m != nil {
		d.OriginalTitle = strings.TrimSpace(m[1])
		if m[2] != "" && d.Source == "" {
			d.Source = strings.TrimSpace(m[2])
		}
		return true
	}
	if m := reEditor.FindStringSubmatch(p); m != nil && n < 40 {
		d.Editor = m[1]
		return true
	}
	if n > 60 || strings.ContainsAny(p, "。，；") {
		return false
	}
	if m := reSource.FindStringSubmatch(p); m != nil {
		if d.Source == "" {
			d.Source = strings.TrimSpace(m[1])
		}
		return true
	}
	if reWeChat.MatchString(p) {
		if d.Source == "" {
			d.Source = p
		}
		return true
	}
	if reDrop.MatchString(p) {
		return true
	}
	if m := reAuthor.FindStringSubmatch(p); m != nil {
		if d.Author == "" {
			d.Author = m[1]
		}
		return true
	}
	if reByline.MatchString(p) {
		if m := reBylineWho.FindStringSubmatch(p); m != nil && d.Author == "" {
			d.Author = m[1]
		}
		return true
	}
	return false
}
