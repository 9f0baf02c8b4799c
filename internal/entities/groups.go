package entities

import (
	"strings"

	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// groupEnds end the names of coordinating bodies, whose names carry a whole
// task between the body or place that sets them up and their ending
// (国务院 + 根治拖欠农民工工资工作 + 领导小组办公室, 杭州市 + 房地产市场平稳健康发展 +
// 领导小组办公室, 国务院 + 职业教育工作 + 部际联席会议): too long, and too full of
// verbs, for the body runs of the name model.
var groupEnds = []string{"领导小组办公室", "领导小组", "部际联席会议办公室", "部际联席会议", "联席会议办公室"}

// groups finds those bodies: the ending, and before it at most 24
// characters of words that hold no punctuation or function word, back to
// the start of a known body or place.
func (x *extractor) groups(p *segment.Paragraph, pi int, spans []lexSpan) {
	text := p.Text
	for _, end := range groupEnds {
		for from := 0; ; {
			i := utf8fast.Index(text[from:], end)
			if i < 0 {
				break
			}
			b1 := from + i + len(end)
			from = b1
			if strings.HasSuffix(end, "领导小组") && strings.HasPrefix(text[b1:], "办公室") ||
				strings.HasSuffix(end, "联席会议") && strings.HasPrefix(text[b1:], "办公室") {
				continue // the office is named by the longer ending
			}
			if b0 := x.groupStart(p, spans, b1-len(end)); b0 >= 0 {
				name := text[b0:b1]
				x.c.add(mention{typ: "organization", key: name, surface: name, para: pi, start: x.rune(b0), end: x.rune(b1), evidence: "rule:group", prio: 1})
			}
		}
	}
}

// groupStart walks back from byte b over words with no punctuation or
// function word to the nearest start of a body or place, or -1.
func (x *extractor) groupStart(p *segment.Paragraph, spans []lexSpan, b int) int {
	r := x.rune(b)
	best := -1
	for _, s := range spans {
		if s.typ != "organization" && s.typ != "location" || s.b1 > b || s.b0 <= best {
			continue // the nearest start wins
		}
		if x.plainWords(p, x.rune(s.b1), r) {
			best = s.b0
		}
	}
	return best
}

// plainWords says that runes [i, j) hold no punctuation and no function
// word: one name's words.
func (x *extractor) plainWords(p *segment.Paragraph, i, j int) bool {
	if j-i > 24 {
		return false
	}
	for k := i; k < j; k++ {
		if isPunct(p.Runes[k]) {
			return false
		}
		if t := x.tokAt[k]; t > 0 {
			tok := p.Tokens[t-1]
			if funcPOS(tok.POS) || joiners[tok.Text] {
				return false
			}
		}
	}
	return true
}
