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
	"syscall"

	"github.com/policylens/policylens/internal/fetch"
	"github.com/policylens/policylens/internal/parse"
)

// Result is the outcome for one document of a batch, delivered in input order.
type Result struct {
	Index    int    // position in the batch
	Name     string // the file (and line, for JSONL records) shown in messages
	Analysis *Analysis
	Err      error
	Warning  string // a problem that did not stop the analysis (a duplicate JSONL id)
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

// ErrSkipped marks an input that was left out rather than failed: a named
// pipe, socket or device is never opened (opening a pipe waits for a
// writer forever). The error wrapping it names the kind of file.
var ErrSkipped = errors.New("skipped")

// skipIrregular returns an ErrSkipped error for what is neither a regular
// file nor a folder, else nil.
func skipIrregular(mode fs.FileMode) error {
	if mode.IsRegular() || mode.IsDir() {
		return nil
	}
	return fmt.Errorf("%w: %s, not a regular file", ErrSkipped, FileKind(mode))
}

// FileKind names what a path that is no regular file is, for errors: a
// folder, a named pipe, a socket, a device, a symbolic link.
func FileKind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "an irregular file (" + mode.Type().String() + ")"
}

// Inputs expands paths into the files to read: a URL (http, https) is
// fetched when it is read, a file is taken as is, a
// directory (or a symbolic link to one) is walked for the known extensions
// (the rest are counted in skipped), "-" is standard input. Missing paths
// are returned as errors and the others still listed; named pipes,
// sockets and devices are returned as errors wrapping ErrSkipped, never
// opened.
func Inputs(paths []string) (inputs []Input, skipped int, errs []*InputError) {
	for _, p := range paths {
		if p == "-" || fetch.IsURL(p) {
			inputs = append(inputs, Input{Path: p, ID: p})
			continue
		}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			errs = append(errs, &InputError{p, unwrapPathError(err)})
		case !st.IsDir():
			if err := skipIrregular(st.Mode()); err != nil {
				errs = append(errs, &InputError{p, err})
				continue
			}
			inputs = append(inputs, Input{Path: p, ID: filepath.ToSlash(filepath.Base(p))})
		default:
			found, n, werrs := walkFolder(p)
			inputs, skipped, errs = append(inputs, found...), skipped+n, append(errs, werrs...)
		}
	}
	return inputs, skipped, errs
}

// walkFolder lists the documents under the folder p, sorted by path. A
// symbolic link given as p is followed; links met inside are followed to
// files only (a link to a folder is counted as skipped, which also keeps
// loops out).
func walkFolder(p string) (found []Input, skipped int, errs []*InputError) {
	root, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, 0, []*InputError{{p, unwrapPathError(err)}}
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, path)
		shown := filepath.Join(p, rel) // the path under the name given
		if err != nil {
			errs = append(errs, &InputError{shown, unwrapPathError(err)})
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		take, err := walkEntry(path, d)
		switch {
		case err != nil:
			errs = append(errs, &InputError{shown, err})
		case take:
			found = append(found, Input{Path: shown, ID: filepath.ToSlash(rel)})
		default:
			skipped++
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &InputError{p, err})
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
	return found, skipped, errs
}

// walkEntry tells whether a file met in a folder walk is a document to
// read; an error (wrapping ErrSkipped for pipes, sockets and devices) when
// it is not a regular file.
func walkEntry(path string, d fs.DirEntry) (bool, error) {
	wanted := parse.Extensions[strings.ToLower(filepath.Ext(path))] && !isProjectFile(d.Name())
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		if err != nil && !wanted {
			return false, nil // a broken link of another type: skipped as before
		}
		if err != nil {
			return false, unwrapPathError(err)
		}
		if st.IsDir() {
			return false, nil
		}
		mode = st.Mode()
	}
	if err := skipIrregular(mode); err != nil {
		return false, err
	}
	return wanted, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type job struct {
	index   int
	name    string
	src     *Source
	file    *streamFile // a text or Markdown file the worker streams (analyzeFile)
	doc     *parse.Document
	err     error
	warning string
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
	go a.feed(ctx, inputs, stdin, window, work)
	a.startWorkers(ctx, jobs, work, done)
	if err := emitInOrder(done, window, emit, cancel); err != nil {
		return err
	}
	return ctx.Err()
}

// feed is the reader: one file or record after the other, each numbered
// and let in only when the window has room.
func (a *Analyzer) feed(ctx context.Context, inputs []Input, stdin io.Reader, window chan struct{}, work chan<- job) {
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
}

// startWorkers runs jobs workers over work and closes done when the last
// of them has finished.
func (a *Analyzer) startWorkers(ctx context.Context, jobs int, work <-chan job, done chan<- Result) {
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
}

// emitInOrder emits the results in input order as they complete, freeing
// a place of the window for each. After emit fails it cancels the batch
// and closes what is left unemitted, so that no spill file outlives it.
func emitInOrder(done <-chan Result, window <-chan struct{}, emit func(Result) error, cancel func()) error {
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
			if emitErr != nil {
				r.Analysis.close() // never emitted: its spill goes now
				continue
			}
			if emitErr = emit(r); emitErr != nil {
				cancel()
			}
		}
	}
	for _, r := range pending { // after a cancellation, results with a gap before them
		r.Analysis.close()
	}
	return emitErr
}

