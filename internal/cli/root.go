package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	ExitOK          = 0
	ExitFailure     = 1   // some input could not be analyzed, or an output failed
	ExitUsage       = 2   // bad flags or arguments
	ExitInterrupted = 130 // an interrupt (SIGINT, SIGTERM) stopped the run
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=…".
var Version = "dev"

// Streams are the standard streams a command uses.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// usageError marks errors in the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// failedError reports that a batch went on past failed inputs; they were
// already reported one line each.
type failedError struct{ n int }

func (e failedError) Error() string { return fmt.Sprintf("%d input(s) failed", e.n) }

// Run runs the command line args and returns the exit code; cancelling ctx
// (an interrupt) stops a batch between documents.
func Run(ctx context.Context, args []string, s Streams) int {
	root := newRoot(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, new(failedError)):
		return ExitFailure
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(s.Err, "policylens: interrupted; the output file, if any, was not written")
		return ExitInterrupted
	case errors.As(err, new(usageError)) || isCobraUsage(err):
		fmt.Fprintf(s.Err, "policylens: %v\n", err)
		fmt.Fprintln(s.Err, "Run 'policylens --help' for usage.")
		return ExitUsage
	default:
		fmt.Fprintf(s.Err, "policylens: %v\n", err)
		return ExitFailure
	}
}

// isCobraUsage recognises cobra's own argument and flag errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func newRoot(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "policylens",
		Short: "Read policy documents and tell what they order",
		Long: `policylens reads Chinese and English policy documents (news reports, State
Council notices, laws, work reports, US executive orders) and extracts
keywords, entities (officials with titles, organizations, laws, places,
dates, meetings, policy formulas), quantified targets and directives: who
must do what, with what force, by when.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newAnalyzeCmd(s), newCompareCmd(s), newReportCmd(s), newKWICCmd(s), newTrendsCmd(s), newKeywordsCmd(s), newLexiconsCmd(s), newVersionCmd(s))
	return root
}

func newVersionCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(s.Out, "policylens %s\n", Version)
			return nil
		},
	}
}

// reportError prints one input's error as one line, or as a JSON object
// when the output format is JSON.
func reportError(w io.Writer, format, name string, err error) {
	if format == "json" || format == "jsonl" {
		b, _ := json.Marshal(map[string]string{"file": name, "error": err.Error()})
		fmt.Fprintf(w, "%s\n", b)
		return
	}
	fmt.Fprintf(w, "policylens: %s: %v\n", name, err)
}

// atomicFile writes to a temporary file beside path and renames it into
// place on Commit, so that a failed run never leaves half a file.
type atomicFile struct {
	*os.File
	path string
}

func createAtomic(path string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes 0600; outputs are ordinary files
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &atomicFile{File: f, path: path}, nil
}

// Commit closes and renames the file into place.
func (f *atomicFile) Commit() error {
	if err := f.File.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := os.Rename(f.Name(), f.path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Abort discards the file.
func (f *atomicFile) Abort() {
	f.File.Close()
	os.Remove(f.Name())
}

// oneOf checks a flag's value against its allowed values.
func oneOf(flag, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return usagef("%s %q: want %s", flag, value, strings.Join(allowed, ", "))
}

// finish turns the count of failed inputs, already reported one line each,
// into the command's result.
func finish(failed int) error {
	if failed > 0 {
		return failedError{failed}
	}
	return nil
}
