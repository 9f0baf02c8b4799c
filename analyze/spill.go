package analyze

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"

	"github.com/policylens/policylens/internal/directives"
)

// WithSpill lets a document too long for one window (see windowRunes)
// keep its paragraphs and directives in temporary files in dir ("" for
// os.TempDir) instead of in memory, as each window finishes: what stays in
// memory is what spans the document (keyword statistics, merged entities,
// targets), so one long document no longer needs memory in proportion to
// its text (issue 13). Such an Analysis reports Spilled; its
// Document.Paragraphs and Directives are then nil, EachParagraph and
// EachDirective read them back, and Close removes the files (they are
// unlinked as soon as created where the system allows, so nothing is left
// behind if the process dies). Documents of one window are unaffected.
func WithSpill(dir string) Option {
	return func(c *config) { c.spill, c.spillDir = true, dir }
}

// spill holds the long lists of one document on disk.
type spill struct {
	paras, dirs *spillFile
	nParas      int
	dirsOnDisk  bool     // false when the directives kept are in Analysis.Directives
	forces      []string // KeepForces; nil keeps every force
	filtered    bool
}

// spillFile is an append-only file of length-prefixed records, read back
// from the start.
type spillFile struct {
	f       *os.File
	name    string // still to remove at Close where unlinking an open file failed
	w       *bufio.Writer
	lenBuf  [binary.MaxVarintLen64]byte
	cleanup runtime.Cleanup
}

func newSpillFile(dir string) (*spillFile, error) {
	f, err := os.CreateTemp(dir, "policylens-spill-*")
	if err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	s := &spillFile{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	if os.Remove(f.Name()) != nil {
		s.name = f.Name() // Windows: removed at Close
	}
	// an Analysis dropped without Close must not keep its descriptor
	s.cleanup = runtime.AddCleanup(s, func(f *os.File) { f.Close() }, f)
	return s, nil
}

// add appends one record: head (fixed size, may be empty) and body.
func (s *spillFile) add(head, body []byte) {
	s.w.Write(head)
	n := binary.PutUvarint(s.lenBuf[:], uint64(len(body)))
	s.w.Write(s.lenBuf[:n])
	s.w.Write(body) // bufio keeps the first error; finish returns it
}

func (s *spillFile) finish() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spill: %w", err)
	}
	return nil
}

// each calls fn with every record, the head of headLen bytes apart. The
// slices are valid until fn returns.
func (s *spillFile) each(headLen int, fn func(head, body []byte) error) error {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spill: %w", err)
	}
	r := bufio.NewReaderSize(s.f, 64<<10)
	head := make([]byte, headLen)
	var body []byte
	for {
		if _, err := r.Peek(1); errors.Is(err, io.EOF) {
			return nil
		}
		if _, err := io.ReadFull(r, head); err != nil {
			return fmt.Errorf("spill: %w", err)
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return fmt.Errorf("spill: %w", err)
		}
		body = slices.Grow(body[:0], int(n))[:n]
		if _, err := io.ReadFull(r, body); err != nil {
			return fmt.Errorf("spill: %w", err)
		}
		if err := fn(head, body); err != nil {
			return err
		}
	}
}

// spillReader reads the records of a spill file one after the other.
type spillReader struct{ r *bufio.Reader }

