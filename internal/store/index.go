package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// IndexOptions tune Index.
type IndexOptions struct {
	Version string // of the analyzer: a change re-analyzes everything
	// Report is called with each input's or document's error or warning;
	// skipped tells a warning (the input was left out) from a failure.
	Report func(name string, err error, warning string)
	// Progress is called after each document stored and each input done.
	Progress func(p Progress)
	// BatchSize is the documents written per transaction (default 8).
	// Bigger batches save little: a transaction costs less than the
	// analyses waiting in memory for it, with their explanations, which
	// made the GC work harder (a fresh index of the work reports took 20%
	// more CPU with 64 than with 8 or 16).
	BatchSize int
	// BatchChars ends a batch early once its documents hold this many
	// characters of text (default 16,000, about a third of a work
	// report): a long document's analysis, with an explanation per
	// directive, is megabytes of heap while it waits, and the store's own
	// memory is outside the garbage collector's limit.
	BatchChars int
}

// Progress is how far an index has come.
type Progress struct {
	Inputs, InputsDone, Documents int
}

// Summary is what an index did.
type Summary struct {
	Inputs    int `json:"inputs"`    // files and corpora found
	Unchanged int `json:"unchanged"` // skipped: same content, same analyzer
	Documents int `json:"documents"` // analyzed and stored
	Failed    int `json:"failed"`    // inputs or records that could not be analyzed
}

// Index analyzes the inputs under paths that changed since they were last
// indexed (by content hash and analyzer version) and stores them. An input
// is marked complete only when all of it is stored without error, so an
// interrupted or failed run is taken up again by the next one; the
// documents already written stay.
func Index(ctx context.Context, st Indexer, a *analyze.Analyzer, paths []string, o IndexOptions) (Summary, error) {
	var sum Summary
	report := o.Report
	if report == nil {
		report = func(string, error, string) {}
	}
	inputs, _, errs := analyze.Inputs(paths)
	for _, e := range errs {
		if !errors.Is(e, analyze.ErrSkipped) {
			sum.Failed++
		}
		report(e.Path, e.Err, "")
	}
	pending, keys, hashes, err := changedInputs(ctx, st, inputs, o.Version, &sum, report)
	if err != nil {
		return sum, err
	}
	ix := &indexRun{st: st, o: o, pending: pending, keys: keys, hashes: hashes, sum: &sum, report: report}
	if ix.o.BatchSize <= 0 {
		ix.o.BatchSize = 8
	}
	if ix.o.BatchChars <= 0 {
		ix.o.BatchChars = 16000
	}
	bulk, _ := st.(bulkIndexer)
	if bulk != nil && len(pending) > 0 {
		if err := bulk.DeferIndexes(ctx); err != nil {
			return sum, err
		}
	}
	err = ix.run(ctx, a)
	if bulk != nil && len(pending) > 0 {
		// also after a failure or an interrupt: the store stays whole
		if rerr := bulk.RestoreIndexes(context.WithoutCancel(ctx)); rerr != nil && err == nil {
			err = rerr
		}
	}
	return sum, err
}

// run analyzes and stores the pending inputs.
func (ix *indexRun) run(ctx context.Context, a *analyze.Analyzer) error {
	berr := a.Batch(ctx, ix.pending, nil, ix.emit)
	if ferr := ix.flush(context.WithoutCancel(ctx)); ferr != nil && berr == nil {
		berr = ferr
	}
	if berr != nil {
		return berr
	}
	return ix.finishUpTo(ctx, len(ix.pending))
}

