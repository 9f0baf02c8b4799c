package segment

import "strings"

// Chinese sentence and clause punctuation.
const (
	zhSentenceEnd = "。！？；!?"
	zhClauseEnd   = "，：,:"
	closers       = "”’」』）)》〉】\"'"
)

// splitZh splits a paragraph into sentences at 。！？； and ellipses (the
// closing quotes and brackets that follow stay with the sentence) and each
// sentence into clauses at ，and ：, never inside 《》 or （）.
func splitZh(runes []rune) []Sentence {
	var out []Sentence
	start := 0
	var clauses []Clause
	cstart := 0
	depth := 0
	addClause := func(end int, delim rune) {
		if s, e := trimSpan(runes, cstart, end); e > s {
			clauses = append(clauses, Clause{Span{s, e}, delim})
		}
	}
	endSentence := func(end int) {
		addClause(end, 0)
		if s, e := trimSpan(runes, start, end); e > s {
			out = append(out, Sentence{Span{s, e}, clauses})
		}
		clauses = nil
		start, cstart = end, end
	}
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if isIdeograph(r) {
			continue // most runes: neither punctuation nor a bracket
		}
		switch r {
		case '《', '（', '(', '〈':
			depth++
			continue
		case '》', '）', ')', '〉':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 {
			continue
		}
		isEllipsis := r == '…' || (r == '.' && i+2 < len(runes) && runes[i+1] == '.' && runes[i+2] == '.')
		if strings.ContainsRune(zhSentenceEnd, r) || isEllipsis {
			j := i + 1
			for j < len(runes) && (runes[j] == r || runes[j] == '…' || runes[j] == '.' && isEllipsis) {
				j++
			}
			for j < len(runes) && strings.ContainsRune(closers, runes[j]) {
				j++
			}
			// the clause ends before the punctuation; the sentence keeps it
			addClause(i, r)
			cstart = j
			if s, e := trimSpan(runes, start, j); e > s {
				out = append(out, Sentence{Span{s, e}, clauses})
			}
			clauses = nil
			start, cstart = j, j
			i = j - 1
			continue
		}
		if strings.ContainsRune(zhClauseEnd, r) && !thousands(runes, i) {
			addClause(i, r)
			cstart = i + 1
		}
	}
	if start < len(runes) {
		endSentence(len(runes))
	}
	return out
}

// thousands reports a comma that groups the digits of a number
// (62，000万吨, 1,000 in older texts): one to three digits before it,
// exactly three after it. The clause goes on.
func thousands(runes []rune, i int) bool {
	if runes[i] != '，' && runes[i] != ',' || i == 0 || !isDigit(runes[i-1]) || i+3 >= len(runes) {
		return false
	}
	for k := i + 1; k <= i+3; k++ {
		if !isDigit(runes[k]) {
			return false
		}
	}
	j := i - 1
	for j > 0 && isDigit(runes[j-1]) {
		j--
	}
	if i-j > 3 {
		return false // 截至2019，100家: a year, then a count
	}
	return i+4 == len(runes) || !isDigit(runes[i+4])
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// trimSpan narrows [s,e) past white space.
func trimSpan(runes []rune, s, e int) (int, int) {
	for s < e && isSpace(runes[s]) {
		s++
	}
	for e > s && isSpace(runes[e-1]) {
		e--
	}
	return s, e
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
}