// reader flushes what was written and reads it from the start; nothing may
// be added while it is read.
func (s *spillFile) reader() (*spillReader, error) {
	if err := s.finish(); err != nil {
		return nil, err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	return &spillReader{bufio.NewReaderSize(s.f, 64<<10)}, nil
}

// strings reads the next n records of a file without heads.
func (r *spillReader) strings(n int) ([]string, error) {
	out := make([]string, n)
	for i := range out {
		m, err := binary.ReadUvarint(r.r)
		if err != nil {
			return nil, fmt.Errorf("spill: %w", err)
		}
		b := make([]byte, m)
		if _, err := io.ReadFull(r.r, b); err != nil {
			return nil, fmt.Errorf("spill: %w", err)
		}
		out[i] = string(b)
	}
	return out, nil
}

func (s *spillFile) close() error {
	if s == nil {
		return nil
	}
	s.cleanup.Stop()
	err := s.f.Close()
	if s.name != "" {
		err = errors.Join(err, os.Remove(s.name))
	}
	return err
}

func newSpill(dir string) (*spill, error) {
	p, err := newSpillFile(dir)
	if err != nil {
		return nil, err
	}
	d, err := newSpillFile(dir)
	if err != nil {
		p.close()
		return nil, err
	}
	return &spill{paras: p, dirs: d, dirsOnDisk: true}, nil
}

func (s *spill) addParagraph(p string) {
	s.nParas++
	s.paras.add(nil, []byte(p))
}

// directive records: the force's rank and the confidence (not in the JSON)
// before the JSON encoding/json writes with HTML escaping off.
const dirHead = 1 + 8

func (s *spill) addDirective(d *Directive, buf *bytes.Buffer) error {
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("spill: directive: %w", err)
	}
	var head [dirHead]byte
	head[0] = byte(directives.Rank(d.Force) + 1)
	binary.LittleEndian.PutUint64(head[1:], math.Float64bits(d.Confidence))
	s.dirs.add(head[:], bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return nil
}

func (s *spill) finish() error {
	return errors.Join(s.paras.finish(), s.dirs.finish())
}

func (s *spill) close() error {
	return errors.Join(s.paras.close(), s.dirs.close())
}

// Spilled reports whether a's paragraphs and directives are kept in
// temporary files (WithSpill) rather than in Document.Paragraphs and
// Directives.
func (a *Analysis) Spilled() bool { return a.spill != nil }

// Close removes the temporary files of a spilled Analysis; it does nothing
// for another. The Analysis must not be read after.
func (a *Analysis) Close() error {
	if a.spill == nil {
		return nil
	}
	err := a.spill.close()
	a.spill = nil
	return err
}

// close is Close for an Analysis that may be nil, whose error nobody reads.
func (a *Analysis) close() {
	if a != nil {
		a.Close()
	}
}

// ParagraphCount is the number of paragraphs of the document.
func (a *Analysis) ParagraphCount() int {
	if a.spill != nil {
		return a.spill.nParas
	}
	return len(a.Document.Paragraphs)
}

// EachParagraph calls fn with each paragraph of the document in order,
// from memory or from the spill; an error of fn stops it and is returned.
func (a *Analysis) EachParagraph(fn func(p string) error) error {
	if a.spill == nil {
		for _, p := range a.Document.Paragraphs {
			if err := fn(p); err != nil {
				return err
			}
		}
		return nil
	}
	return a.spill.paras.each(0, func(_, body []byte) error { return fn(string(body)) })
}

// KeepForces keeps only the directives of the given forces (none given:
// no directive): at once in memory, as they are read for a spilled
// Analysis.
func (a *Analysis) KeepForces(forces ...string) {
	if a.spill != nil && a.spill.dirsOnDisk {
		if a.spill.filtered {
			forces = slices.DeleteFunc(forces, func(f string) bool { return !slices.Contains(a.spill.forces, f) })
		}
		a.spill.forces, a.spill.filtered = forces, true
		return
	}
	kept := a.Directives[:0]
	for _, d := range a.Directives {
		if slices.Contains(forces, d.Force) {
			kept = append(kept, d)
		}
	}
	a.Directives = kept
}

// EachDirectiveJSON calls fn with each directive kept, in order, as the
// compact JSON encoding/json writes for it with HTML escaping off (the
// bytes are valid until fn returns); an error of fn stops it.
func (a *Analysis) EachDirectiveJSON(fn func(js []byte) error) error {
	if a.spill == nil || !a.spill.dirsOnDisk {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for i := range a.Directives {
			buf.Reset()
			if err := enc.Encode(&a.Directives[i]); err != nil {
				return err
			}
			if err := fn(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); err != nil {
				return err
			}
		}
		return nil
	}
	return a.spill.eachKept(func(_, body []byte) error { return fn(body) })
}

// eachKept calls fn with the head (force rank, confidence) and the JSON of
// each spilled directive that the force filter keeps.
func (s *spill) eachKept(fn func(head, body []byte) error) error {
	return s.dirs.each(dirHead, func(head, body []byte) error {
		if s.filtered && !s.keeps(int(head[0])-1) {
			return nil
		}
		return fn(head, body)
	})
}

func (s *spill) keeps(rank int) bool {
	for _, f := range s.forces {
		if directives.Rank(f) == rank {
			return true
		}
	}
	return false
}

// EachDirective calls fn with each directive kept, in order, decoded from
// the spill (Confidence included) or taken from Directives.
func (a *Analysis) EachDirective(fn func(d *Directive) error) error {
	if a.spill == nil || !a.spill.dirsOnDisk {
		for i := range a.Directives {
			if err := fn(&a.Directives[i]); err != nil {
				return err
			}
		}
		return nil
	}
	return a.spill.eachKept(func(head, body []byte) error {
		var d Directive
		if err := json.Unmarshal(body, &d); err != nil {
			return fmt.Errorf("spill: directive: %w", err)
		}
		d.Confidence = math.Float64frombits(binary.LittleEndian.Uint64(head[1:]))
		return fn(&d)
	})
}

// DirectiveCount counts the directives kept (reading the spill through).
func (a *Analysis) DirectiveCount() (int, error) {
	n := 0
	err := a.EachDirectiveJSON(func([]byte) error { n++; return nil })
	return n, err
}
