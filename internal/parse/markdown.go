package parse

import (
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/lexicons"
)

var (
	reMdLink   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reMdStrong = regexp.MustCompile(`\*\*([^*\n]+?)\*\*`)
	reMdStar   = regexp.MustCompile(`\*([^*\n]+?)\*`)
	// Underscores emphasise only at word boundaries (CommonMark): the `_` in
	// `procurement_workforce` or `snake_case` is text.
	reMdUnder = regexp.MustCompile(`(^|[^\p{L}\p{N}_])(?:__|_)([^_\n]+?)(?:__|_)($|[^\p{L}\p{N}_])`)
	// reMdBreak turns line breaks and block tags written in HTML into white
	// space, so that `Burwell<br />Director` does not glue two words.
	reMdBreak    = regexp.MustCompile(`(?i)<br\s*/?>|</?(?:p|div|li|ul|ol|h[1-6]|tr|td|th|blockquote)(?:\s[^>]*)?>`)
	reHTMLTag    = regexp.MustCompile(`</?[A-Za-z][^>]*(?:>|$)|<!--.*?-->`)
	reKramdown   = regexp.MustCompile(`\{:[^}]*\}`)
	reFootRef    = regexp.MustCompile(`\[\^\d+\]:?`)
	reHeading    = regexp.MustCompile(`^#{1,6}\s+`)
	reListMark   = regexp.MustCompile(`^(?:[-*+]|\d+\.)\s+`)
	reFileDate   = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})`)
	reSummaryDay = regexp.MustCompile(`^\*\*Date:\*\*\s*(.+)$`)
	reSignature  = regexp.MustCompile(`^(?:[A-Z][A-Za-z]*\.EPS|THE WHITE HOUSE,?)$`)
	// footers of Federal Register conversions
	reFooter = regexp.MustCompile(`^(?:[A-Z]+\.EPS|THE WHITE HOUSE,?|\[FR Doc\.|Filed \d|Billing code|\*Filed by |\(Presidential Sig\.\))`)
)

// parseMarkdown reads Markdown: optional front matter, the first heading as
// title, one paragraph per line (law articles and order sections are written
// one per line). The law texts' header before `<!-- INFO END -->` gives the
// title, and its adoption lines stay text; the Federal Register summary
// before the first `---` rule is metadata.
func parseMarkdown(d *Document, text string, openers map[string]bool) error {
	head, body, hasFM, err := splitFrontMatter(text)
	if err != nil {
		return err
	}
	if hasFM {
		frontMatterInto(d, head)
	}
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	m := mdLines{d: d, infoEnd: indexLine(lines, "<!-- INFO END -->"), sumEnd: -1, openers: openers}
	if s := indexLine(lines, "## Summary"); m.infoEnd < 0 && s >= 0 {
		m.sumEnd = indexLineFrom(lines, "---", s)
	}
	m.para = func(p string) error { d.Paragraphs = append(d.Paragraphs, p); return nil }
	for i, l := range lines {
		m.take(i, l)
	}
	return m.flush()
}

// frontMatterInto takes a document's metadata from its front matter.
func frontMatterInto(d *Document, head string) {
	fm := parseFrontMatter(head)
	d.Title, d.Author = fm.Title, fm.Author
	d.Categories = fm.Categories
	d.Date = normalizeDate(fm.Date, false)
}

// mdLines turns the lines of a Markdown body, given one after the other,
// into paragraphs: parseMarkdown gives it the lines of a whole text, the
// stream (stream.go) those it reads. Where the law header and the summary
// end must be known beforehand (infoEnd, sumEnd: line numbers, -1 for
// none); then soft wraps are joined (wrap) and each line is
// cleaned, until an order's signature ends the text.
type mdLines struct {
	d               *Document
	infoEnd, sumEnd int
	para            func(string) error
	pending         string // the line soft wraps may still join
	hasPending      bool
	inComment, done bool
	openers         map[string]bool // words that open a sentence after U.S.
}

// take reads line i of the body.
func (m *mdLines) take(i int, l string) error {
	switch {
	case m.infoEnd >= 0 && i < m.infoEnd:
		// the header's lines after the title stay text: the adoption line
		// (…常务委员会第二十九次会议通过) names the meeting and the date
		if strings.HasPrefix(l, "# ") {
			if m.d.Title == "" {
				m.d.Title = strings.TrimSpace(l[2:])
			}
			return nil
		}
	case i == m.infoEnd:
		return nil
	case m.infoEnd < 0 && i < m.sumEnd:
		m.summaryLine(l)
		return nil
	case m.infoEnd < 0 && i == m.sumEnd:
		return nil
	}
	return m.wrap(l)
}

// summaryLine takes the title, date and source of a Federal Register
// summary.
func (m *mdLines) summaryLine(l string) {
	d := m.d
	if strings.HasPrefix(l, "# ") && d.Title == "" {
		d.Title = cleanMarkdown(l[2:])
	}
	if s := reSummaryDay.FindStringSubmatch(strings.TrimSpace(l)); s != nil && d.Date == "" {
		d.Date = normalizeDate(s[1], false)
	}
	if strings.HasPrefix(strings.TrimSpace(l), "- [") && d.Source == "" {
		d.Source = cleanMarkdown(strings.TrimPrefix(strings.TrimSpace(l), "- "))
	}
}

// wrap joins the lines of one English paragraph that a converter
// wrapped (the Federal Register texts break a line around an italic
// *Federal Register*): a line that ends in a space, or in a letter or comma
// before a line that opens in lower case, goes on in the next line, as in
// Markdown. Chinese lines, headings and list items stay lines of their own.
// It holds each line until the next shows whether it goes on.
func (m *mdLines) wrap(l string) error {
	if m.hasPending && strings.TrimSpace(l) == "" && citationBreak(m.pending) {
		return nil // the paragraph goes on after the blank line: 5 U.S.C. | App.)
	}
	if m.hasPending && softWrap(m.pending, l, m.openers) {
		m.pending = strings.TrimRight(m.pending, " ") + " " + strings.TrimSpace(l)
		return nil
	}
	if m.hasPending {
		if err := m.line(m.pending); err != nil {
			return err
		}
	}
	m.pending, m.hasPending = l, true
	return nil
}

// flush reads the last line held for soft wraps.
func (m *mdLines) flush() error {
	if !m.hasPending {
		return nil
	}
	m.hasPending = false
	return m.line(m.pending)
}

// line cleans one (joined) line into a paragraph.
func (m *mdLines) line(l string) error {
	if m.done {
		return nil
	}
	t := strings.TrimSpace(l)
	if m.inComment {
		if strings.Contains(t, "-->") {
			m.inComment = false
		}
		return nil
	}
	if strings.HasPrefix(t, "<!--") && !strings.Contains(t, "-->") {
		m.inComment = true
		return nil
	}
	if reSignature.MatchString(t) {
		m.done = true // the signature block ends an order; the rest is filing data
		return nil
	}
	if t == "---" || t == "***" || reFooter.MatchString(t) {
		return nil
	}
	isHeading := reHeading.MatchString(t)
	p := cleanMarkdown(t)
	if p == "" {
		return nil
	}
	if isHeading && strings.HasPrefix(t, "# ") && m.d.Title == "" {
		m.d.Title = p
	}
	return m.para(p)
}

// reCitationEnd is a line that ends inside a citation, where no sentence
// ends (5 U.S.C., Circular No.); reCitationGoesOn the line that carries
// it on (App.), A-4, 117-8). The converter of the US orders broke some
// 170 paragraphs of shared/scale there, mostly in the advisory-committee
// clause (…Act, as amended (5 U.S.C. | App.), may apply…).
var (
	reCitationEnd    = regexp.MustCompile(`\b(?:U\.S\.C|Nos?|Pub)\.$`)
	reCitationGoesOn = regexp.MustCompile(`^(?:App\.|[A-Z]?-?\d|[a-z])`)
)

func citationBreak(prev string) bool {
	p := strings.TrimSpace(prev)
	return reCitationEnd.MatchString(p) || strings.HasSuffix(p, "U.S.")
}

// goesOnAfter reports the line that carries on a line broken inside a
// citation. After U.S. it is a name's next word (U.S. | Postal Service,
// Government, Customs: 225 breaks in shared/scale, none where a sentence
// ended), not a word that opens a sentence.
func goesOnAfter(prev, next string, openers map[string]bool) bool {
	if !strings.HasSuffix(prev, "U.S.") || reCitationEnd.MatchString(prev) {
		return reCitationGoesOn.MatchString(next)
	}
	w, _, _ := strings.Cut(next, " ")
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && !openers[strings.TrimRight(w, ",")]
}

// builtinOpeners reads lexicons/openers.en.txt once, through the reader
// that loads every lexicon file, so it holds the rows a lexicon set does.
var builtinOpeners = sync.OnceValue(func() map[string]bool {
	rows, _ := lexicon.ReadRows(lexicons.FS, "openers.en.txt") // embedded and tested: no error
	out := make(map[string]bool, len(rows))
	for _, r := range rows {
		out[r.Fields[0]] = true
	}
	return out
})

// openers is o.Openers, or the built-in list.
func (o Options) openers() map[string]bool {
	if o.Openers != nil {
		return o.Openers
	}
	return builtinOpeners()
}

func softWrap(prev, next string, openers map[string]bool) bool {
	p, n := strings.TrimSpace(prev), strings.TrimSpace(next)
	if citationBreak(p) && goesOnAfter(p, n, openers) {
		return true
	}
	if p == "" || n == "" || strings.HasPrefix(p, "#") || strings.HasPrefix(n, "#") || reListMark.MatchString(n) || strings.HasPrefix(n, "(") || strings.HasPrefix(n, "<") {
		return false
	}
	last, first := p[len(p)-1], n[0]
	if !isASCIILetter(last) && last != ',' {
		return false
	}
	return strings.HasSuffix(prev, " ") && (isASCIILetter(first) || numberGoesOn(n)) || first >= 'a' && first <= 'z'
}

// numberGoesOn reports a line that opens with a number that is no list
// mark: after a line ending in a space, `section ` | `1 of this order`.
func numberGoesOn(n string) bool {
	i := 0
	for i < len(n) && n[i] >= '0' && n[i] <= '9' {
		i++
	}
	return i > 0 && (i == len(n) || n[i] != '.' && n[i] != ')')
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// cleanMarkdown strips inline Markdown and HTML, keeping the text.
func cleanMarkdown(s string) string {
	s = strings.TrimSpace(s)
	if h := reHeading.ReplaceAllString(s, ""); h != s {
		s = h // a heading keeps its number: `## 2. Scope` is not a list item
	} else {
		s = reListMark.ReplaceAllString(s, "")
	}
	// each rule runs only where its characters occur: law texts are mostly
	// plain lines, and regexps over them were a tenth of the analysis
	if strings.Contains(s, "](") {
		s = reMdLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = reMdBreak.ReplaceAllString(s, "\n")
		s = reHTMLTag.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "*") {
		s = reMdStrong.ReplaceAllString(s, "$1")
		s = reMdStar.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "_") {
		for range 2 { // twice: adjacent spans share the character between them
			s = reMdUnder.ReplaceAllString(s, "$1$2$3")
		}
	}
	if strings.Contains(s, "{:") {
		s = reKramdown.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "[^") {
		s = reFootRef.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return cleanSpace(s)
}

func indexLine(lines []string, want string) int { return indexLineFrom(lines, want, 0) }

func indexLineFrom(lines []string, want string, from int) int {
	for i := from; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == want {
			return i
		}
	}
	return -1
}

// parseText reads plain text: a paragraph per non-empty line.
func parseText(d *Document, text string) error {
	d.Paragraphs = splitLines(text)
	return nil
}

func splitLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if p := cleanSpace(l); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// dateFromName takes a date written in a file name such as
// `安全生产法(2021-06-10).md` or `eo-2023-05-09-….md`.
func dateFromName(name string, zh bool) string {
	if m := reFileDate.FindString(name); m != "" {
		return normalizeDate(m, zh)
	}
	return ""
}
