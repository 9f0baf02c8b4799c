package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/reports"
)

func newLexiconsCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicons",
		Short: "List the lexicon files or validate a folder of your own",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "validate DIR...",
		Short: "Check a folder of lexicon files; print every problem as FILE:LINE: message",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			n := 0
			for _, dir := range args {
				probs := lexicon.Validate(dir)
				for _, p := range probs {
					fmt.Fprintln(s.Err, reports.Printable(p.Error())) // a line of the user's file may hold anything
				}
				n += len(probs)
			}
			if n > 0 {
				return failedError{n}
			}
			fmt.Fprintln(s.Out, "ok")
			return nil
		},
	}, &cobra.Command{
		Use:   "list",
		Short: "List the lexicon file names, their columns and entry counts",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			for _, sp := range lexicon.Specs {
				fmt.Fprintf(s.Out, "%-22s %-28s %s\n", sp.Name, fmt.Sprint(sp.Columns), sp.Doc)
			}
			return nil
		},
	})
	return cmd
}
