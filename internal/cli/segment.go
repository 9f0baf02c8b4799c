package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/fetch"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/reports"
)

// segmentOptions are the flags of `policylens segment`.
type segmentOptions struct {
	analyzeOptions
}

func newSegmentCmd(s Streams) *cobra.Command {
	o := &segmentOptions{}
	cmd := &cobra.Command{
		Use:   "segment [flags] PATH...",
		Short: "Tokens with their part-of-speech tags and the entity units, per paragraph (text or JSON)",
		Long: `Segment shows how policylens reads a document: each paragraph's tokens
with their part-of-speech tags (gse's tag set for Chinese, Penn tags for
English with --tag-english) and the entity units found in it, so that an
analyst can see why a keyword or an entity came out, or did not.`,
		Example: `  policylens segment testdata/docs/seed.md
  policylens segment -f json note.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runSegment(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, &o.analyzeOptions)
	addOutputFlags(cmd, &o.analyzeOptions, "text", "text", "json")
	return cmd
}

// segmentedDoc is the JSON of one document.
type segmentedDoc struct {
	Document   string          `json:"document"`
	Language   string          `json:"language"`
	Paragraphs []segmentedPara `json:"paragraphs"`
}

// segmentedPara is one paragraph (-1: the title) with its tokens and units.
type segmentedPara struct {
	Paragraph int             `json:"paragraph"`
	Text      string          `json:"text"`
	Tokens    []segmentToken  `json:"tokens"`
	Units     []segmentedUnit `json:"units"`
}

type segmentToken struct {
	Text  string `json:"text"`
	POS   string `json:"pos"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Stop  bool   `json:"stop,omitempty"`
}

// segmentedUnit is one entity mention, as the entity extractor found it.
type segmentedUnit struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func runSegment(ctx context.Context, s Streams, o *segmentOptions, args []string) error {
	if err := o.checkFormat(); err != nil {
		return err
	}
	lex, err := lexicon.Load(o.lexicons)
	if err != nil {
		return fmt.Errorf("lexicons: %w", err)
	}
	sg := &segmenter{o: o, seg: segment.New(lex, segment.Options{TagEnglish: o.tagEnglish}), lex: lex, stdin: s.In}
	inputs, _, errs := analyze.Inputs(args)
	failed := reportInputs(s.Err, o.format, errs)
	err = withOutput(s.Out, o.output, func(w io.Writer) error {
		out := &segmentSink{w: w, json: o.format == "json"}
		for _, in := range inputs {
			if err := ctx.Err(); err != nil {
				return err
			}
			err := sg.file(ctx, in.Path, func(name string, d segmentedDoc, err error) error {
				if _, bad := reportResult(s.Err, o.format, analyze.Result{Name: name, Err: err}); bad {
					failed++
				}
				if err != nil {
					return nil
				}
				return out.add(d)
			})
			if err != nil {
				return err
			}
		}
		return out.close()
	})
	if err != nil {
		return err
	}
	return finish(failed)
}

// segmenter reads, parses and segments the documents of one input.
type segmenter struct {
	o     *segmentOptions
	seg   *segment.Segmenter
	lex   *lexicon.Set
	stdin io.Reader
}

// emit takes each document of an input, or the error of a document or a
// record; an error it returns (writing failed) ends the command.
type emit func(name string, d segmentedDoc, err error) error

// file segments one file (- is standard input): each record of a JSONL
// corpus is a document of its own, named path#id as analyze names it.
func (g *segmenter) file(ctx context.Context, path string, out emit) error {
	if fetch.IsURL(path) {
		return g.url(ctx, path, out)
	}
	r, closeIn, err := g.open(path)
	if err != nil {
		return out(path, segmentedDoc{}, err)
	}
	defer closeIn()
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	format := g.o.inputFormat
	if format == "" {
		format = parse.Detect(path, head)
	}
	if format == parse.FormatJSONL {
		return g.jsonl(ctx, br, path, out)
	}
	data, err := io.ReadAll(io.LimitReader(br, g.o.maxBytes+1))
	if err == nil && int64(len(data)) > g.o.maxBytes {
		err = fmt.Errorf("larger than --max-bytes %d", g.o.maxBytes)
	}
	if err != nil {
		return out(path, segmentedDoc{}, err)
	}
	return g.parsed(ctx, path, path, data, out)
}

// parsed parses the bytes of one document (file, the name that tells its
// format) and segments it under name.
func (g *segmenter) parsed(ctx context.Context, name, file string, data []byte, out emit) error {
	d, err := parse.Parse(file, data, parse.Options{Format: g.o.inputFormat, JSONL: g.o.jsonl, MaxBytes: g.o.maxBytes, Openers: g.lex.OpenersEN})
	if err != nil {
		return out(name, segmentedDoc{}, err)
	}
	sd, err := g.document(ctx, name, d)
	return out(name, sd, err)
}

// url downloads a page or attachment within --max-bytes, as analyze does,
// and segments it under the URL's name.
func (g *segmenter) url(ctx context.Context, u string, out emit) error {
	doc, err := fetch.Get(ctx, u, fetch.Options{MaxBytes: g.o.maxBytes})
	if err != nil {
		return out(u, segmentedDoc{}, err)
	}
	return g.parsed(ctx, u, doc.Name, doc.Data, out)
}

// open opens a file, or standard input for -.
func (g *segmenter) open(path string) (io.Reader, func(), error) {
	if path == "-" {
		return g.stdin, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// jsonl segments the records of a JSONL corpus one at a time; a bad
// record is reported by its line, and the others go on.
func (g *segmenter) jsonl(ctx context.Context, r io.Reader, path string, out emit) error {
	var werr error
	err := parse.ReadJSONL(r, path, g.o.jsonl, g.o.maxBytes, func(d *parse.Document, err error) bool {
		name := path
		var re *parse.RecordError
		switch {
		case errors.As(err, &re):
			name, err = fmt.Sprintf("%s:%d", path, re.Line), re.Err
		case err == nil:
			name = d.ID
		}
		var sd segmentedDoc
		if err == nil {
			sd, err = g.document(ctx, name, d)
		}
		werr = out(name, sd, err)
		return werr == nil && ctx.Err() == nil
	})
	if werr != nil {
		return werr
	}
	if err != nil {
		return out(path, segmentedDoc{}, err)
	}
	return ctx.Err()
}

// document segments one parsed document and finds its entity units.
func (g *segmenter) document(ctx context.Context, name string, d *parse.Document) (segmentedDoc, error) {
	doc, err := g.seg.SegmentContext(ctx, g.o.lang, d.Title, d.Paragraphs)
	if err != nil {
		return segmentedDoc{}, err
	}
	ents := entities.Extract(doc, g.lex, entities.Meta{Date: d.Date, Title: d.Title, DocNumber: d.DocNumber, Format: d.Format})
	return segmentedOf(name, doc, ents), nil
}

// segmentedOf lays out a segmented document with its entity mentions.
func segmentedOf(name string, doc *segment.Doc, ents []entities.Entity) segmentedDoc {
	out := segmentedDoc{Document: name, Language: doc.Lang}
	units := map[int][]segmentedUnit{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			units[m.Paragraph] = append(units[m.Paragraph], segmentedUnit{e.Type, m.Surface, m.Start, m.End})
		}
	}
	add := func(i int, p *segment.Paragraph) {
		sp := segmentedPara{Paragraph: i, Text: p.Text, Tokens: []segmentToken{}, Units: append([]segmentedUnit{}, units[i]...)}
		sort.SliceStable(sp.Units, func(a, b int) bool { return sp.Units[a].Start < sp.Units[b].Start })
		for _, t := range p.Tokens {
			sp.Tokens = append(sp.Tokens, segmentToken{t.Text, t.POS, t.Start, t.End, t.Stop})
		}
		out.Paragraphs = append(out.Paragraphs, sp)
	}
	if doc.Title.Text != "" {
		add(-1, &doc.Title)
	}
	for i := range doc.Paragraphs {
		add(i, &doc.Paragraphs[i])
	}
	return out
}

// segmentSink writes each document as it is segmented, so that a corpus
// is never held whole: JSON is one object for one document and an array
// for several (the first is held until it is known which), text is one
// block a document.
type segmentSink struct {
	w     io.Writer
	json  bool
	n     int
	first *segmentedDoc
	arr   *reports.JSONArray
}

func (k *segmentSink) add(d segmentedDoc) error {
	k.n++
	if !k.json {
		return writeSegmentedText(k.w, d)
	}
	switch k.n {
	case 1:
		k.first = &d
		return nil
	case 2:
		k.arr = reports.NewJSONArray(k.w)
		if err := k.arr.Add(k.first); err != nil {
			return err
		}
		k.first = nil
	}
	return k.arr.Add(d)
}

func (k *segmentSink) close() error {
	switch {
	case !k.json:
		return nil
	case k.n == 0:
		_, err := io.WriteString(k.w, "[]\n")
		return err
	case k.n == 1:
		return reports.WriteJSON(k.w, k.first)
	}
	return k.arr.Close()
}

// writeSegmentedText writes one document as plain lines, not a table: a
// table would cut a paragraph's tokens to its column, and the tokens are
// the point.
func writeSegmentedText(w io.Writer, d segmentedDoc) error {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s (%s)\n", reports.Printable(d.Document), d.Language)
	for _, p := range d.Paragraphs {
		toks := make([]string, len(p.Tokens))
		for i, t := range p.Tokens {
			toks[i] = t.Text + "/" + t.POS
		}
		fmt.Fprintf(&b, "¶%d  %s\n", p.Paragraph, reports.Printable(strings.Join(toks, " ")))
		for _, u := range p.Units {
			fmt.Fprintf(&b, "    %s %s [%d,%d)\n", u.Type, reports.Printable(u.Text), u.Start, u.End)
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
