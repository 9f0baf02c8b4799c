package cli

import (
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/policylens/policylens/internal/store"
)

// defaultDB is the store file when neither --db nor POLICYLENS_DB names one.
const defaultDB = "policylens.db"

// addDBFlag registers --db; its default comes from POLICYLENS_DB.
func addDBFlag(cmd *cobra.Command, db *string) {
	def := os.Getenv("POLICYLENS_DB")
	if def == "" {
		def = defaultDB
	}
	cmd.Flags().StringVar(db, "db", def, "the store file (default: $POLICYLENS_DB, else policylens.db)")
}

type indexOptions struct {
	analyzeOptions
	db string
}

func newIndexCmd(s Streams) *cobra.Command {
	o := &indexOptions{}
	cmd := &cobra.Command{
		Use:   "index [flags] PATH...",
		Short: "Analyze documents into a store that search, serve and the corpus commands read",
		Long: `Index analyzes files, folders and JSONL corpora and keeps each document's text,
metadata and analysis in an SQLite store, with full-text search over
documents and directives. It is incremental: a file whose content and
analyzer are unchanged is skipped, a changed file is replaced, and a new
policylens re-analyzes everything. An interrupted index keeps what it
stored; run it again to go on.`,
		Example: `  policylens index ../shared/corpus
  policylens index --db gwr.db ../shared/corpus/gwr/government_work_reports.jsonl
  POLICYLENS_DB=~/policy.db policylens index notices/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runIndex(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, &o.analyzeOptions)
	addDBFlag(cmd, &o.db)
	return cmd
}

func runIndex(ctx context.Context, s Streams, o *indexOptions, args []string) error {
	o.keywords, o.explain = 10, true // the workbench shows why a clause is a directive
	defer leaveToSQLite(sqliteShare)()
	a, err := o.analyzer(s.Err)
	if err != nil {
		return err
	}
	for _, p := range args {
		if p == "-" {
			return usagef("index reads files and folders, not standard input")
		}
	}
	version, err := analyzerVersion(&o.analyzeOptions)
	if err != nil {
		return err
	}
	st, err := store.OpenForIndex(ctx, o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	bar := &indexBar{w: s.Err, on: !o.quiet && isTerminal(s.Err)}
	sum, err := store.Index(ctx, st, a, args, store.IndexOptions{
		Version:  version,
		Progress: bar.update,
		Report: func(name string, err error, warning string) {
			bar.clear()
			if err != nil {
				reportInput(s.Err, "", name, err)
			} else {
				reportWarning(s.Err, "", name, warning)
			}
		},
	})
	bar.finish()
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(s.Err, "policylens: %d document(s) stored before the interrupt; run index again to go on\n", sum.Documents)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Out, "indexed %d document(s) from %d input(s) into %s in %.1f s; %d input(s) unchanged, %d failed\n",
		sum.Documents, sum.Inputs-sum.Unchanged, o.db, time.Since(start).Seconds(), sum.Unchanged, sum.Failed)
	return finish(sum.Failed)
}

// analyzerVersion names what decides an analysis: this program's own
// bytes (any change of code or embedded lexicons changes them) and the
// options that change results.
func analyzerVersion(o *analyzeOptions) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("analyzer version: %w", err)
	}
	h := sha256.New()
	if id, ok := goBuildID(exe); ok {
		io.WriteString(h, id)
	} else if err := hashFile(h, exe); err != nil {
		return "", fmt.Errorf("analyzer version: %w", err)
	}
	fmt.Fprintf(h, "\x00%s\x00%s\x00%s\x00%v\x00%t", o.lang, o.inputFormat, strings.Join(o.lexicons, "\x01"), o.jsonl, o.tagEnglish)
	return Version + "+" + hex.EncodeToString(h.Sum(nil))[:16], nil
}

func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}

// goBuildID is the Go build ID the linker writes into an ELF executable;
// its last part is a hash of the executable's content, so it changes
// when the bytes do. Reading it instead of hashing the whole file (about
// 90 MB) saves 0.08 s of CPU an index. ok is false for other formats and
// for a binary linked without one.
func goBuildID(exe string) (id string, ok bool) {
	f, err := elf.Open(exe)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return "", false
	}
	data, err := sec.Data()
	if err != nil || len(data) < 16 {
		return "", false
	}
	// a note: name size, desc size, type, then name and desc, 4-aligned
	nameSize, descSize := int(f.ByteOrder.Uint32(data)), int(f.ByteOrder.Uint32(data[4:]))
	at := 12 + (nameSize+3)&^3
	if nameSize != 4 || string(data[12:15]) != "Go\x00" || at+descSize > len(data) {
		return "", false
	}
	id = string(data[at : at+descSize])
	return id, strings.Count(id, "/") >= 1 && !strings.HasSuffix(id, "/")
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// indexBar shows an index's progress on a terminal.
type indexBar struct {
	w   io.Writer
	on  bool
	bar *progressbar.ProgressBar
}

func (b *indexBar) update(p store.Progress) {
	if !b.on {
		return
	}
	if b.bar == nil {
		b.bar = progressbar.NewOptions(p.Inputs, progressbar.OptionSetWriter(b.w), progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond))
	}
	b.bar.Describe(fmt.Sprintf("indexing: %d documents", p.Documents))
	b.bar.Set(p.InputsDone)
}

func (b *indexBar) clear() {
	if b.bar != nil {
		b.bar.Clear()
	}
}

func (b *indexBar) finish() {
	if b.bar != nil {
		b.bar.Finish()
		fmt.Fprintln(b.w)
	}
}

// openStore opens the store a reading command names, which must exist:
// reading never creates an empty store by mistake.
func openStore(ctx context.Context, path string) (*store.SQLite, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("store %s: %w (create it with policylens index)", path, errors.Unwrap(err))
	}
	return store.Open(ctx, path)
}

// sqliteShare is what the SQLite engine holds outside the Go heap while
// index writes the work reports (its pages, sorter and full-text buffers:
// 15 MB more anonymous memory than analyze at the peak, 2026-12-07). The
// soft limit counts only Go's own memory, so without this the process
// peaked at 147-151 MB against the 150 of issue 13; with it, 141 at the
// same CPU time.
const sqliteShare = 8 << 20

// leaveToSQLite lowers the soft memory limit that main set by share for
// the engine's memory, and returns the function that puts it back.
// GOMEMLIMIT, or no limit, is left alone.
func leaveToSQLite(share int64) (restore func()) {
	limit, ok := mainMemoryLimit()
	if !ok || limit <= 2*share {
		return func() {}
	}
	debug.SetMemoryLimit(limit - share)
	return func() { debug.SetMemoryLimit(limit) }
}
