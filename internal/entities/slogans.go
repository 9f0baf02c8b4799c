package entities

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/segment"
)

// A policy slogan that no lexicon lists has a telling shape: a quoted run
// of parallel phrases (“一处违法、处处受限”, “谁办案、谁录入、谁负责”,
// “统一指挥、专常兼备、反应灵敏、上下联动”) is a formula even when each phrase
// is a verb phrase, which a single quoted phrase is not (ANNOTATION.md:
// fixed policy formulas). Tried and left out: a one-by-one formula written
// plainly (一河一策): three more terms on the train split, three false ones
// on the test split.
var reQuotedList = regexp.MustCompile(`“([^“”\n]{3,40})”`)

// slogans adds the parallel quoted slogans of a Chinese paragraph.
func (x *extractor) slogans(p *segment.Paragraph, add addFunc) {
	text := p.Text
	for _, m := range findAllSubmatch(reQuotedList, text, "“") {
		inner := text[m[2]:m[3]]
		if parallel(inner) && !x.allTerms(inner) {
			add("term", inner, "", m[2], m[3], "rule:quoted-slogan", 1)
		}
	}
}

// parallel says that s is two or more phrases of one length joined by 、
// (守信光荣、失信可耻; 装、树、联), none longer than six characters, all Han.
func parallel(s string) bool {
	parts := strings.Split(s, "、")
	if len(parts) < 2 {
		return false
	}
	n := utf8.RuneCountInString(parts[0])
	for _, part := range parts {
		if utf8.RuneCountInString(part) != n || n > 6 || !allHanString(part) {
			return false
		}
	}
	return true
}
