package analyze

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/policylens/policylens/internal/parse"
)

// Result is the outcome for one document of a batch, delivered in input order.
type Result struct {
	Index    int    // position in the batch
	Name     string // the file (and line, for JSONL records) shown in messages
	Analysis *Analysis
	Err      error
}

// Input is one item a batch reads: a file, a JSONL corpus or standard input.
type Input struct {
	Path string // "-" for standard input
	ID   string // id of the document: path relative to the input root
}

// InputError is a path that could not be read as an input.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Inputs expands paths into the files to read: a file is taken as is, a
// directory is walked for the known extensions (the rest are counted in
// skipped), "-" is standard input. Missing paths are returned as errors and
// the others still listed.
func Inputs(paths []string) (inputs []Input, skipped int, errs []*InputError) {
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, Input{Path: "-", ID: "-"})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &InputError{p, unwrapPathError(err)})
			continue
		}
		if !st.IsDir() {
			inputs = append(inputs, Input{Path: p, ID: filepath.ToSlash(filepath.Base(p))})
			continue
		}
		var found []Input
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &InputError{path, unwrapPathError(err)})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !parse.Extensions[strings.ToLower(filepath.Ext(path))] || isProjectFile(d.Name()) {
				skipped++
				return nil
			}
			rel, _ := filepath.Rel(p, path)
			found = append(found, Input{Path: path, ID: filepath.ToSlash(rel)})
			return nil
		})
		if err != nil {
			errs = append(errs, &InputError{p, err})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		inputs = append(inputs, found...)
	}
	return inputs, skipped, errs
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type job struct {
	index int
	name  string
	src   *Source
	doc   *parse.Document
	err   error
}

// Batch analyzes inputs with a pool of workers and calls emit with each
// result in input order. At most a few documents per worker are in memory
// at once: reading waits while results are waiting to be emitted. emit
// returning an error stops the batch. stdin is read for the "-" input.
func (a *Analyzer) Batch(ctx context.Context, inputs []Input, stdin io.Reader, emit func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := a.cfg.jobs
	window := make(chan struct{}, jobs*4) // documents read but not yet emitted: room for a long one
	work := make(chan job)
	done := make(chan Result, jobs)

	go func() { // reader: one file or record after the other
		defer close(work)
		i := 0
		send := func(j job) bool {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			j.index = i
			i++
			select {
			case work <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, in := range inputs {
			if !a.readInput(ctx, in, stdin, send) {
				return
			}
		}
	}()
	workers := make(chan struct{})
	for w := 0; w < jobs; w++ {
		go func() {
			defer func() { workers <- struct{}{} }()
			for j := range work {
				done <- a.runJob(ctx, j)
			}
		}()
	}
	go func() {
		for w := 0; w < jobs; w++ {
			<-workers
		}
		close(done)
	}()
	pending := map[int]Result{}
	next := 0
	var emitErr error
	for r := range done {
		pending[r.Index] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if emitErr == nil {
				if emitErr = emit(r); emitErr != nil {
					cancel()
				}
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

// readInput turns one input into jobs: a document, or one per JSONL record.
func (a *Analyzer) readInput(ctx context.Context, in Input, stdin io.Reader, send func(job) bool) bool {
	name := in.Path
	var r io.Reader
	if in.Path == "-" {
		name, r = "<stdin>", stdin
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return send(job{name: name, err: unwrapPathError(err)})
		}
		defer f.Close()
		r = f
	}
	// the first bytes tell the format; a JSONL corpus is then streamed
	// record by record (--max-bytes limits each record, not the corpus),
	// any other file is read whole within --max-bytes
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	format := a.cfg.format
	if format == "" {
		format = parse.Detect(in.Path, head)
	}
	if format != parse.FormatJSONL {
		var data []byte
		var err error
		if f, ok := r.(*os.File); ok {
			if st, serr := f.Stat(); serr == nil && a.cfg.maxBytes > 0 && st.Size() > a.cfg.maxBytes {
				return send(job{name: name, err: fmt.Errorf("%w: %d bytes, over the limit of %d (--max-bytes)", parse.ErrTooLarge, st.Size(), a.cfg.maxBytes)})
			}
		}
		if data, err = readLimited(br, a.cfg.maxBytes); err != nil {
			return send(job{name: name, err: err})
		}
		return send(job{name: name, src: &Source{Name: name, ID: in.ID, Data: data}})
	}
	ok := true
	rerr := parse.ReadJSONL(br, in.ID, a.cfg.jsonl, a.cfg.maxBytes, func(d *parse.Document, err error) bool {
		j := job{name: name, doc: d, err: err}
		var re *parse.RecordError
		if errors.As(err, &re) {
			j.name = fmt.Sprintf("%s:%d", name, re.Line)
			j.err = re.Err
		} else if d != nil {
			j.name = name + "#" + strings.TrimPrefix(d.ID, in.ID+"#")
			d.Path = in.Path
		}
		ok = send(j)
		return ok && ctx.Err() == nil
	})
	if rerr != nil && ok {
		return send(job{name: name, err: rerr})
	}
	return ok
}

func (a *Analyzer) runJob(ctx context.Context, j job) (r Result) {
	r = Result{Index: j.index, Name: j.name}
	defer func() {
		if p := recover(); p != nil { // an extractor bug must not take the batch down
			r.Analysis, r.Err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	switch {
	case j.err != nil:
		r.Err = j.err
	case j.src != nil:
		r.Analysis, r.Err = a.Analyze(ctx, *j.src)
		if r.Analysis != nil {
			r.Analysis.Document.Path = j.name
		}
	default:
		r.Analysis, r.Err = a.analyzeDocument(ctx, j.doc)
	}
	return r
}

func readLimited(r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		return io.ReadAll(r)
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes (--max-bytes)", parse.ErrTooLarge, max)
	}
	return data, nil
}

// isProjectFile recognises a folder's own documentation, which is not a
// document to analyze.
func isProjectFile(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	// _index.md files are the section pages of static-site folders (the law
	// collections): front matter and no text
	return base == "README" || base == "LICENSE" || base == "CHANGELOG" || base == "CONTRIBUTING" || base == "_INDEX"
}
