package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/reports"
)

// analyzeFn analyzes the tasks of one group. Its Analyzers are built in
// Setup, once per DoFn instance (a worker keeps its instances across
// bundles), so the lexicons and dictionaries load once per worker, not
// once per element; the built-in ones are shared by the whole process.
type analyzeFn struct {
	Keywords int
	MaxBytes int64
	Lang     string
	By       string
	Threads  int // documents analyzed at once inside one group

	files   *analyze.Analyzer // any format, detected as the CLI does
	records *analyze.Analyzer // JSONL records, one at a time
}

func (f *analyzeFn) Setup() error {
	opts := []analyze.Option{analyze.WithKeywords(f.Keywords), analyze.WithMaxBytes(f.MaxBytes),
		analyze.WithLanguage(f.Lang), analyze.WithJobs(1)}
	var err error
	if f.files, err = analyze.New(opts...); err != nil {
		return fmt.Errorf("analyzer: %w", err)
	}
	if f.records, err = analyze.New(append(opts, analyze.WithInputFormat("jsonl"))...); err != nil {
		return fmt.Errorf("analyzer: %w", err)
	}
	return nil
}

// outcome is what a worker hands back: a JSONL line or a failure.
type outcome struct {
	task     Task
	analysis *analyze.Analysis
	line     string
	err      error
}

// ProcessElement analyzes a group's tasks with Threads workers. Only this
// goroutine reads the iterator and calls the emitters, as Beam requires.
func (f *analyzeFn) ProcessElement(ctx context.Context, _ int, tasks func(*Task) bool,
	emitDoc func(string, string), emitAgg func(string, int), dead func(string, string)) {
	work, done := make(chan Task), make(chan outcome)
	var wg sync.WaitGroup
	for range max(f.Threads, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				done <- f.run(ctx, t)
			}
		}()
	}
	var t Task
	have, pending := tasks(&t), 0
	for have || pending > 0 {
		var send chan Task
		if have {
			send = work
		}
		select {
		case send <- t:
			pending++
			t = Task{}
			have = tasks(&t)
		case o := <-done:
			pending--
			f.emit(o, emitDoc, emitAgg, dead)
		}
	}
	close(work)
	wg.Wait()
}

func (f *analyzeFn) emit(o outcome, emitDoc func(string, string), emitAgg func(string, int), dead func(string, string)) {
	if o.err != nil {
		dead(o.task.Name(), o.err.Error())
		return
	}
	emitDoc(o.analysis.Document.ID, o.line)
	aggregates(o.analysis, f.By, emitAgg)
}

// run analyzes one task and encodes it as the CLI's JSONL reporter does; a
// panic in the analysis becomes the task's error, never the job's.
func (f *analyzeFn) run(ctx context.Context, t Task) (o outcome) {
	o.task = t
	defer func() {
		if p := recover(); p != nil {
			o.analysis, o.err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	if t.Line == 0 {
		o.analysis, o.err = f.analyzeFile(ctx, t)
	} else {
		o.analysis, o.err = f.analyzeRecord(ctx, t)
	}
	if o.err == nil {
		o.line, o.err = encode(o.analysis)
	}
	return o
}

func (f *analyzeFn) analyzeFile(ctx context.Context, t Task) (*analyze.Analysis, error) {
	data, err := readFile(ctx, t.Path, f.MaxBytes)
	if err != nil {
		return nil, err
	}
	a, err := f.files.Analyze(ctx, analyze.Source{Name: t.Path, ID: t.ID, Data: data})
	if err != nil {
		return nil, err
	}
	a.Document.Path = t.Path
	return a, nil
}

// analyzeRecord analyzes one JSONL record through the library's batch
// reader, so that fields, ids and errors are the CLI's; the line number
// it cannot know is put back into a line-numbered id.
func (f *analyzeFn) analyzeRecord(ctx context.Context, t Task) (*analyze.Analysis, error) {
	var res analyze.Result
	err := f.records.Batch(ctx, []analyze.Input{{Path: "-", ID: t.ID}}, strings.NewReader(t.Record),
		func(r analyze.Result) error { res = r; return nil })
	if err == nil {
		err = res.Err
	}
	if err == nil && res.Analysis == nil {
		err = errors.New("no text")
	}
	if err != nil {
		return nil, err
	}
	a := res.Analysis
	a.Document.Path = t.Path
	if !hasID(t.Record) {
		a.Document.ID = fmt.Sprintf("%s#%d", t.ID, t.Line)
	}
	return a, nil
}

// hasID tells whether a record names itself in the "id" field (a string
// or a number, as the JSONL reader takes it); otherwise its id is its line.
func hasID(record string) bool {
	var rec map[string]any
	if json.Unmarshal([]byte(record), &rec) != nil {
		return false
	}
	switch v := rec["id"].(type) {
	case string:
		return strings.TrimSpace(v) != ""
	case float64:
		return true
	}
	return false
}

// readFile reads a whole file within the size limit, on any filesystem
// Beam knows.
func readFile(ctx context.Context, p string, max int64) ([]byte, error) {
	rc, err := fileio.ReadableFile{Metadata: fileio.FileMetadata{Path: p}}.Open(ctx)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file too large: over the limit of %d bytes (raise it with --max_bytes)", max)
	}
	return data, nil
}

// encode writes an analysis as one line of `policylens analyze -f jsonl`.
func encode(a *analyze.Analysis) (string, error) {
	var buf bytes.Buffer
	r, err := reports.New("jsonl", &buf, reports.Options{})
	if err != nil {
		return "", err
	}
	if err := r.Write(a); err != nil {
		return "", fmt.Errorf("encode: %w", err)
	}
	if err := r.Close(); err != nil {
		return "", fmt.Errorf("encode: %w", err)
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
