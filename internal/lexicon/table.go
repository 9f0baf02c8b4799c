package lexicon

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"
)

// Spec describes one lexicon file: its name and its columns.
type Spec struct {
	Name    string
	Columns []string
	Doc     string
}

// Specs lists every lexicon file a user may add to, in load order.
var Specs = []Spec{
	{"organizations.zh.tsv", []string{"canonical", "aliases", "kind"}, "named bodies with abbreviations"},
	{"organizations.en.tsv", []string{"canonical", "aliases", "kind"}, "named bodies with abbreviations"},
	{"locations.zh.tsv", []string{"name", "level", "aliases"}, "places"},
	{"locations.en.tsv", []string{"name", "level", "aliases"}, "places"},
	{"laws.zh.tsv", []string{"name", "aliases"}, "laws and regulations"},
	{"events.zh.tsv", []string{"name", "aliases"}, "named meetings and campaigns"},
	{"terms.zh.tsv", []string{"term", "aliases"}, "policy formulas"},
	{"titles.zh.txt", []string{"title"}, "official titles"},
	{"titles.en.txt", []string{"title"}, "official titles"},
	{"surnames.zh.txt", []string{"surname"}, "Chinese surnames"},
	{"addressees.zh.txt", []string{"addressee"}, "collective addressees of directives"},
	{"addressees.en.txt", []string{"addressee"}, "collective addressees of directives"},
	{"markers.zh.tsv", []string{"marker", "force", "kind"}, "directive force markers"},
	{"markers.en.tsv", []string{"marker", "force", "kind"}, "directive force markers"},
	{"falsefriends.zh.txt", []string{"word"}, "words that contain a marker but are none"},
	{"frames.zh.tsv", []string{"frame", "kind"}, "frame verbs"},
	{"clauses.zh.tsv", []string{"cue", "kind"}, "clause cues: conditions, facts, opinion speakers"},
	{"namecues.zh.txt", []string{"cue"}, "words that may follow a person's name"},
	{"orgsuffixes.zh.tsv", []string{"suffix", "kind"}, "endings of organization names"},
	{"stopwords.zh.txt", []string{"word"}, "stop words"},
	{"stopwords.en.txt", []string{"word"}, "stop words"},
	{"generic.zh.txt", []string{"word"}, "generic policy verbs and nouns that are never keywords"},
	{"idf.zh.tsv", []string{"term", "idf"}, "inverse document frequency from policy text"},
	{"idf.en.tsv", []string{"term", "idf"}, "inverse document frequency from policy text"},
	{"userdict.zh.tsv", []string{"word", "freq", "pos"}, "words added to the segmentation dictionary"},
}

// SpecOf returns the spec of a file name.
func SpecOf(name string) (Spec, bool) {
	for _, s := range Specs {
		if s.Name == name {
			return s, true
		}
	}
	return Spec{}, false
}

// Problem is one defect of a lexicon file, with its position.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) Error() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg) }

// ProblemList collects problems, sorted by file and line, like go/scanner.ErrorList.
type ProblemList []Problem

func (l ProblemList) Error() string {
	var b strings.Builder
	for i, p := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Sort orders the problems by file and line.
func (l ProblemList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

// Row is one data line of a lexicon file.
type Row struct {
	Line   int
	Fields []string
}

// readTable parses a lexicon file: `#` comments, blank lines, a header row
// naming spec's columns, then tab-separated rows (trailing optional columns
// may be left out).
func readTable(fsys fs.FS, name, shown string, spec Spec) ([]Row, ProblemList) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, ProblemList{{shown, 0, err.Error()}}
	}
	return parseTable(data, shown, spec)
}

func parseTable(data []byte, shown string, spec Spec) ([]Row, ProblemList) {
	var rows []Row
	var probs ProblemList
	if !utf8.Valid(data) {
		return nil, ProblemList{{shown, 0, "not UTF-8 text"}}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	header := false
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		fields := strings.Split(t, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if !header {
			header = true
			if strings.Join(fields, "\t") != strings.Join(spec.Columns, "\t") {
				probs = append(probs, Problem{shown, line, fmt.Sprintf("header %q, want %q", strings.Join(fields, " "), strings.Join(spec.Columns, " "))})
			}
			continue
		}
		if len(fields) > len(spec.Columns) {
			probs = append(probs, Problem{shown, line, fmt.Sprintf("%d columns, want at most %d (tab-separated: %s)", len(fields), len(spec.Columns), strings.Join(spec.Columns, ", "))})
			continue
		}
		if fields[0] == "" {
			probs = append(probs, Problem{shown, line, "empty first column"})
			continue
		}
		for len(fields) < len(spec.Columns) {
			fields = append(fields, "")
		}
		rows = append(rows, Row{line, fields})
	}
	if err := sc.Err(); err != nil {
		probs = append(probs, Problem{shown, line, err.Error()})
	}
	if !header {
		probs = append(probs, Problem{shown, 0, "no header row"})
	}
	return rows, probs
}

// splitAlt splits a `|`-separated column.
func splitAlt(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}
