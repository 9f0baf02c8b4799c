package analyze

import (
	"context"
	"errors"
	"io"
	"os"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// streams tells whether an input of size bytes, read with WithSpill, may
// be streamed: plain text or Markdown (parse.Stream decides) of more bytes
// than a window has runes (a smaller one, its runes fewer than its bytes,
// is one window, and read whole).
func (a *Analyzer) streams(size int64) bool {
	return a.cfg.spill && size > int64(a.cfg.window) && (a.cfg.maxBytes <= 0 || size <= a.cfg.maxBytes)
}

// analyzeStream analyzes a plain-text or Markdown input of about size
// bytes read from r, as Analyze analyzes the same bytes with WithSpill,
// without ever holding its text: each paragraph goes to the spill as its line is read,
// and the windows are cut from the paragraphs' lengths as they go
// (issue 13: the whole text was held three times over while parsed, so
// the memory ceiling grew with the input). It returns an error wrapping
// parse.ErrNotStreamable when the input must be read whole instead; the
// reader has then been read from.
func (a *Analyzer) analyzeStream(ctx context.Context, name, id string, r io.ReadSeeker, size int64) (*Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer holdNeed(size, streamNeeds(size))()
	sp, err := newSpill(a.cfg.spillDir)
	if err != nil {
		return nil, err
	}
	cut := windowCutter{size: a.cfg.window}
	var sample langSample
	chars := 0
	d, err := parse.Stream(name, r, a.parseOptions(), func(p string) error {
		sp.addParagraph(p)
		m := utf8fast.RuneCount(p)
		chars += m
		cut.add(m)
		sample.add(p)
		if cut.i%1024 == 0 {
			return ctx.Err()
		}
		return nil
	})
	if err != nil {
		sp.close()
		return nil, err
	}
	if id != "" {
		d.ID = id
	}
	ws := cut.done()
	if len(ws) == 1 { // as Analyze does: one window is analyzed in memory
		return a.analyzeReadBack(ctx, d, sp)
	}
	lang := a.cfg.language
	if lang == "" {
		lang = segment.DetectLanguage(d.Title, sample.paras)
	}
	trad := lang != "en" && segment.IsTraditional(sample.paras)
	res := &Analysis{Schema: Schema, Document: documentOf(d, lang)}
	res.Document.Paragraphs, res.Document.Chars = nil, chars
	return a.analyzeFromSpill(ctx, d, lang, trad, ws, sp, res)
}

// analyzeReadBack reads a document's paragraphs back from sp, which it
// closes, and analyzes it in memory.
func (a *Analyzer) analyzeReadBack(ctx context.Context, d *parse.Document, sp *spill) (*Analysis, error) {
	defer sp.close()
	if err := sp.finish(); err != nil {
		return nil, err
	}
	err := sp.paras.each(0, func(_, body []byte) error {
		d.Paragraphs = append(d.Paragraphs, string(body))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return a.analyzeDocument(ctx, d)
}

// langSample keeps the first paragraphs of a document, as many as
// segment.DetectLanguage and segment.IsTraditional read (they stop after
// the paragraph where 20,000 runes, and 20,000 Han characters and Latin
// letters, have been seen), so that both decide on the sample as they
// would on the whole text. A text of few letters keeps more.
type langSample struct {
	paras         []string
	runes, letter int
	full          bool
}

func (s *langSample) add(p string) {
	if s.full {
		return
	}
	s.paras = append(s.paras, p)
	for _, r := range p {
		s.runes++
		// a lower bound of DetectLanguage's count: its Han test takes
		// every rune of unicode.Han
		if r < utf8.RuneSelf && (r|0x20) >= 'a' && (r|0x20) <= 'z' || r >= 0x2e80 && unicode.Is(unicode.Han, r) {
			s.letter++
		}
	}
	s.full = s.runes > 20000 && s.letter > 20000
}

// streamNeeds is the memory a document of n bytes of text may hold while
// analyzed as a stream: what spans the document (entities' mentions,
// keyword statistics), which grows far slower than the text, and twice
// one window: the window being analyzed and the garbage the previous one
// left. With one window only, the collector ran about 40% more often on
// 16 MB and the analysis took about 10% more CPU than with the text
// read whole (whose limit grew with the text). It is a ceiling for the
// collector, not a reservation.
func streamNeeds(n int64) int64 { return n/8 + 2*bytesPerWByte*min(n, windowBytes) }

// streamFile is a plain-text or Markdown file that a batch's worker reads
// as a stream: the reader only looks at its first bytes.
type streamFile struct {
	path, id string
	size     int64
}

// streamable returns the file a batch job streams rather than reads whole
// (a regular file of plain text or Markdown, with WithSpill, longer than a
// window), or nil.
func (a *Analyzer) streamable(r io.Reader, in Input, format string) *streamFile {
	f, ok := r.(*os.File)
	if !ok || in.Path == "-" || format != parse.FormatText && format != parse.FormatMarkdown {
		return nil
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || !a.streams(st.Size()) {
		return nil
	}
	return &streamFile{path: in.Path, id: in.ID, size: st.Size()}
}

// analyzeFile analyzes a plain-text or Markdown file as a stream, or reads
// it whole and analyzes it as Analyze does when it cannot be streamed.
func (a *Analyzer) analyzeFile(ctx context.Context, name string, sf *streamFile) (*Analysis, error) {
	f, err := openRegular(sf.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := a.analyzeStream(ctx, name, sf.id, f, sf.size)
	switch {
	case errors.Is(err, parse.ErrTooLarge): // the file grew since it was listed
		return nil, tooLarge("", a.cfg.maxBytes)
	case !errors.Is(err, parse.ErrNotStreamable):
		return res, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	data, err := readLimited(f, a.cfg.maxBytes)
	if err != nil {
		return nil, err
	}
	return a.analyzeWhole(ctx, Source{Name: name, ID: sf.id, Data: data})
}
