package analyze

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/targets"
	"github.com/policylens/policylens/internal/utf8fast"
)

// DefaultMaxBytes is the largest input accepted unless WithMaxBytes says otherwise.
const DefaultMaxBytes = 50 << 20

type config struct {
	lexiconDirs []string
	dirModel    string // a directive model's weights file in place of the built-in one
	language    string
	keywords    int
	format      string
	jsonl       parse.JSONLFields
	maxBytes    int64
	jobs        int
	tagEnglish  bool
	explain     bool            // fill directives[].why
	minConf     float64         // drop directives the model is less sure of
	only        map[string]bool // extractors to run; nil means all
	window      int             // runes per window of a long document (windowRunes)
	spill       bool            // keep a long document's paragraphs and directives on disk
	spillDir    string
	terms       bool // keep the paragraphs' content words (WithParagraphTerms)
}

// Option configures an Analyzer.
type Option func(*config)

// WithDirectiveModel weighs directives with the weights file at path (as
// `go run ./internal/directives/train -out FILE` writes, from labels of
// one's own) in place of the built-in model.
func WithDirectiveModel(path string) Option {
	return func(c *config) { c.dirModel = path }
}

// WithLexiconDirs adds the lexicon files of the given folders to the built-in ones.
func WithLexiconDirs(dirs ...string) Option {
	return func(c *config) { c.lexiconDirs = append(c.lexiconDirs, dirs...) }
}

// WithLanguage forces the language ("zh" or "en") instead of detecting it.
func WithLanguage(lang string) Option { return func(c *config) { c.language = lang } }

// WithKeywords sets how many keywords to keep (default 15, as many as
// the reference scorer reads).
func WithKeywords(n int) Option { return func(c *config) { c.keywords = n } }

// WithInputFormat forces an input format instead of detecting it.
func WithInputFormat(f string) Option { return func(c *config) { c.format = f } }

// WithJSONLFields names the fields of JSONL records.
func WithJSONLFields(f parse.JSONLFields) Option { return func(c *config) { c.jsonl = f } }

// WithMaxBytes refuses inputs larger than n bytes (default 50 MB).
func WithMaxBytes(n int64) Option { return func(c *config) { c.maxBytes = n } }

// WithJobs sets the number of concurrent workers of a batch (default: CPUs).
func WithJobs(n int) Option { return func(c *config) { c.jobs = n } }

// WithExtractors runs only the named extractors ("keywords", "entities",
// "directives", "targets"), none when no name is given; the others' lists
// stay empty. Unknown names are an error of New.
func WithExtractors(names ...string) Option {
	return func(c *config) {
		if c.only == nil {
			c.only = map[string]bool{}
		}
		for _, n := range names {
			c.only[n] = true
		}
	}
}

// Extractors lists the names WithExtractors accepts.
var Extractors = []string{"keywords", "entities", "directives", "targets"}

func (c *config) runs(name string) bool { return c.only == nil || c.only[name] }

// WithExplain fills each directive's Why: the model's confidence and the
// features that weighed most.
func WithExplain(on bool) Option { return func(c *config) { c.explain = on } }

// WithMinConfidence keeps only the directives whose confidence (the
// model's probability; 1 where rules alone decide) is at least p.
func WithMinConfidence(p float64) Option { return func(c *config) { c.minConf = p } }

// WithEnglishTagging runs prose's part-of-speech tagger on English text.
func WithEnglishTagging(on bool) Option { return func(c *config) { c.tagEnglish = on } }

// Analyzer analyzes documents. It is safe for concurrent use: the
// lexicons, dictionaries and models it holds are built once and only read.
type Analyzer struct {
	cfg   config
	lex   *lexicon.Set
	seg   *segment.Segmenter
	rules *directives.Rules
}