// readInput turns one input into jobs: a document, or one per JSONL record.
func (a *Analyzer) readInput(ctx context.Context, in Input, stdin io.Reader, send func(job) bool) bool {
	name := in.Path
	if fetch.IsURL(in.Path) {
		return send(a.readURL(ctx, in.Path))
	}
	var r io.Reader
	if in.Path == "-" {
		name, r = "<stdin>", stdin
	} else {
		f, err := openRegular(in.Path)
		if err != nil {
			return send(job{name: name, err: err})
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
		if sf := a.streamable(r, in, format); sf != nil {
			return send(job{name: name, file: sf})
		}
		return send(a.readWhole(r, br, name, in.ID))
	}
	return a.readJSONL(ctx, br, in, name, send)
}

// readURL downloads a page or attachment within --max-bytes and a time
// limit; a failure is the job's error, and the batch goes on.
func (a *Analyzer) readURL(ctx context.Context, u string) job {
	doc, err := fetch.Get(ctx, u, fetch.Options{MaxBytes: a.cfg.maxBytes})
	if errors.Is(err, fetch.ErrTooLarge) {
		err = fmt.Errorf("%w: %v", parse.ErrTooLarge, strings.TrimPrefix(err.Error(), fetch.ErrTooLarge.Error()+": "))
	}
	if err != nil {
		return job{name: u, err: err}
	}
	// the name carries the format the headers gave; the URL stays the id
	return job{name: u, src: &Source{Name: doc.Name, ID: u, Data: doc.Data}}
}

// readWhole reads a document that is not a JSONL corpus within --max-bytes.
func (a *Analyzer) readWhole(r io.Reader, br *bufio.Reader, name, id string) job {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && a.cfg.maxBytes > 0 && st.Size() > a.cfg.maxBytes {
			return job{name: name, err: tooLarge(fmt.Sprintf("%d bytes", st.Size()), a.cfg.maxBytes)}
		}
	}
	data, err := readLimited(br, a.cfg.maxBytes)
	if err != nil {
		return job{name: name, err: err}
	}
	return job{name: name, src: &Source{Name: name, ID: id, Data: data}}
}

// readJSONL sends a job per record of a JSONL corpus; a record whose id an
// earlier record of the corpus had carries a warning.
func (a *Analyzer) readJSONL(ctx context.Context, br *bufio.Reader, in Input, name string, send func(job) bool) bool {
	ok, n := true, 0
	seen := map[string]int{} // document id → the first record with it, counted from 1
	rerr := parse.ReadJSONL(br, in.ID, a.cfg.jsonl, a.cfg.maxBytes, func(d *parse.Document, err error) bool {
		n++
		j := job{name: name, doc: d, err: err}
		var re *parse.RecordError
		if errors.As(err, &re) {
			j.name = fmt.Sprintf("%s:%d", name, re.Line)
			j.err = re.Err
			if errors.Is(re.Err, parse.ErrTooLarge) {
				j.err = tooLarge("a record", a.cfg.maxBytes)
			}
		} else if d != nil {
			j.name = name + "#" + strings.TrimPrefix(d.ID, in.ID+"#")
			d.Path = in.Path
			if first, dup := seen[d.ID]; dup {
				j.warning = fmt.Sprintf("duplicate id %q: record %d has it, and record %d before it", strings.TrimPrefix(d.ID, in.ID+"#"), n, first)
			} else {
				seen[d.ID] = n
			}
		}
		ok = send(j)
		return ok && ctx.Err() == nil
	})
	if rerr != nil && ok {
		return send(job{name: name, err: rerr})
	}
	return ok
}

// tooLarge is the error for an input over --max-bytes: it names the limit
// and the flag that raises it.
func tooLarge(what string, max int64) error {
	if what != "" {
		what += ", "
	}
	return fmt.Errorf("%w: %sover the limit of %d bytes (raise it with --max-bytes)", parse.ErrTooLarge, what, max)
}

// openRegular opens a file for reading without blocking on a named pipe
// (a file may have been replaced by one since Inputs looked), and refuses
// what is not a regular file with an error wrapping ErrSkipped.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	st, err := f.Stat()
	if err == nil {
		err = skipIrregular(st.Mode())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (a *Analyzer) runJob(ctx context.Context, j job) (r Result) {
	r = Result{Index: j.index, Name: j.name, Warning: j.warning}
	defer func() {
		if p := recover(); p != nil { // an extractor bug must not take the batch down
			r.Analysis, r.Err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	switch {
	case j.err != nil:
		r.Err = j.err
	case j.src != nil:
		// the input's bytes are not needed once parsed: with no reference
		// left here, a long document's go while it is analyzed
		src := j.src
		j.src = nil
		r.Analysis, r.Err = a.Analyze(ctx, *src)
		if r.Analysis != nil {
			r.Analysis.Document.Path = j.name
		}
	case j.file != nil:
		r.Analysis, r.Err = a.analyzeFile(ctx, j.name, j.file)
		if r.Analysis != nil {
			r.Analysis.Document.Path = j.name
		}
	default:
		r.Analysis, r.Err = a.analyzeDocument(ctx, j.doc)
	}
	if r.Analysis != nil && len(r.Analysis.Document.Warnings) > 0 {
		// bytes replaced while decoding: said once, on stderr, as well as in
		// document.warnings
		ws := r.Analysis.Document.Warnings
		if r.Warning != "" {
			ws = append([]string{r.Warning}, ws...)
		}
		r.Warning = strings.Join(ws, "; ")
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
		return nil, tooLarge("", max)
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
