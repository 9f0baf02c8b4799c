package reports

import (
	"strings"
	"unicode"
)

// lineBreak separates the lines of a cell built with Lines. It is a
// private-use character, so that document text (whose own line breaks
// become spaces) cannot make one by accident.
const lineBreak = "\ue000"

// Lines makes one table cell of several lines (a directive's text, then its
// deadline, addressees and article, each on a line of its own). Empty
// parts are left out.
func Lines(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, lineBreak)
}

// wrapCell wraps each line of a cell to a display width. tablewriter's own
// word wrap breaks only at spaces, and Chinese has none, so lines break
// between Chinese characters, at spaces, or inside a Latin word longer
// than the width; widths are those tablewriter measures (Chinese two
// columns). Closing punctuation (，。) never starts a line.
func wrapCell(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, wrapLine(line, max(width, 2))...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(s string, width int) []string {
	var lines []string
	var cur []string // tokens of the line being filled
	w := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(strings.Join(cur, ""), " "))
		cur, w = nil, 0
	}
	for _, tok := range tokens(s) {
		tw := cond.StringWidth(tok)
		switch {
		case tok == " " && (w == 0 || w+1 > width):
			continue // no space at the start or the end of a line
		case w+tw <= width:
		case closing(tok) && len(cur) > 1: // the character before goes down with it
			last := cur[len(cur)-1]
			cur = cur[:len(cur)-1]
			flush()
			cur, w = []string{last}, cond.StringWidth(last)
		case w > 0:
			flush()
		}
		for tw > width { // a Latin word wider than the column
			head := cond.Truncate(tok, width, "")
			lines = append(lines, head)
			tok = tok[len(head):]
			tw = cond.StringWidth(tok)
		}
		cur = append(cur, tok)
		w += tw
	}
	flush()
	return lines
}

// tokens cuts a line into Latin words, single spaces and single other
// characters (a Chinese character is a place to break).
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		latin := r < 0x2e80 && !unicode.IsSpace(r)
		switch {
		case latin && start < 0:
			start = i
		case latin:
		default:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			if unicode.IsSpace(r) {
				out = append(out, " ")
			} else {
				out = append(out, string(r))
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// closing reports whether a token may not start a line (Chinese closing
// punctuation): the character before it goes to the next line with it.
func closing(tok string) bool {
	return strings.Contains("，。、；：？！）》」』】", tok) && tok != ""
}
