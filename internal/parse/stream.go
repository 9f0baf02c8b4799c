package parse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ErrNotStreamable is Stream's answer for a text it cannot read line by
// line exactly as Parse reads it whole: neither plain text nor Markdown (or
// perhaps a Sina-Hexo page), a UTF-16 byte order mark, bytes that are not
// UTF-8 (Parse counts them over the whole text, or tries other
// encodings), binary data, nothing but white space, a front matter that
// does not close within the first 64 KiB.
// The caller reads such an input whole with Parse, which gives the
// document or the error.
var ErrNotStreamable = errors.New("not readable as a stream of lines")

// streamHead is how much of the input Stream looks at before the first
// line: Detect reads 4,096 bytes, looksBinary 8,192, adoptingBody 3,000
// and hasHan 5,001 runes (at most 20,004 bytes).
const streamHead = 64 << 10

// Stream reads a plain-text or Markdown document (FormatText or
// FormatMarkdown, given in opts or detected) from r and hands each
// paragraph to para as soon as it is read, instead of holding the text,
// its string copy and the paragraph list at once as Parse does (issue 13:
// one document of 50 MB was held three times over before its analysis
// began). The paragraphs and the Document (returned without Paragraphs)
// are those Parse gives for the same bytes; where they could differ it
// returns ErrNotStreamable, before or while reading, and the caller must
// read the input again with Parse (para may have been called for the
// first paragraphs by then). Markdown is read twice: first to find where
// a law's header and a summary end, which decide how the lines before
// them are read. An error of para stops the reading and is returned.
func Stream(name string, r io.ReadSeeker, opts Options, para func(p string) error) (*Document, error) {
	br := bufio.NewReaderSize(r, streamHead)
	head, err := br.Peek(streamHead)
	whole := errors.Is(err, io.EOF) // head is the whole input
	if err != nil && !whole && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	format := opts.Format
	if format == "" {
		format = Detect(name, head)
	}
	if !streamable(head, format, whole) {
		return nil, ErrNotStreamable
	}
	text := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	d := &Document{ID: name, Path: name, Format: format}
	var n int
	if format == FormatText {
		n, err = streamLines(br, opts.MaxBytes, 0, para)
	} else {
		n, err = streamMarkdown(d, r, br, text, whole, opts, para)
	}
	if err != nil {
		return nil, err
	}
	// the head stands for the text: both look at its first bytes only
	if d.Date == "" {
		d.Date = dateFromName(filepath.Base(name), hasHan(string(text)))
	}
	if d.Issuer == "" {
		d.Issuer = adoptingBody(string(text))
	}
	if n == 0 {
		return nil, ErrNoText
	}
	return d, nil
}

// streamable tells whether a text whose first bytes are head can be
// streamed as format: plain UTF-8 text or Markdown as far as they show,
// and not a Sina-Hexo page, which Detect tells from Markdown only by
// looking at the whole text.
func streamable(head []byte, format string, whole bool) bool {
	if format != FormatText && format != FormatMarkdown ||
		bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return false
	}
	if format == FormatMarkdown && !whole {
		h := head[:min(len(head), 4096)]
		if bytes.Contains(h, []byte("\ncategories:")) || bytes.Contains(h, []byte("\nheadimg:")) {
			return false
		}
	}
	return !looksBinary(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
}

// streamLines reads the lines of r, cleans each as splitLines does and
// calls para with those that keep some text; it returns how many did.
// The first skip lines (front matter) are only checked.
func streamLines(br *bufio.Reader, maxBytes int64, skip int, para func(string) error) (int, error) {
	n := 0
	err := eachLine(br, maxBytes, func(i int, line []byte) error {
		if i < skip {
			return nil
		}
		if p := cleanSpace(string(line)); p != "" {
			n++
			return para(p)
		}
		return nil
	})
	return n, err
}

