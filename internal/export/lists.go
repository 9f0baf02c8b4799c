package export

import (
	"strconv"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// List is one flat table of an export.
type List struct {
	Name    string     // sheet name: documents, keywords, entities, directives, targets
	Header  []string   // column names
	Numeric []int      // columns that hold numbers
	Rows    [][]string // one row per item
}

// Names are the lists an export holds, in sheet order.
var Names = []string{"documents", "keywords", "entities", "directives", "targets"}

// Lists collects the rows of analyses, list by list. The zero value is not
// ready: use New.
type Lists struct {
	lists map[string]*List
}

// New returns empty lists with their headers.
func New() *Lists {
	l := &Lists{lists: map[string]*List{}}
	for _, s := range specs() {
		l.lists[s.Name] = &List{Name: s.Name, Header: s.Header, Numeric: s.Numeric}
	}
	return l
}

func specs() []List {
	doc := []string{"document", "title", "date"}
	return []List{
		{Name: "documents", Header: append(doc, "id", "language", "format", "source", "issuer", "doc_number", "paragraphs", "chars", "keywords", "entities", "directives", "targets"), Numeric: []int{9, 10, 11, 12, 13, 14}},
		{Name: "keywords", Header: append(doc, "rank", "term", "score", "count"), Numeric: []int{3, 5, 6}},
		{Name: "entities", Header: append(doc, "type", "text", "normalized", "titles", "aliases", "count", "first_paragraph"), Numeric: []int{8, 9}},
		{Name: "directives", Header: append(doc, "paragraph", "force", "markers", "issuer", "addressees", "action", "object", "deadline", "deadline_normalized", "article", "text"), Numeric: []int{3}},
		{Name: "targets", Header: append(doc, "paragraph", "indicator", "value", "unit", "qualifier", "year", "text"), Numeric: []int{3}},
	}
}

// List returns the list called name, or nil.
func (l *Lists) List(name string) *List { return l.lists[name] }

// All returns every list in sheet order.
func (l *Lists) All() []*List {
	out := make([]*List, 0, len(Names))
	for _, n := range Names {
		out = append(out, l.lists[n])
	}
	return out
}

// Add appends the rows of one analysis to every list.
func (l *Lists) Add(a *analyze.Analysis) {
	d := a.Document
	doc := []string{PathOf(d), d.Title, dateOf(d.Date)}
	row := func(cells ...string) []string { return append(append([]string(nil), doc...), cells...) }
	l.add("documents", row(d.ID, d.Language, d.Format, d.Source, d.Issuer, d.DocNumber, itoa(len(d.Paragraphs)), itoa(d.Chars),
		itoa(len(a.Keywords)), itoa(len(a.Entities)), itoa(len(a.Directives)), itoa(len(a.Targets))))
	for i, k := range a.Keywords {
		l.add("keywords", row(itoa(i+1), k.Term, strconv.FormatFloat(k.Score, 'f', 3, 64), itoa(k.Count)))
	}
	for _, e := range a.Entities {
		first := ""
		if len(e.Mentions) > 0 {
			first = itoa(e.Mentions[0].Paragraph)
		}
		l.add("entities", row(e.Type, e.Text, e.Normalized, strings.Join(e.Titles, "、"), strings.Join(e.Aliases, "、"), itoa(e.Count), first))
	}
	for _, x := range a.Directives {
		l.add("directives", row(itoa(x.Paragraph), x.Force, strings.Join(x.Markers, " "), x.Issuer, strings.Join(x.Addressees, "、"),
			x.Action, x.Object, x.Deadline, x.DeadlineNormalized, x.Article, x.Text))
	}
	for _, t := range a.Targets {
		l.add("targets", row(itoa(t.Paragraph), t.Indicator, t.Value, t.Unit, t.Qualifier, t.Year, t.Text))
	}
}

func (l *Lists) add(name string, row []string) {
	l.lists[name].Rows = append(l.lists[name].Rows, row)
}

// PathOf names a document by its path, so that rows from several folders
// stay apart; a JSONL record by its file's path and its line (FILE#LINE).
func PathOf(d analyze.Document) string {
	if d.Path == "" {
		return d.ID
	}
	if i := strings.LastIndexByte(d.ID, '#'); i >= 0 {
		return d.Path + d.ID[i:]
	}
	return d.Path
}

// dateOf keeps the day of an RFC 3339 date.
func dateOf(s string) string {
	day, _, _ := strings.Cut(s, "T")
	return day
}

func itoa(n int) string { return strconv.Itoa(n) }
