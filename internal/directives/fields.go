package directives

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
)

var (
	reZhDeadline = regexp.MustCompile(`(?:(?:自|从|于|到|至|截至|在)?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:起|前|之前|以前)?)|(?:(?:到|至|于|在)?(\d{4})年(?:底|末|年底|年末)?(?:前|之前|以前)?)|(?:(?:本|今)?年(?:底|内)前?)|(?:自(?:公布|发布|印发|施行)之日起)|(?:[\d一二三四五六七八九十两]+个?(?:工作日|日|天|月|个月|年|周)内)|(?:(明年|今年|本年)?(\d{1,2})月(?:底|末)(?:前|之前|以前)?)`)
	reEnDeadline = regexp.MustCompile(`(?i)(?:within (\w+)(?: \((\d+)\))? (day|month|year)s? (?:of|after|from) the date of this (?:order|memorandum|proclamation)|(?:no later than|not later than|by|before|until) ((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}))`)
)

// deadlineZh finds a deadline in a clause and resolves it against the
// document date (ISO 8601).
func deadlineZh(text string, docDate time.Time) (string, string) {
	if !hasAny(text, "年月日内") || !hasAny(text, "起前底末内到至") {
		return "", "" // every match kept below holds one of the second set (至 of 截至)
	}
	for _, m := range reZhDeadline.FindAllStringSubmatch(text, -1) {
		s := m[0]
		if !hasAny(s, "起前底末内") && !strings.HasPrefix(s, "到") && !strings.HasPrefix(s, "至") && !strings.HasPrefix(s, "截至") {
			continue // a plain date is a time, not a deadline
		}
		switch {
		case m[2] != "":
			y := docDate.Year()
			if m[1] != "" {
				y, _ = strconv.Atoi(m[1])
			}
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if docDate.IsZero() && m[1] == "" {
				return s, ""
			}
			return s, fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
		case m[4] != "":
			if hasAny(s, "底末") {
				return s, m[4] + "-12-31"
			}
			return s, m[4]
		case strings.Contains(s, "年底") || strings.Contains(s, "年内"):
			if docDate.IsZero() {
				return s, ""
			}
			return s, fmt.Sprintf("%04d-12-31", docDate.Year())
		case m[6] != "": // 6月底前, 明年6月底前: the month's last day
			if docDate.IsZero() {
				return s, ""
			}
			y := docDate.Year()
			if m[5] == "明年" {
				y++
			}
			mo, _ := strconv.Atoi(m[6])
			if mo < 1 || mo > 12 {
				return s, ""
			}
			return s, time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		case strings.HasPrefix(s, "自"):
			if docDate.IsZero() {
				return s, ""
			}
			return s, docDate.Format("2006-01-02")
		default:
			return s, ""
		}
	}
	return "", ""
}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "five": 5, "seven": 7, "ten": 10, "fifteen": 15, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90, "120": 120, "180": 180, "thirty-day": 30}

// deadlineEn finds an English deadline: within N days of the date of this
// order, no later than a date.
func deadlineEn(text string, docDate time.Time) (string, string) {
	m := reEnDeadline.FindStringSubmatch(text)
	if m == nil {
		return "", ""
	}
	if m[4] != "" {
		t, err := time.Parse("January 2, 2006", m[4])
		if err != nil {
			return m[0], ""
		}
		return m[0], t.Format("2006-01-02")
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		n, err = strconv.Atoi(m[1])
	}
	if err != nil {
		n = numberWords[strings.ToLower(m[1])]
	}
	if n == 0 || docDate.IsZero() {
		return m[0], ""
	}
	switch strings.ToLower(m[3]) {
	case "day":
		return m[0], docDate.AddDate(0, 0, n).Format("2006-01-02")
	case "month":
		return m[0], docDate.AddDate(0, n, 0).Format("2006-01-02")
	default:
		return m[0], docDate.AddDate(n, 0, 0).Format("2006-01-02")
	}
}

// addresseesIn lists the collective addressees and bodies named before the
// first marker of a clause (its subject).
func addresseesIn(lex *lexicon.Set, subject string) []string {
	var out []string
	b := 0
	for b < len(subject) {
		n, v := lex.Surface.Longest(subject[b:])
		if n > 0 {
			for _, e := range lex.Groups[v] {
				t := lex.Entries[e].Type
				if t == lexicon.Addressee || t == lexicon.Organization {
					out = append(out, subject[b:b+n])
					break
				}
			}
			b += n
			continue
		}
		_, size := utf8.DecodeRuneInString(subject[b:])
		b += size
	}
	return out
}

// actionObject splits a clause at its main verb: the first verb after the
// markers that is not an adverb of manner (深入, 大力); the object is what
// follows it.
func actionObject(u unit, after int, manner map[string]bool) (string, string) {
	for i, tk := range u.toks {
		if tk.Start-u.span.Start < after || !(strings.HasPrefix(tk.POS, "v") || tk.POS == "i" || tk.POS == "l" || tk.POS == "zg") || manner[tk.Text] && i+1 < len(u.toks) ||
			tk.POS == "zg" && utf8.RuneCountInString(tk.Text) == 1 { // 在三个月内完成: 内 ends a time, it is no act
			continue
		}
		obj := ""
		if i+1 < len(u.toks) {
			obj = strings.TrimSpace(u.text[runeOffset(u.runes, u.toks[i+1].Start-u.span.Start):]) // u.text spells u.runes
		}
		return tk.Text, strings.Trim(obj, "，。；、 ")
	}
	return "", ""
}

func parseDate(s string) time.Time {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	return time.Time{}
}