// eachLine calls fn with each line of a text and its number, once it is
// known to be UTF-8 (else ErrNotStreamable), without the byte order mark
// of the first; a text of nothing but white space is ErrNotStreamable too
// (Parse says ErrEmpty, or ErrBinary first).
func eachLine(br *bufio.Reader, maxBytes int64, fn func(i int, line []byte) error) error {
	lr := lineReader{r: br, max: maxBytes}
	blank := true
	for i := 0; ; i++ {
		line, more, err := lr.next()
		if err != nil {
			return err
		}
		// decode's test for an empty file comes before the byte order mark goes
		blank = blank && len(bytes.TrimSpace(line)) == 0
		if i == 0 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if !utf8.Valid(line) {
			return ErrNotStreamable
		}
		if err := fn(i, line); err != nil {
			return err
		}
		if !more {
			break
		}
	}
	if blank {
		return ErrNotStreamable
	}
	return nil
}

// streamMarkdown reads a Markdown text whose first bytes (without a byte
// order mark) are text: its front matter from them, then the lines of its
// body twice, first to find where the law header and the summary end
// (mdLines), then to read them. A front matter must close within text.
func streamMarkdown(d *Document, r io.ReadSeeker, br *bufio.Reader, text []byte, whole bool, opts Options, para func(string) error) (int, error) {
	maxBytes := opts.MaxBytes
	h := string(text)
	if !whole { // whole lines only: a line cut short could close the front matter
		h = h[:strings.LastIndexByte(h, '\n')+1]
	}
	fm, body, hasFM, err := splitFrontMatter(h)
	if err != nil || !whole && strings.TrimLeft(h, " \t\r\n") == "" {
		// a front matter never closed (Parse's error), or one that may
		// open after the head's blank lines
		return 0, ErrNotStreamable
	}
	bodyLine := 0
	if hasFM {
		frontMatterInto(d, fm)
		bodyLine = strings.Count(h[:len(h)-len(body)], "\n")
	}
	m := mdLines{d: d, infoEnd: -1, sumEnd: -1, openers: opts.openers()}
	summary := -1
	err = eachLine(br, maxBytes, func(i int, line []byte) error {
		if i -= bodyLine; i < 0 {
			return nil
		}
		switch t := string(bytes.TrimSpace(line)); {
		case t == "<!-- INFO END -->" && m.infoEnd < 0:
			m.infoEnd = i
		case t == "## Summary" && summary < 0:
			summary = i
		case t == "---" && summary >= 0 && m.sumEnd < 0:
			m.sumEnd = i
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if m.infoEnd >= 0 {
		m.sumEnd = -1
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	n := 0
	m.para = func(p string) error { n++; return para(p) }
	err = eachLine(bufio.NewReaderSize(r, streamHead), maxBytes, func(i int, line []byte) error {
		if i -= bodyLine; i < 0 {
			return nil
		}
		return m.take(i, string(line))
	})
	if err != nil {
		return 0, err
	}
	return n, m.flush()
}

// lineReader reads lines of any length within a byte budget.
type lineReader struct {
	r    *bufio.Reader
	max  int64 // 0: no limit
	read int64
	buf  []byte
}

// next returns the next line without its "\n" and, as splitLines's
// "\r\n" → "\n" does, without the "\r" before it; more is false for the
// last line (which has no "\n"). The line is valid until the next call.
func (l *lineReader) next() (line []byte, more bool, err error) {
	l.buf = l.buf[:0]
	for {
		frag, err := l.r.ReadSlice('\n')
		l.read += int64(len(frag))
		if l.max > 0 && l.read > l.max {
			return nil, false, fmt.Errorf("%w: over the limit of %d bytes (--max-bytes)", ErrTooLarge, l.max)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			l.buf = append(l.buf, frag...)
			continue
		}
		if len(l.buf) > 0 {
			l.buf = append(l.buf, frag...)
			frag = l.buf
		}
		switch {
		case errors.Is(err, io.EOF):
			return frag, false, nil
		case err != nil:
			return nil, false, err
		}
		return bytes.TrimSuffix(frag[:len(frag)-1], []byte("\r")), true, nil
	}
}