// changedInputs hashes each input and keeps those not already indexed,
// with their keys in the store: absolute paths, the same from any folder.
func changedInputs(ctx context.Context, st Indexer, inputs []analyze.Input, version string, sum *Summary,
	report func(string, error, string)) (pending []analyze.Input, keys, hashes []string, err error) {
	for _, in := range inputs {
		if in.Path == "-" {
			return nil, nil, nil, fmt.Errorf("index reads files, not standard input")
		}
		sum.Inputs++
		key, err := filepath.Abs(in.Path)
		if err != nil {
			return nil, nil, nil, err
		}
		h, err := hashFile(in.Path)
		if err != nil {
			sum.Failed++
			report(in.Path, err, "")
			continue
		}
		done, err := st.InputDone(ctx, Input{Path: key, Hash: h, Version: version})
		if err != nil {
			return nil, nil, nil, err
		}
		if done {
			sum.Unchanged++
			continue
		}
		pending, keys, hashes = append(pending, in), append(keys, key), append(hashes, h)
	}
	return pending, keys, hashes, nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// indexRun follows a batch: results come in input order, so the input a
// result belongs to is the current one or a later one.
type indexRun struct {
	st      Indexer
	o       IndexOptions
	pending []analyze.Input
	keys    []string // the inputs' absolute paths
	hashes  []string
	sum     *Summary
	report  func(string, error, string)
	cur     int      // the input the last result belonged to
	ids     []string // documents of the current input
	bad     bool     // the current input had a failure
	buf     []Doc
	chars   int // the text characters of buf's documents
}

func (ix *indexRun) emit(r analyze.Result) error {
	ctx := context.Background()
	if err := ix.finishUpTo(ctx, ix.inputOf(r.Name)); err != nil {
		return err
	}
	if r.Warning != "" {
		ix.report(r.Name, nil, r.Warning)
	}
	if errors.Is(r.Err, context.Canceled) {
		ix.bad = true // stopped, not failed: the next run takes the input up again
		return nil
	}
	if r.Err != nil {
		if !errors.Is(r.Err, analyze.ErrSkipped) {
			ix.sum.Failed++
			ix.bad = true
		}
		ix.report(r.Name, r.Err, "")
		return nil
	}
	// the id is the input's absolute path and the record within it: ids
	// relative to an input's folder would collide across folders
	r.Analysis.Document.ID = ix.keys[ix.cur] + strings.TrimPrefix(r.Name, ix.pending[ix.cur].Path)
	ix.ids = append(ix.ids, r.Analysis.Document.ID)
	ix.buf = append(ix.buf, Doc{Input: ix.keys[ix.cur], Version: ix.o.Version, Analysis: r.Analysis})
	ix.chars += r.Analysis.Document.Chars
	ix.sum.Documents++
	if len(ix.buf) >= ix.o.BatchSize || ix.chars >= ix.o.BatchChars {
		return ix.flush(ctx)
	}
	ix.progress()
	return nil
}

// inputOf is the index of the pending input a result's name belongs to.
func (ix *indexRun) inputOf(name string) int {
	for i := ix.cur; i < len(ix.pending); i++ {
		p := ix.pending[i].Path
		if name == p || strings.HasPrefix(name, p+"#") || strings.HasPrefix(name, p+":") {
			return i
		}
	}
	return ix.cur
}

// finishUpTo marks the inputs before upTo complete (those without a failure).
func (ix *indexRun) finishUpTo(ctx context.Context, upTo int) error {
	for ; ix.cur < upTo; ix.cur++ {
		if err := ix.flush(ctx); err != nil {
			return err
		}
		if !ix.bad {
			in := Input{Path: ix.keys[ix.cur], Hash: ix.hashes[ix.cur], Version: ix.o.Version}
			if err := ix.st.FinishInput(ctx, in, ix.ids); err != nil {
				return err
			}
		}
		ix.ids, ix.bad = nil, false
		ix.progressDone(ix.cur + 1)
	}
	return nil
}

func (ix *indexRun) flush(ctx context.Context) error {
	if len(ix.buf) == 0 {
		return nil
	}
	err := ix.st.Write(ctx, ix.buf)
	clear(ix.buf) // the analyses go to the collector now, not at the next batch
	ix.buf, ix.chars = ix.buf[:0], 0
	ix.progress()
	return err
}

func (ix *indexRun) progress() { ix.progressDone(ix.cur) }

func (ix *indexRun) progressDone(done int) {
	if ix.o.Progress != nil {
		ix.o.Progress(Progress{Inputs: len(ix.pending), InputsDone: done, Documents: ix.sum.Documents})
	}
}
