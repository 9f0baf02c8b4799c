package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/lexicons"
	"github.com/policylens/policylens/reports"
)

func newLexiconsCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicons",
		Short: "List, show or validate lexicon files",
		Long: `The lexicons are the data the extractors know: organizations, places, laws,
titles, force markers, stop words, IDF tables. Add your own rows with
--lexicon DIR: files of the same names in DIR add rows to the built-in ones.
Start from a built-in file (lexicons show NAME > DIR/NAME, then keep the
header and add rows) and check the folder with lexicons validate.`,
		Example: `  policylens lexicons list
  mkdir mylex && policylens lexicons show markers.zh.tsv | head -8 > mylex/markers.zh.tsv
  policylens lexicons validate mylex`,
	}
	cmd.AddCommand(newLexiconsValidateCmd(s), newLexiconsListCmd(s), newLexiconsShowCmd(s))
	return cmd
}

func newLexiconsValidateCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "validate DIR...",
		Short: "Check a folder of lexicon files; print every problem as FILE:LINE: message",
		Long: `Validate checks every file of each folder: known file names, the header row,
tab-separated columns, allowed values, repeated rows. Problems are printed
one a line as FILE:LINE: message and make the exit code 1; a row that
repeats a built-in one gets a note, which does not.`,
		Example: `  policylens lexicons validate mylex`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			n := 0
			for _, dir := range args {
				probs := withTabHints(dir, lexicon.Validate(dir))
				for _, p := range probs {
					fmt.Fprintln(s.Err, reports.Printable(p.Error())) // a line of the user's file may hold anything
				}
				n += len(probs)
				for _, note := range builtinDuplicates(dir) {
					fmt.Fprintln(s.Err, reports.Printable(note.Error()))
				}
			}
			if n > 0 {
				return failedError{n}
			}
			fmt.Fprintln(s.Out, "ok")
			return nil
		},
	}
}

func newLexiconsListCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the lexicon file names, their columns and entry counts",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			w := &tabWriter{w: s.Out}
			w.row("file", "entries", "columns", "holds")
			for _, sp := range lexicon.Specs {
				w.row(sp.Name, entries(sp.Name), strings.Join(sp.Columns, ", "), sp.Doc)
			}
			return w.err
		},
	}
}

func newLexiconsShowCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "show NAME",
		Short: "Print a built-in lexicon file, to copy and extend it",
		Example: `  policylens lexicons show markers.zh.tsv
  policylens lexicons show titles.zh.txt > mylex/titles.zh.txt`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeLexiconNames,
		RunE: func(_ *cobra.Command, args []string) error {
			data, err := fs.ReadFile(lexicons.FS, args[0])
			if err != nil {
				return usagef("no built-in lexicon %q (see `policylens lexicons list`)", args[0])
			}
			_, err = s.Out.Write(data)
			return err
		},
	}
}

// entries counts the rows of a built-in lexicon file.
func entries(name string) string {
	if _, err := fs.Stat(lexicons.FS, name); errors.Is(err, fs.ErrNotExist) {
		return "none" // a file users may add that is not shipped
	}
	rows, err := lexicon.ReadRows(lexicons.FS, name)
	if err != nil {
		return "?"
	}
	return fmt.Sprint(len(rows))
}

func completeLexiconNames(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []cobra.Completion
	for _, sp := range lexicon.Specs {
		names = append(names, sp.Name)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// tabWriter prints aligned columns and keeps the first write error.
type tabWriter struct {
	w   io.Writer
	err error
}

func (t *tabWriter) row(file, n, cols, doc string) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, "%-22s %7s  %-30s %s\n", file, n, cols, doc)
	}
}
