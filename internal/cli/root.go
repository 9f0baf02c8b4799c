package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/reports"
)

// Exit codes.
const (
	ExitOK          = 0
	ExitFailure     = 1   // some input could not be analyzed, or an output failed
	ExitUsage       = 2   // bad flags or arguments
	ExitInterrupted = 130 // an interrupt (SIGINT, SIGTERM) stopped the run
)

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
	cmd, err := root.ExecuteContextC(ctx)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, new(failedError)):
		return ExitFailure
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(s.Err, "policylens: interrupted; the output file, if any, was not written")
		return ExitInterrupted
	case errors.As(err, new(usageError)):
		fmt.Fprintf(s.Err, "policylens: %s\n", reports.Printable(err.Error()))
		fmt.Fprintln(s.Err, helpHint(cmd))
		return ExitUsage
	default:
		fmt.Fprintf(s.Err, "policylens: %s\n", reports.Printable(err.Error()))
		return ExitFailure
	}
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
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("policylens {{.Version}}\n")
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newAnalyzeCmd(s), newCompareCmd(s), newReportCmd(s), newKWICCmd(s), newTrendsCmd(s), newKeywordsCmd(s), newLexiconsCmd(s), newSamplesCmd(s), newManCmd(s), newVersionCmd(s))
	root.AddCommand(newIndexCmd(s), newSearchCmd(s), newServeCmd(s))
	addStoreInput(root) // --db for report, compare and kwic
	root.AddCommand(newSegmentCmd(s))
	root.InitDefaultCompletionCmd() // now, not at Execute, so that prepareTree sees it
	prepareTree(root)
	registerCompletions(root)
	return root
}

// reportError prints one input's error as one line, or as a JSON object
// when the output format is JSON. Control characters in the name or the
// message are shown escaped, so that the line stays one line.
func reportError(w io.Writer, format, name string, err error) {
	report(w, format, "error", name, err.Error())
}

// reportWarning prints a problem that did not fail the input, the same way.
func reportWarning(w io.Writer, format, name, msg string) {
	report(w, format, "warning", name, msg)
}

func report(w io.Writer, format, key, name, msg string) {
	if format == "json" || format == "jsonl" {
		b, _ := json.Marshal(map[string]string{"file": name, key: msg})
		fmt.Fprintf(w, "%s\n", b)
		return
	}
	if key == "warning" {
		msg = "warning: " + msg
	}
	fmt.Fprintf(w, "policylens: %s: %s\n", reports.Printable(name), reports.Printable(msg))
}

// reportInput prints an input's error, or its warning when it was skipped
// (a pipe, socket or device), and tells whether the input failed.
func reportInput(w io.Writer, format, name string, err error) bool {
	if errors.Is(err, analyze.ErrSkipped) {
		reportWarning(w, format, name, err.Error())
		return false
	}
	reportError(w, format, name, err)
	return true
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
