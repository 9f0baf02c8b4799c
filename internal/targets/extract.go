package targets

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/segment"
)

var (
	// a number with its unit and an optional trailing qualifier
	reZhValue = regexp.MustCompile(`(约|力争|不低于|不超过|不少于|不高于|超过|达到|控制在|保持在|稳定在|低于|高于)?(\d{1,3}(?:[，,]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(` + longestFirst(zhUnits) + `)(左右|以上|以下|以内|上下)?`)
	reYear    = regexp.MustCompile(`(?:到|至|在)?(\d{4})年(?:底|末)?(?:前)?`)
	// a plan's marker or a budget's aggregate: what a report arranges for the year
	rePlan    = regexp.MustCompile(`拟|预期目标|目标|支出规模|赤字规模`)
	rePast    = regexp.MustCompile(`了|同比|比上年|比去年|上年|去年|环比|已经|已|完成了|实现了|累计`)
	reEnValue = regexp.MustCompile(`(?i)\b(at least|no less than|no more than|not more than|not less than|up to|approximately|about|more than|less than|below|above)\s+(\d+(?:\.\d+)?)\s*(percent|%|million|billion|days|years)`)
	zhUnits   = []string{"%", "％", "个百分点", "万亿元", "亿元", "万元", "元", "万亿", "亿", "万人次", "万人", "万户", "万套", "万吨", "亿吨", "万亩", "亿亩", "万亿斤", "亿斤", "万千瓦", "千瓦", "公里", "千米", "人", "户", "所", "个", "家", "倍", "年", "天", "小时", "岁", "辆"}
	zhQual    = map[string]bool{"约": true, "力争": true, "不低于": true, "不超过": true, "不少于": true, "不高于": true, "左右": true, "以上": true, "以下": true, "以内": true, "上下": true, "控制在": true, "达到": true, "保持在": true, "稳定在": true}
)

// thousandsSep removes the commas that group a value's digits.
var thousandsSep = strings.NewReplacer("，", "", ",", "")

// Extract finds the quantified targets of a document: its title's and its
// paragraphs', less a work report's review of the past year (its results
// are statistics, not targets), each indicator once.
func Extract(doc *segment.Doc) []Target {
	out := sentenceTargets(doc, &doc.Title, -1)
	review := false
	for pi := range doc.Paragraphs {
		p := &doc.Paragraphs[pi]
		if t := strings.TrimSpace(p.Text); reHeading.MatchString(t) {
			review = strings.Contains(t, "回顾") // 一、2024年工作回顾 … 二、2025年经济社会发展总体要求
		}
		if review {
			continue
		}
		out = append(out, sentenceTargets(doc, p, pi)...)
	}
	return FirstPerIndicator(out)
}

var reHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、)`)

func sentenceTargets(doc *segment.Doc, p *segment.Paragraph, pi int) []Target {
	var out []Target
	for _, s := range p.Sentences {
		sent := p.Slice(s.Span)
		year := ""
		if !strings.ContainsAny(sent, "0123456789") {
			continue
		}
		if m := reYear.FindStringSubmatch(sent); m != nil && strings.ContainsAny(sent[:strings.Index(sent, m[0])+len(m[0])], "到至") {
			year = m[1]
		}
		for _, cl := range s.Clauses {
			text := p.Slice(cl.Span)
			if doc.Lang == "en" {
				out = append(out, english(text, pi)...)
				continue
			}
			out = append(out, chinese(text, sent, year, pi)...)
		}
	}
	return out
}

// FirstPerIndicator keeps the first target of each indicator: a report
// states its targets first and repeats them later in its tasks (and a long
// document's windows are merged the same way).
func FirstPerIndicator(ts []Target) []Target {
	seen := map[string]bool{}
	out := ts[:0]
	for _, t := range ts {
		if !seen[t.Indicator] {
			seen[t.Indicator] = true
			out = append(out, t)
		}
	}
	return out
}

// chinese reads targets in one clause: the indicator is the clause up to
// the number (less a leading year), the qualifier the comparator.
func chinese(text, sent, year string, pi int) []Target {
	if !strings.ContainsAny(text, "0123456789") || strings.HasPrefix(text, "截至") {
		return nil // 截至3月底…: a statistic at a date
	}
	plan := rePlan.FindStringIndex(text)
	if k := rePast.FindStringIndex(text); k != nil {
		if plan == nil || plan[0] > k[0] {
			return nil
		}
		text = strings.TrimRight(text[:k[0]], "、，, ") // 赤字率拟按4%左右安排、比上年提高1个百分点: the change is not the target
	}
	var out []Target
	prev := 0
	for _, m := range reZhValue.FindAllStringSubmatchIndex(text, -1) {
		pre, num, unit, post := sub(text, m, 1), text[m[4]:m[5]], text[m[6]:m[7]], sub(text, m, 4)
		qual := post
		if pre != "" && zhQual[pre] {
			qual = strings.TrimSpace(pre + " " + post)
		}
		if qual == "" && plan != nil && text[plan[0]:plan[1]] == "拟" {
			qual = "拟" // 拟发行超长期特别国债1.3万亿元: a fiscal arrangement
		}
		if qual == "" && year == "" && plan == nil && !strings.Contains(sent, "目标") {
			continue // a figure with no comparator and no horizon is a statistic
		}
		indicator := cleanIndicator(text[prev:m[0]])
		if pre != "" && !zhQual[pre] {
			indicator += pre
		}
		if utf8.RuneCountInString(indicator) < 2 || utf8.RuneCountInString(indicator) > 30 {
			prev = m[1]
			continue
		}
		if strings.HasSuffix(indicator, "力争") {
			indicator = strings.TrimSuffix(indicator, "力争")
			qual = strings.TrimSpace("力争 " + qual)
		}
		num = thousandsSep.Replace(num) // 62，000 → 62000: one value however grouped
		out = append(out, Target{Indicator: indicator, Value: num, Unit: unit, Qualifier: qual, Year: year, Text: text, Paragraph: pi})
		prev = m[1]
	}
	return out
}

// cleanIndicator cuts what frames an indicator's name: a year, a lead
// (今年, 主要预期目标是), a plan's verb (拟按…安排, 拟发行) and a trailing
// copula (经济增长预期目标为 → 经济增长).
func cleanIndicator(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(reYear.ReplaceAllString(s, ""), "，、：； ")
	for _, lead := range []string{"今年", "全年", "其中", "力争", "确保", "主要预期目标是", "目标是", "拟按", "拟"} {
		s = strings.TrimPrefix(s, lead)
	}
	for _, tail := range []string{"预期目标为", "预期目标是", "目标为", "拟安排", "拟按", "拟", "为", "是"} {
		s = strings.TrimSuffix(s, tail)
	}
	for _, lead := range []string{"安排", "按"} {
		s = strings.TrimPrefix(s, lead)
	}
	return s
}

func sub(s string, m []int, group int) string {
	if m[2*group] < 0 {
		return ""
	}
	return s[m[2*group]:m[2*group+1]]
}

// english reads "at least 50 percent of X" style targets.
func english(text string, pi int) []Target {
	var out []Target
	for _, m := range reEnValue.FindAllStringSubmatchIndex(text, -1) {
		words := strings.Fields(text[:m[0]])
		if len(words) > 6 {
			words = words[len(words)-6:]
		}
		out = append(out, Target{Indicator: strings.Join(words, " "), Value: text[m[4]:m[5]], Unit: text[m[6]:m[7]],
			Qualifier: strings.ToLower(text[m[2]:m[3]]), Text: text, Paragraph: pi})
	}
	return out
}

// longestFirst makes a regexp alternation that tries longer units first
// (万亿斤 before 万亿).
func longestFirst(xs []string) string {
	ys := append([]string(nil), xs...)
	sort.SliceStable(ys, func(i, j int) bool { return len(ys[i]) > len(ys[j]) })
	for i, y := range ys {
		ys[i] = regexp.QuoteMeta(y)
	}
	return strings.Join(ys, "|")
}
