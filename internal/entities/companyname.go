package entities

import (
	"strings"

	"github.com/policylens/policylens/internal/segment"
)

// companyStart reaches further left for a company's name than the nouns
// before its ending do: the segmenter cuts unknown trade names into
// single characters, verbs and adverbs (宁夏 苏融/x 达/v 化工 有限公司, 共享/v
// 装备 股份有限公司, 大同/d 秦淮 数据 有限公司). It goes over proper nouns,
// unknown words and single characters that are no function words, takes a
// place it meets as the name's first word and stops there, and takes a
// verb or adverb of two characters only where a clause or list begins
// before it (，共享装备…, 和大同秦淮…), so that 签约, 成立 stay out.
func (x *extractor) companyStart(p *segment.Paragraph, k, start int) int {
	if first := x.tokenAt(p, start); first != nil && (first.POS == "ns" || x.isPlace(first.Text)) {
		return start // the name begins at a place already
	}
	best, end := start, p.Tokens[k].Start
	for j := k - 1; j >= 0; j-- {
		u := p.Tokens[j]
		if u.Start >= start {
			continue // the nouns already taken
		}
		if u.End != start {
			break
		}
		n := u.End - u.Start
		if end-u.Start > 16 || u.POS == "w" || joiners[u.Text] || funcPOS(u.POS) || oneCharVerbs[u.Text] {
			break
		}
		if x.isPlace(u.Text) || u.POS == "ns" {
			return u.Start
		}
		start = u.Start
		switch {
		case n == 1, nounLike(u.POS), u.POS == "nr" || u.POS == "nz":
			best = start
		case (strings.HasPrefix(u.POS, "v") || u.POS == "d" || u.POS == "a") && n == 2 && clauseStart(p, j):
			return start
		default:
			return best
		}
	}
	return best
}

// clauseStart says that token j begins a clause or a list item: the
// paragraph's start, punctuation or a joiner before it.
func clauseStart(p *segment.Paragraph, j int) bool {
	if j == 0 {
		return true
	}
	prev := p.Tokens[j-1]
	return prev.POS == "w" || joiners[prev.Text] || funcPOS(prev.POS)
}

func funcPOS(pos string) bool {
	switch pos {
	case "p", "c", "u", "r", "m", "q", "uj", "ul", "uz", "ug", "ud", "uv", "y", "e":
		return true
	}
	return false
}

// oneCharVerbs link a clause to a name; they never start one.
var oneCharVerbs = map[string]bool{"是": true, "有": true, "为": true, "被": true, "让": true, "使": true, "将": true,
	"把": true, "向": true, "对": true, "从": true, "由": true, "在": true, "经": true, "据": true, "称": true, "和": true, "与": true}

// isPlace says that w is a place of the lexicon.
func (x *extractor) isPlace(w string) bool {
	_, ok := x.lookup(w, "location")
	return ok
}

// tokenAt is the token of p that starts at rune i, if any.
func (x *extractor) tokenAt(p *segment.Paragraph, i int) *segment.Token {
	for j := range p.Tokens {
		if p.Tokens[j].Start == i {
			return &p.Tokens[j]
		}
	}
	return nil
}

// brokers finds securities firms named without a company ending (国盛证券,
// 东兴证券, 中原证券): a place or proper noun of two or three characters, then
// 证券 as a word of its own that no noun continues (证券市场, 证券投资 are the
// trade, not a firm).
func (x *extractor) brokers(p *segment.Paragraph, pi int) {
	for k := 1; k < len(p.Tokens); k++ {
		t, u := p.Tokens[k], p.Tokens[k-1]
		if t.Text != "证券" || u.End != t.Start || u.End-u.Start < 2 || u.End-u.Start > 3 {
			continue
		}
		switch u.POS {
		case "ns", "nz", "nr", "nt", "x", "j":
		default:
			continue
		}
		if k+1 < len(p.Tokens) && nounLike(p.Tokens[k+1].POS) && p.Tokens[k+1].POS != "x" ||
			strings.ContainsAny(u.Text, "该此其各本每这那时") {
			continue // 证券市场; 时该证券: a pronoun, no name
		}
		name := string(p.Runes[u.Start:t.End])
		x.c.add(mention{typ: "organization", key: name, surface: name, para: pi, start: u.Start, end: t.End, evidence: "rule:broker", prio: 1})
	}
}
