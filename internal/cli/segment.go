package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/entities"
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
	seg := segment.New(lex, segment.Options{TagEnglish: o.tagEnglish})
	inputs, _, errs := analyze.Inputs(args)
	failed := reportInputs(s.Err, o.format, errs)
	var docs []segmentedDoc
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := o.segmentFile(ctx, s.In, seg, lex, in.Path)
		if _, bad := reportResult(s.Err, o.format, analyze.Result{Name: in.Path, Err: err}); bad {
			failed++
		}
		if err == nil {
			docs = append(docs, d)
		}
	}
	err = withOutput(s.Out, o.output, func(w io.Writer) error { return writeSegmented(w, o, docs) })
	if err != nil {
		return err
	}
	return finish(failed)
}

// segmentFile reads, parses and segments one file (- is standard input).
func (o *segmentOptions) segmentFile(ctx context.Context, stdin io.Reader, seg *segment.Segmenter, lex *lexicon.Set, path string) (segmentedDoc, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, o.maxBytes+1))
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return segmentedDoc{}, err
	}
	if o.maxBytes > 0 && int64(len(data)) > o.maxBytes {
		return segmentedDoc{}, fmt.Errorf("larger than --max-bytes %d", o.maxBytes)
	}
	d, err := parse.Parse(path, data, parse.Options{Format: o.inputFormat, JSONL: o.jsonl, MaxBytes: o.maxBytes})
	if err != nil {
		return segmentedDoc{}, err
	}
	doc, err := seg.SegmentContext(ctx, o.lang, d.Title, d.Paragraphs)
	if err != nil {
		return segmentedDoc{}, err
	}
	ents := entities.Extract(doc, lex, entities.Meta{Date: d.Date, Title: d.Title, DocNumber: d.DocNumber, Format: d.Format})
	return segmentedOf(path, doc, ents), nil
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

func writeSegmented(w io.Writer, o *segmentOptions, docs []segmentedDoc) error {
	if o.format == "json" {
		if len(docs) == 1 {
			return reports.WriteJSON(w, docs[0])
		}
		return reports.WriteJSON(w, docs)
	}
	// plain lines, not a table: a table would cut a paragraph's tokens to
	// its column, and the tokens are the point
	var b strings.Builder
	for _, d := range docs {
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
	}
	_, err := io.WriteString(w, b.String())
	return err
}
