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
	// reNotWeChat marks body lines that only mention an account: numbered
	// steps and instructions such as `1．关注交通运输部微信公众号`.
	reNotWeChat = regexp.MustCompile(`^(?:[0-9０-９]+|[一二三四五六七八九十]+)[.．、)）]|关注|搜索|扫码|扫描|点击|长按`)
	// reSourceTail finds the credits that follow the outlet on a source line
	// (`来源：光明日报 作者：吴亚琦 图片：新华社等`).
	reSourceTail = regexp.MustCompile(`\s*(?:作者|文|编辑|记者|图片|摄影)[：:／/]\s*([^\s（()）]*)`)
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
		// The outlet may be followed by credits; they are not part of it,
		// and an author named there is the author.
		src := m[1]
		if loc := reSourceTail.FindStringSubmatchIndex(src); loc != nil && loc[0] > 0 {
			if strings.HasPrefix(strings.TrimSpace(src[loc[0]:]), "作者") && d.Author == "" && loc[3] > loc[2] {
				d.Author = src[loc[2]:loc[3]]
			}
			src = src[:loc[0]]
		}
		if d.Source == "" {
			d.Source = strings.TrimSpace(src)
		}
		return true
	}
	if reWeChat.MatchString(p) && !reNotWeChat.MatchString(p) {
		if d.Source == "" {
			d.Source = p
		}
		return true
	}
	if reDrop.MatchString(p) {
		return true
	}
	if m := reAuthor.FindStringSubmatch(p); m != nil {
		who := m[1]
		// `文/北京青年报记者 赵新培`: the first word is the outlet's
		// reporter title; the name follows 记者.
		if strings.HasSuffix(who, "记者") {
			if w := reBylineWho.FindStringSubmatch(p); w != nil {
				who = w[1]
			}
		}
		if d.Author == "" {
			d.Author = who
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
