package analyze

import (
	"bytes"
	"context"
	"runtime"
	"slices"

	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

// analyzeSpilled analyzes a document of several windows with WithSpill:
// its paragraphs go to a spill file at once and are read back a window at
// a time, each window's directives go to another as the window finishes,
// so the memory held is what spans the document.
// The output is the same as analyzeDocument's: document.policy is decided
// on the directives held until it is known (a document is a policy
// document as soon as enough of its directives say so; the rest are not
// kept), and a document that never turns out one keeps, as before, at most
// a few directives, in memory.
func (a *Analyzer) analyzeSpilled(ctx context.Context, d *parse.Document, lang string) (*Analysis, error) {
	defer holdNeed(textBytes(d), spillNeeds(textBytes(d)))()
	sp, err := newSpill(a.cfg.spillDir)
	if err != nil {
		return nil, err
	}
	res := &Analysis{Schema: Schema, Document: documentOf(d, lang)}
	// the text goes to disk at once and comes back a window at a time:
	// from here on, the document's size costs no memory
	trad := lang != "en" && segment.IsTraditional(d.Paragraphs)
	ws := windows(d.Paragraphs, a.cfg.window)
	for _, p := range d.Paragraphs {
		sp.addParagraph(p)
	}
	res.Document.Paragraphs, d.Paragraphs = nil, nil
	// the text (and the input's bytes, let go once parsed) were most of
	// the live heap: collecting now sets the collector's next goal from
	// what is left, instead of letting the heap grow to twice the text
	runtime.GC()
	return a.analyzeFromSpill(ctx, d, lang, trad, ws, sp, res)
}

// analyzeFromSpill analyzes the windows ws of a document whose paragraphs
// are in sp, into res (its Document filled, without paragraphs); it owns
// sp, and closes it on an error.
func (a *Analyzer) analyzeFromSpill(ctx context.Context, d *parse.Document, lang string, trad bool, ws [][2]int, sp *spill, res *Analysis) (_ *Analysis, err error) {
	defer func() {
		if err != nil {
			sp.close()
		}
	}()
	meta := directives.Meta{Issuer: d.Issuer, Title: d.Title, Chars: res.Document.Chars}
	paras, err := sp.paras.reader()
	if err != nil {
		return nil, err
	}
	get := func(w [2]int) ([]string, error) { return paras.strings(w[1] - w[0]) }
	st := &docState{kw: keywords.NewAccumulator(a.lex, lang), intern: map[string]string{}}
	var held []Directive // until the document is known to be a policy document
	policy := false
	var buf bytes.Buffer
	err = a.eachWindow(ctx, d, lang, trad, st, ws, get, func(w [2]int) error {
		for i := range st.directives {
			nonNilLists(&st.directives[i])
			if err := sp.addDirective(&st.directives[i], &buf); err != nil {
				return err
			}
		}
		if !policy {
			held = append(held, st.directives...)
			if policy, _ = directives.Policy(a.rules, meta, lang, slices.Clone(held)); policy {
				held = nil
			}
		}
		st.directives = nil
		return nil
	})
	if err == nil {
		err = sp.finish()
	}
	if err != nil {
		return nil, err
	}
	a.finish(res, st, d, lang)
	res.spill = sp
	res.Document.Policy = policy
	if !policy {
		_, res.Directives = directives.Policy(a.rules, meta, lang, held)
		res.Directives = nonNil(res.Directives)
		sp.dirsOnDisk = false
	}
	return res, nil
}