// New builds an Analyzer.
func New(opts ...Option) (*Analyzer, error) {
	cfg := config{window: windowRunes, keywords: 15, maxBytes: DefaultMaxBytes, jobs: runtime.NumCPU(), jsonl: parse.DefaultJSONLFields}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.language != "" && cfg.language != "zh" && cfg.language != "en" {
		return nil, fmt.Errorf("language %q: want zh or en", cfg.language)
	}
	if cfg.format != "" && !validFormat(cfg.format) {
		return nil, fmt.Errorf("input format %q: want one of %v", cfg.format, parse.Formats)
	}
	for n := range cfg.only {
		if !slices.Contains(Extractors, n) {
			return nil, fmt.Errorf("extractor %q: want one of %v", n, Extractors)
		}
	}
	if cfg.jobs < 1 {
		cfg.jobs = 1
	}
	// gse's word list does not depend on the lexicons: parse it meanwhile
	segment.Preload()
	entities.Preload()   // nor does the name model
	directives.Preload() // nor the directive model
	keywords.Preload()   // nor the keyword candidates' corpus counts
	var lex *lexicon.Set
	var err error
	if len(cfg.lexiconDirs) == 0 {
		lex, err = lexicon.Builtin()
	} else {
		lex, err = lexicon.Load(cfg.lexiconDirs)
	}
	if err != nil {
		return nil, fmt.Errorf("lexicons: %w", err)
	}
	var a *Analyzer
	if len(cfg.lexiconDirs) == 0 {
		seg, rules := builtinParts(lex, cfg.tagEnglish)
		a = &Analyzer{cfg: cfg, lex: lex, seg: seg, rules: rules}
	} else {
		a = &Analyzer{cfg: cfg, lex: lex, seg: segment.New(lex, segment.Options{TagEnglish: cfg.tagEnglish}), rules: directives.Compile(lex)}
	}
	if cfg.dirModel != "" {
		text, err := os.ReadFile(cfg.dirModel)
		if err != nil {
			return nil, fmt.Errorf("directive model: %w", err)
		}
		if a.rules, err = a.rules.WithModel(string(text), cfg.dirModel); err != nil {
			return nil, fmt.Errorf("directive model: %w", err)
		}
	}
	return a, nil
}

// builtin holds the segmenters and compiled rules over the built-in
// lexicons, shared by every Analyzer of the process that adds no lexicon of
// its own: they are immutable once built, and each copy cost ~70 MB.
var builtin struct {
	once  sync.Once
	seg   [2]*segment.Segmenter // without and with English tagging
	rules *directives.Rules
}

func builtinParts(lex *lexicon.Set, tagEnglish bool) (*segment.Segmenter, *directives.Rules) {
	builtin.once.Do(func() {
		builtin.seg[0] = segment.New(lex, segment.Options{})
		builtin.seg[1] = segment.New(lex, segment.Options{TagEnglish: true})
		builtin.rules = directives.Compile(lex)
	})
	if tagEnglish {
		return builtin.seg[1], builtin.rules
	}
	return builtin.seg[0], builtin.rules
}

func validFormat(f string) bool {
	for _, x := range parse.Formats {
		if x == f {
			return true
		}
	}
	return false
}

// Source is one input: a name shown in messages and used as the id, and its bytes.
type Source struct {
	Name string
	ID   string // defaults to Name
	Data []byte
}

// Analyze analyzes one document (any format but JSONL, whose records are
// documents of their own: see Batch).
func (a *Analyzer) Analyze(ctx context.Context, src Source) (*Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a.streams(int64(len(src.Data))) {
		// the bytes are the caller's; the text, its copy as a string and
		// the paragraphs need not be held as well
		res, err := a.analyzeStream(ctx, src.Name, src.ID, bytes.NewReader(src.Data), int64(len(src.Data)))
		if !errors.Is(err, parse.ErrNotStreamable) {
			return res, err
		}
	}
	return a.analyzeWhole(ctx, src)
}

// analyzeWhole parses a document's bytes at once and analyzes it.
func (a *Analyzer) analyzeWhole(ctx context.Context, src Source) (*Analysis, error) {
	d, err := parse.Parse(src.Name, src.Data, a.parseOptions())
	if err != nil {
		return nil, err
	}
	if src.ID != "" {
		d.ID = src.ID
	}
	return a.analyzeDocument(ctx, d)
}

func (a *Analyzer) parseOptions() parse.Options {
	return parse.Options{Format: a.cfg.format, JSONL: a.cfg.jsonl, MaxBytes: a.cfg.maxBytes, Openers: a.lex.OpenersEN}
}

