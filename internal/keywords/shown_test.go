package keywords_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

// TestShownMatchesAnalyzer checks that the analyzer's default output (what
// score.py scores) holds the first fifteen keywords of Extract, so that the
// recall test measures what the reference scorer measures. Both leave out
// the pieces of the names the entities found, and both show the central
// actors.
func TestShownMatchesAnalyzer(t *testing.T) {
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.New(lex, segment.Options{})
	rules := directives.Compile(lex)
	a, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"seed.md", "zh-news/20210322-34998173986.md"} {
		path := filepath.Join("..", "..", "testdata", "docs", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := a.Analyze(context.Background(), analyze.Source{Name: path, Data: data})
		if err != nil {
			t.Fatal(err)
		}
		d, err := parse.Parse(path, data, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := seg.Segment(d.Language, d.Title, d.Paragraphs)
		if err != nil {
			t.Fatal(err)
		}
		es := entities.Extract(doc, lex, entities.Meta{Date: d.Date, Title: d.Title, DocNumber: d.DocNumber, Format: d.Format})
		meta := directives.Meta{Date: d.Date, Issuer: d.Issuer, Title: d.Title, Format: d.Format, Officials: entities.Officials(nil, es)}
		want := keywords.ExtractCentral(doc, lex, 15, entities.NameForms(es), keywords.ActorsOf(es), keywords.IssuersOf(doc, rules, meta))
		if !reflect.DeepEqual(res.Keywords, want) {
			t.Errorf("%s: the analyzer shows %v, Extract gives %v", name, res.Keywords, want)
		}
	}
}
