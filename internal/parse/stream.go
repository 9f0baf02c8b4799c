package parse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"unicode/utf8"
)

// ErrNotStreamable is StreamText's answer for a text it cannot read line by
// line exactly as Parse reads it whole: not plain text, a UTF-16 byte
// order mark, bytes that are not UTF-8 (Parse counts them over the whole
// text, or tries other encodings), binary data, nothing but white space.
// The caller reads such an input whole with Parse, which gives the
// document or the error.
var ErrNotStreamable = errors.New("not readable as a stream of lines")

// streamHead is how much of the input StreamText looks at before the first
// line: Detect reads 4,096 bytes, looksBinary 8,192, adoptingBody 3,000
// and hasHan 5,001 runes (at most 20,004 bytes).
const streamHead = 64 << 10

// StreamText reads a plain-text document (FormatText, given in opts or
// detected) from r and hands each paragraph to para as soon as its line is
// read, instead of holding the text, its string copy and the paragraph
// list at once as Parse does (issue 13: one document of 50 MB held three
// times over before its analysis began). The paragraphs and the Document
// (returned without Paragraphs) are those Parse gives for the same bytes;
// where they could differ it returns ErrNotStreamable before or while
// reading, and the caller must read the input again with Parse (para may
// have been called for the first lines by then). An error of para stops
// the reading and is returned.
func StreamText(name string, r io.Reader, opts Options, para func(p string) error) (*Document, error) {
	br := bufio.NewReaderSize(r, streamHead)
	head, err := br.Peek(streamHead)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if !streamable(name, head, opts.Format) {
		return nil, ErrNotStreamable
	}
	text := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	d := &Document{ID: name, Path: name, Format: FormatText}
	// the head stands for the text: both look at its first bytes only
	d.Date = dateFromName(filepath.Base(name), hasHan(string(text)))
	d.Issuer = adoptingBody(string(text))
	n, err := streamLines(br, opts.MaxBytes, para)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, ErrNoText
	}
	return d, nil
}

// streamable tells whether a text whose first bytes are head is plain
// UTF-8 text as far as they show.
func streamable(name string, head []byte, format string) bool {
	if format == "" {
		format = Detect(name, head)
	}
	if format != FormatText || bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return false
	}
	return !looksBinary(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
}

// streamLines reads the lines of r, cleans each as splitLines does and
// calls para with those that keep some text; it returns how many did.
func streamLines(br *bufio.Reader, maxBytes int64, para func(string) error) (int, error) {
	lr := lineReader{r: br, max: maxBytes}
	n, first, blank := 0, true, true
	for {
		line, more, err := lr.next()
		if err != nil {
			return n, err
		}
		// decode's test for an empty file comes before the byte order mark goes
		blank = blank && len(bytes.TrimSpace(line)) == 0
		if first {
			line, first = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")), false
		}
		if !utf8.Valid(line) {
			return n, ErrNotStreamable
		}
		if p := cleanSpace(string(line)); p != "" {
			if err := para(p); err != nil {
				return n, err
			}
			n++
		}
		if !more {
			break
		}
	}
	if blank {
		return n, ErrNotStreamable // Parse says ErrEmpty, or ErrBinary first
	}
	return n, nil
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