// analyzeDocument runs segmentation and the extractors over a parsed
// document, window by window (see windowRunes): what is held at once is
// one window's tokens plus what spans the document.
func (a *Analyzer) analyzeDocument(ctx context.Context, d *parse.Document) (*Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lang := a.cfg.language
	if d.Language != "" {
		lang = d.Language
	}
	if lang == "" {
		lang = segment.DetectLanguage(d.Title, d.Paragraphs)
	}
	if a.cfg.spill && len(windows(d.Paragraphs, a.cfg.window)) > 1 {
		return a.analyzeSpilled(ctx, d, lang)
	}
	defer holdMemory(textBytes(d))()
	st := &docState{kw: keywords.NewAccumulator(a.lex, lang)}
	if err := a.analyzeWindows(ctx, d, lang, st, nil); err != nil {
		return nil, err
	}
	res := &Analysis{Schema: Schema, Document: documentOf(d, lang), terms: st.terms}
	a.finish(res, st, d, lang)
	meta := directives.Meta{Issuer: d.Issuer, Title: d.Title, Chars: res.Document.Chars}
	res.Document.Policy, res.Directives = directives.Policy(a.rules, meta, lang, st.directives)
	res.Directives = nonNil(res.Directives)
	for i := range res.Directives {
		nonNilLists(&res.Directives[i])
	}
	return res, nil
}

// finish fills what spans the document: keywords, entities and targets.
func (a *Analyzer) finish(res *Analysis, st *docState, d *parse.Document, lang string) {
	res.Entities = st.entities.result()
	if a.cfg.runs("keywords") {
		res.Keywords = a.keywordsOf(st, res.Entities)
	}
	res.Targets = targets.FirstPerIndicator(st.targets)
	res.Keywords, res.Entities, res.Targets = nonNil(res.Keywords), nonNil(res.Entities), nonNil(res.Targets)
	for i := range res.Entities {
		res.Entities[i].Titles = nonNil(res.Entities[i].Titles)
		res.Entities[i].Aliases = nonNil(res.Entities[i].Aliases)
		res.Entities[i].Mentions = nonNil(res.Entities[i].Mentions)
	}
}

// nonNilLists makes a directive's lists [] rather than null in JSON.
func nonNilLists(d *Directive) {
	d.Markers = nonNil(d.Markers)
	d.Addressees = nonNil(d.Addressees)
}

// textBytes is the size of a document's text.
func textBytes(d *parse.Document) int64 {
	n := int64(len(d.Title))
	for _, p := range d.Paragraphs {
		n += int64(len(p))
	}
	return n
}

// confident drops the directives below the minimum confidence.
func (a *Analyzer) confident(ds []Directive) []Directive {
	if a.cfg.minConf <= 0 {
		return ds
	}
	return slices.DeleteFunc(ds, func(d Directive) bool { return d.Confidence < a.cfg.minConf })
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func documentOf(d *parse.Document, lang string) Document {
	chars := 0
	for _, p := range d.Paragraphs {
		chars += utf8fast.RuneCount(p)
	}
	return Document{
		ID: d.ID, Path: d.Path, Format: d.Format, Language: lang, Title: d.Title,
		OriginalTitle: d.OriginalTitle, Source: d.Source, Author: d.Author, Editor: d.Editor,
		Date: d.Date, DocNumber: d.DocNumber, Issuer: d.Issuer,
		Categories: nonNil(d.Categories), Paragraphs: nonNil(d.Paragraphs), Chars: chars,
		Warnings: d.Warnings,
	}
}

// Terms returns the content words of a text (no stop words, punctuation or
// numbers), as the keyword extractor sees them; lang "" detects it. It is
// what comparisons align directives and measure keyness with.
func (a *Analyzer) Terms(lang, text string) []string {
	doc, err := a.seg.Segment(lang, "", []string{text})
	if err != nil || len(doc.Paragraphs) == 0 {
		return nil
	}
	var out []string
	for _, t := range doc.Paragraphs[0].Tokens {
		if t.Stop || a.lex.Stop[t.Text] {
			continue
		}
		w := t.Text
		if doc.Lang == "en" {
			w = strings.ToLower(w)
		}
		out = append(out, w)
	}
	return out
}

// IDF returns a term's inverse document frequency in the policy reference
// corpus of a language ("zh" or "en").
func (a *Analyzer) IDF(lang, term string) float64 {
	if lang == "en" {
		return keywords.IDF(a.lex.IDFen, term)
	}
	return keywords.IDF(a.lex.IDF, term)
}

// TopKeywords ranks terms by score, then count, then term, as documents'
// keywords are ranked, and keeps the n best: for keywords of a corpus.
func TopKeywords(scores map[string]float64, counts map[string]int, n int) []Keyword {
	return keywords.Top(scores, counts, n)
}
